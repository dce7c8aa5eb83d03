import { readFileSync } from 'node:fs';
import path from 'node:path';
import { environmentSections, parseLifecycle, TOOLKIT_VARIABLES, variablesUsed, writtenByActions, type LifecycleAction } from './lifecycle-analysis';

const root = path.resolve(__dirname, '..', '..');
const read = (file: string) => readFileSync(path.join(root, file), 'utf8');
const uses = (actions: LifecycleAction[] | undefined) => (actions ?? []).map((a) => a.uses);

describe('teamsapp.yml', () => {
  const lifecycle = parseLifecycle(read('teamsapp.yml'));

  test('provision creates the Entra app and Teams app, deploys Bicep, then updates and validates the package', () => {
    expect(uses(lifecycle.provision)).toEqual([
      'teamsApp/create',
      'aadApp/create',
      'arm/deploy',
      'azureStorage/enableStaticWebsite',
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

  test('the client secret is written as a SECRET_ variable, so the Toolkit keeps it in the git-ignored .user file', () => {
    const created = lifecycle.provision!.find((a) => a.uses === 'aadApp/create')!;
    expect(created.writeToEnvironmentFile?.clientSecret).toBe('SECRET_AAD_APP_CLIENT_SECRET');
    expect(created.with?.signInAudience).toBe('AzureADMyOrg');
  });

  test('deploy builds, stages the API, zip-deploys it to the Function App and uploads the tab', () => {
    expect(uses(lifecycle.deploy)).toEqual(['cli/runNpmCommand', 'cli/runNpmCommand', 'script', 'azureFunctions/zipDeploy', 'azureStorage/deploy']);
    const zipDeploy = lifecycle.deploy!.find((a) => a.uses === 'azureFunctions/zipDeploy')!;
    expect(zipDeploy.with).toEqual({ artifactFolder: './build/api-deployment', resourceId: '${{API_FUNCTION_APP_RESOURCE_ID}}' });
    expect(lifecycle.deploy!.find((a) => a.uses === 'azureStorage/deploy')!.with).toEqual({ artifactFolder: './dist/tab', resourceId: '${{TAB_STORAGE_RESOURCE_ID}}' });
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
      'teamsApp/create',
      'aadApp/create',
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
  });

  test('writes the local host settings with the same names the Function App uses', () => {
    const settings = lifecycle.deploy!.find((a) => a.uses === 'file/createOrUpdateEnvironmentFile')!.with as { target: string; envs: Record<string, string> };
    expect(settings.target).toBe('./.localConfigs');
    const functionApp = read('infra/modules/function-app.bicep');
    for (const name of Object.keys(settings.envs).filter((n) => !['STORAGE_CONNECTION_STRING', 'BOT_PASSWORD'].includes(n))) {
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

  test('local points at the fixed local ports', () => {
    const text = read('env/.env.local');
    for (const line of ['TAB_ENDPOINT=http://127.0.0.1:53000', 'TAB_DOMAIN=127.0.0.1:53000', 'API_ENDPOINT=http://127.0.0.1:7071', 'BOT_ENDPOINT=http://127.0.0.1:7071']) {
      expect(text).toContain(`\n${line}\n`);
    }
  });
});
