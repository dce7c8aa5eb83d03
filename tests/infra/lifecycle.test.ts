import { readFileSync } from 'node:fs';
import path from 'node:path';
import { tunnelEndpointProblems } from '../../scripts/lifecycle/check-tunnel-endpoints';
import { environmentSections, nonEmptyValues, parseLifecycle, TOOLKIT_VARIABLES, variablesUsed, writtenByActions, type LifecycleAction } from './lifecycle-analysis';

const root = path.resolve(__dirname, '..', '..');
const read = (file: string) => readFileSync(path.join(root, file), 'utf8');
const uses = (actions: LifecycleAction[] | undefined) => (actions ?? []).map((a) => a.uses);

describe('teamsapp.yml', () => {
  const lifecycle = parseLifecycle(read('teamsapp.yml'));

  test('provision creates the Entra app and Teams app, deploys Bicep, then updates and validates the package', () => {
    expect(uses(lifecycle.provision)).toEqual([
      'teamsApp/create',
      'aadApp/create',
      'script',
      'arm/deploy',
      'script',
      'azureStorage/enableStaticWebsite',
      'oauth/register',
      'aadApp/update',
      'teamsApp/validateManifest',
      'teamsApp/zipAppPackage',
      'teamsApp/validateAppPackage',
      'teamsApp/update',
      'teamsApp/extendToM365',
    ]);
    const arm = lifecycle.provision!.find((a) => a.uses === 'arm/deploy')!;
    expect(arm.with?.templates).toEqual([{ path: './infra/main.bicep', parameters: './infra/main.parameters.json', deploymentName: 'mentoring-${{TEAMSFX_ENV}}' }]);
  });

  test('no client secret: the Entra app trusts the Function App\'s managed identity, right after arm/deploy created it', () => {
    const created = lifecycle.provision!.find((a) => a.uses === 'aadApp/create')!;
    expect(created.with).toMatchObject({ generateClientSecret: false, signInAudience: 'AzureADMyOrg' });
    expect(created.writeToEnvironmentFile?.clientSecret).toBeUndefined();
    expect(read('teamsapp.yml')).not.toContain('SECRET_');
    const armIndex = uses(lifecycle.provision).indexOf('arm/deploy');
    const trust = lifecycle.provision![armIndex + 1] as LifecycleAction & { env?: Record<string, string> };
    expect(trust.with).toEqual({ run: 'npx tsx scripts/lifecycle/trust-managed-identity.ts' });
    expect(trust.env).toEqual({ AAD_APP_OBJECT_ID: '${{AAD_APP_OBJECT_ID}}', AAD_APP_TENANT_ID: '${{AAD_APP_TENANT_ID}}', API_IDENTITY_PRINCIPAL_ID: '${{API_IDENTITY_PRINCIPAL_ID}}' });
  });

  test('the resource group is created, when missing, right before arm/deploy deploys into it', () => {
    const index = uses(lifecycle.provision).indexOf('arm/deploy');
    const ensure = lifecycle.provision![index - 1] as LifecycleAction & { env?: Record<string, string> };
    expect(ensure.with).toEqual({ run: 'npx tsx scripts/lifecycle/ensure-resource-group.ts' });
    expect(ensure.env).toEqual({
      AZURE_SUBSCRIPTION_ID: '${{AZURE_SUBSCRIPTION_ID}}',
      AZURE_RESOURCE_GROUP_NAME: '${{AZURE_RESOURCE_GROUP_NAME}}',
      AZURE_LOCATION: '${{AZURE_LOCATION}}',
    });
    expect(read('env/.env.dev')).toMatch(/^AZURE_RESOURCE_GROUP_NAME=rg-mentoring-dev$/m);
  });

  test('deploy builds, stages the API, deploys it with Flex Consumption one deploy and uploads the tab', () => {
    expect(uses(lifecycle.deploy)).toEqual(['cli/runNpmCommand', 'cli/runNpmCommand', 'script', 'script', 'azureStorage/deploy']);
    // azureFunctions/zipDeploy posts to /api/zipdeploy, which Flex Consumption does not have.
    expect(uses([...lifecycle.provision!, ...lifecycle.deploy!])).not.toContain('azureFunctions/zipDeploy');
    const [stage, deploy] = lifecycle.deploy!.filter((a) => a.uses === 'script') as (LifecycleAction & { env?: Record<string, string> })[];
    expect(stage!.with).toEqual({ run: 'npx tsx scripts/stage-api-deployment.ts' });
    expect(deploy!.with).toEqual({ run: 'npx tsx scripts/lifecycle/deploy-api.ts', timeout: 1200000 });
    expect(deploy!.env).toEqual({ API_FUNCTION_APP_RESOURCE_ID: '${{API_FUNCTION_APP_RESOURCE_ID}}' });
    // The script the step runs deploys to the one-deploy endpoint (its behaviour: tests/infra/one-deploy.test.ts).
    expect(read('scripts/lifecycle/deploy-api.ts')).toMatch(/import \{ oneDeploy, waitForHealth \} from '.\/one-deploy'/);
    expect(read('scripts/lifecycle/one-deploy.ts')).toContain("export const ONE_DEPLOY_PATH = '/api/publish';");
    expect(lifecycle.deploy!.find((a) => a.uses === 'azureStorage/deploy')!.with).toEqual({ artifactFolder: './dist/tab', resourceId: '${{TAB_STORAGE_RESOURCE_ID}}' });
  });

  test('the API accepts only the Entra app\'s own tenant unless told otherwise; no input can stay an unsubstituted placeholder', () => {
    const parameters = JSON.parse(read('infra/main.parameters.json')) as { parameters: Record<string, { value: string }> };
    expect(parameters.parameters.allowedTenants).toEqual({ value: '${{AAD_APP_TENANT_ID}}' });
    expect(read('infra/main.bicep')).toContain('param allowedTenants string = tenant().tenantId');
    expect(read('infra/main.bicep')).toContain('allowedTenants: empty(trim(allowedTenants)) ? tenant().tenantId : allowedTenants');
  });

  test('the committed env file has empty ids, so the first provision creates the Teams app, the Entra app and everything in Azure', () => {
    const sections = environmentSections(read('env/.env.dev'));
    const values = nonEmptyValues(read('env/.env.dev'));
    expect((sections['Written by provision'] ?? []).filter((name) => values.has(name))).toEqual([]);
    for (const created of ['TEAMS_APP_ID', 'AAD_APP_CLIENT_ID', 'AAD_APP_OBJECT_ID', 'BOT_ID']) expect(sections['Written by provision']).toContain(created);
  });

  test('publish validates and submits the package to the organisation catalogue', () => {
    expect(uses(lifecycle.publish)).toEqual(['teamsApp/validateManifest', 'teamsApp/zipAppPackage', 'teamsApp/validateAppPackage', 'teamsApp/update', 'teamsApp/publishAppPackage']);
  });

  test('every variable arm/deploy passes to Bicep exists before arm/deploy runs', () => {
    const armIndex = uses(lifecycle.provision).indexOf('arm/deploy');
    const before = writtenByActions({ ...lifecycle, provision: lifecycle.provision!.slice(0, armIndex), deploy: [], publish: [] });
    const inputs = new Set(environmentSections(read('env/.env.dev'))['Inputs']);
    const missing = [...variablesUsed(read('infra/main.parameters.json'))].filter((v) => !before.has(v) && !inputs.has(v) && !TOOLKIT_VARIABLES.has(v));
    expect(missing).toEqual([]);
  });
});

describe('teamsapp.local.yml', () => {
  const lifecycle = parseLifecycle(read('teamsapp.local.yml'));

  test('registers the Entra app, a bot pointing at the tunnel and the Teams app in the tenant', () => {
    expect(uses(lifecycle.provision)).toEqual([
      'script',
      'teamsApp/create',
      'aadApp/create',
      'script',
      'oauth/register',
      'aadApp/update',
      'aadApp/create',
      'botFramework/create',
      'teamsApp/validateManifest',
      'teamsApp/zipAppPackage',
      'teamsApp/validateAppPackage',
      'teamsApp/update',
      'teamsApp/extendToM365',
    ]);
    expect(lifecycle.provision!.find((a) => a.uses === 'botFramework/create')!.with?.messagingEndpoint).toBe('${{BOT_ENDPOINT}}/api/messages');
    // Azure Bot Service refuses new multi-tenant bots: the bot's app and its runtime type are single-tenant.
    const botApp = lifecycle.provision!.find((a) => a.uses === 'aadApp/create' && a.writeToEnvironmentFile?.clientId === 'BOT_ID')!;
    expect(botApp.with?.signInAudience).toBe('AzureADMyOrg');
    const settings = lifecycle.deploy!.find((a) => a.uses === 'file/createOrUpdateEnvironmentFile')!.with as { envs: Record<string, string> };
    expect([settings.envs.BOT_TYPE, settings.envs.BOT_TENANT_ID]).toEqual(['SingleTenant', '${{BOT_TENANT_ID}}']);
  });

  test('provision stops first, with what to set, while the endpoints are not a dev tunnel\'s https URLs', () => {
    const check = lifecycle.provision![0] as LifecycleAction & { env?: Record<string, string> };
    expect(check.with).toEqual({ run: 'npx tsx scripts/lifecycle/check-tunnel-endpoints.ts' });
    const committed = Object.fromEntries(read('env/.env.local').split('\n').map((l) => /^(\w+)=(.*)$/.exec(l)).filter((m) => m !== null).map((m) => [m[1]!, m[2]!]));
    expect(tunnelEndpointProblems(committed)).toEqual([
      'TAB_ENDPOINT must be your dev tunnel\'s https URL (now "http://127.0.0.1:53000"); set it in env/.env.local.user',
      'BOT_ENDPOINT must be your dev tunnel\'s https URL (now "http://127.0.0.1:7071"); set it in env/.env.local.user',
    ]);
    const tunnel = { TAB_ENDPOINT: 'https://abc-53000.euw.devtunnels.ms', TAB_DOMAIN: 'abc-53000.euw.devtunnels.ms', BOT_ENDPOINT: 'https://abc-7071.euw.devtunnels.ms', BOT_DOMAIN: 'abc-7071.euw.devtunnels.ms' };
    expect(tunnelEndpointProblems(tunnel)).toEqual([]);
    expect(tunnelEndpointProblems({ ...tunnel, BOT_DOMAIN: 'other.example' })).toEqual(['BOT_DOMAIN must be abc-7071.euw.devtunnels.ms, the host of BOT_ENDPOINT (now "other.example")']);
  });

  test('writes the local host settings with the same names the Function App uses', () => {
    const settings = lifecycle.deploy!.find((a) => a.uses === 'file/createOrUpdateEnvironmentFile')!.with as { target: string; envs: Record<string, string> };
    expect(settings.target).toBe('./.localConfigs');
    const functionApp = read('infra/modules/function-app.bicep');
    // Only a laptop needs these: Azure has the managed identity (no secret) and its own storage.
    const laptopOnly = ['STORAGE_CONNECTION_STRING', 'BOT_PASSWORD', 'AUTH_CLIENT_SECRET', 'AUTH_CLIENT_SECRET_EXPIRES_ON'];
    for (const name of Object.keys(settings.envs).filter((n) => !laptopOnly.includes(n))) {
      expect([name, functionApp.includes(`name: '${name}'`)]).toEqual([name, true]);
    }
    expect(read('.gitignore')).toMatch(/^\.localConfigs$/m);
  });
});

test('m365agents.yml and m365agents.local.yml are the same files under the current Toolkit name', () => {
  expect(read('m365agents.yml')).toBe(read('teamsapp.yml'));
  expect(read('m365agents.local.yml')).toBe(read('teamsapp.local.yml'));
});

describe('env files', () => {
  test.each(['env/.env.local', 'env/.env.dev'])('%s holds no secret', (file) => {
    const text = read(file);
    expect(text).not.toMatch(/^SECRET_/m);
    expect(text).not.toMatch(/(PASSWORD|CLIENT_SECRET)=/);
  });

  test('*.user files are git-ignored', () => {
    expect(read('.gitignore')).toMatch(/^env\/\.env\.\*\.user$/m);
  });

  test('local has empty ids too: npm start uses its own stand-in ids, tenant-backed provision creates real ones', () => {
    const sections = environmentSections(read('env/.env.local'));
    const values = nonEmptyValues(read('env/.env.local'));
    expect((sections['Written by provision'] ?? []).filter((name) => values.has(name))).toEqual([]);
  });

  test('local points at the fixed local ports', () => {
    const text = read('env/.env.local');
    for (const line of ['TAB_ENDPOINT=http://127.0.0.1:53000', 'TAB_DOMAIN=127.0.0.1:53000', 'API_ENDPOINT=http://127.0.0.1:7071', 'BOT_ENDPOINT=http://127.0.0.1:7071']) {
      expect(text).toContain(`\n${line}\n`);
    }
  });
});
