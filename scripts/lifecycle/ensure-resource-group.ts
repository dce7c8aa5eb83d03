/**
 * Provision step (teamsapp.yml / m365agents.yml, before arm/deploy):
 * `npx tsx scripts/lifecycle/ensure-resource-group.ts`, with AZURE_SUBSCRIPTION_ID,
 * AZURE_RESOURCE_GROUP_NAME and AZURE_LOCATION from the environment file.
 */
import { azureAccessFromEnvironment, LifecycleError } from './azure-management';
import { checkResourceGroupRequest, ensureResourceGroup } from './resource-group';

async function main(): Promise<void> {
  const request = checkResourceGroupRequest({
    subscriptionId: process.env.AZURE_SUBSCRIPTION_ID,
    name: process.env.AZURE_RESOURCE_GROUP_NAME,
    location: process.env.AZURE_LOCATION,
  });
  const outcome = await ensureResourceGroup(azureAccessFromEnvironment(), request);
  console.log(outcome.created ? `Created resource group ${request.name} in ${outcome.location}.` : `Resource group ${request.name} exists (${outcome.location}).`);
}

main().catch((error: unknown) => {
  console.error(error instanceof LifecycleError ? error.message : error);
  process.exit(1);
});
