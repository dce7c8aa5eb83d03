/**
 * Deploy step (teamsapp.yml / m365agents.yml): `npx tsx scripts/lifecycle/deploy-api.ts` zips
 * build/api-deployment (staged by scripts/stage-api-deployment.ts) and deploys it to the Flex
 * Consumption Function App named by API_FUNCTION_APP_RESOURCE_ID with one deploy, waiting until the
 * deployment has finished and failing when it failed, then until the new code answers /api/health.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { azureAccessFromEnvironment, LifecycleError } from './azure-management';
import { oneDeploy, waitForHealth } from './one-deploy';
import { zipFolder } from './zip-folder';

async function main(): Promise<void> {
  const root = path.resolve(__dirname, '..', '..');
  const folder = path.join(root, 'build', 'api-deployment');
  if (!existsSync(path.join(folder, 'host.json'))) throw new LifecycleError('build/api-deployment is missing; the step "stage API deployment" runs before this one.');
  const resourceId = process.env.API_FUNCTION_APP_RESOURCE_ID?.trim();
  if (!resourceId) throw new LifecycleError('API_FUNCTION_APP_RESOURCE_ID is empty; run provision first, it writes it.');
  const zip = await zipFolder(folder);
  const result = await oneDeploy(azureAccessFromEnvironment(), { resourceId, zip, log: (line) => console.log(line) });
  if (!result.hostName) throw new LifecycleError(`Deployment ${result.deploymentId} succeeded, but the Function App reports no host name to check it on.`);
  await waitForHealth(`https://${result.hostName}/api/health`, { log: (line) => console.log(line) });
  console.log(`The API is deployed and healthy (deployment ${result.deploymentId}).`);
}

main().catch((error: unknown) => {
  console.error(error instanceof LifecycleError ? error.message : error);
  process.exit(1);
});
