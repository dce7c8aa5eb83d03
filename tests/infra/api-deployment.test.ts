import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { bundleApi } from '../../scripts/api-deployment/bundle-api';
import { functionAppNodeMajor, stagedManifest } from '../../scripts/api-deployment/staged-manifest';

const root = path.resolve(__dirname, '..', '..');
const packageJson = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { name: string; version: string; dependencies: Record<string, string> };

/** The app settings infra/modules/function-app.bicep gives the Function App, with the values Azure would resolve. */
function functionAppSettings(): Record<string, string> {
  const bicep = readFileSync(path.join(root, 'infra', 'modules', 'function-app.bicep'), 'utf8');
  const names = [...bicep.matchAll(/\{ name: '([A-Za-z_][\w]*)', value: /g)].map((m) => m[1]!);
  const guid = '0f1e2d3c-4b5a-4697-8a7b-6c5d4e3f2a10';
  const resolved: Record<string, string> = {
    AzureWebJobsStorage__accountName: 'stmentordevabcde',
    AzureWebJobsStorage__credential: 'managedidentity',
    AzureWebJobsStorage__clientId: guid,
    APPLICATIONINSIGHTS_CONNECTION_STRING: `InstrumentationKey=${guid};IngestionEndpoint=https://westeurope-5.in.applicationinsights.azure.com/`,
    APPLICATIONINSIGHTS_AUTHENTICATION_STRING: `ClientId=${guid};Authorization=AAD`,
    AZURE_CLIENT_ID: guid,
    MENTORING_MODE: 'azure',
    STORAGE_TABLE_ENDPOINT: 'https://stmentordevabcde.table.core.windows.net/',
    STORAGE_QUEUE_ENDPOINT: 'https://stmentordevabcde.queue.core.windows.net/',
    AUTH_CLIENT_ID: guid,
    // main.bicep: the Entra app's own tenant.
    AUTH_ALLOWED_TENANTS: guid,
    AUTH_FEDERATED_IDENTITY_CLIENT_ID: guid,
    BOT_ID: guid,
    BOT_TENANT_ID: guid,
    BOT_TYPE: 'UserAssignedMSI',
    TAB_ENDPOINT: 'https://stmentordevabcdeweb.z6.web.core.windows.net',
    TEAMS_APP_ID: guid,
    PROACTIVE_INSTALL_ENABLED: 'false',
  };
  expect(names.filter((n) => !(n in resolved))).toEqual([]);
  return Object.fromEntries(names.map((n) => [n, resolved[n]!]));
}

let dir: string;
beforeAll(() => {
  // Inside the repository so the bundle resolves its external packages from the shared node_modules.
  mkdirSync(path.join(root, 'build'), { recursive: true });
  dir = mkdtempSync(path.join(root, 'build', 'api-bundle-test-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('the deployed API needs only production dependencies and starts with the settings the Bicep gives it', async () => {
  const bundle = await bundleApi(root, path.join(dir, 'api.cjs'));
  expect(bundle.runtimePackages.length).toBeGreaterThan(0);
  expect(bundle.runtimePackages.filter((p) => !(p in packageJson.dependencies))).toEqual([]);

  const output = execFileSync(process.execPath, ['-e', `require(${JSON.stringify(bundle.outfile)}); console.log('API LOADED')`], {
    env: { PATH: process.env.PATH ?? '', ...functionAppSettings() },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  expect(output).toContain('API LOADED');
});

test('without its settings the bundle stops and names a missing one', async () => {
  const bundle = await bundleApi(root, path.join(dir, 'api-unset.cjs'));
  let stderr = '';
  try {
    execFileSync(process.execPath, ['-e', `require(${JSON.stringify(bundle.outfile)})`], { env: { PATH: process.env.PATH ?? '' }, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (error) {
    stderr = String((error as { stderr?: string }).stderr);
  }
  expect(stderr).toMatch(/MENTORING_MODE|AUTH_CLIENT_ID/);
});

describe('the staged package.json', () => {
  test('lists exactly the packages the bundle leaves external, at the versions the repository pins, and nothing of the tab', async () => {
    const bundle = await bundleApi(root, path.join(dir, 'api-staged.cjs'));
    const manifest = stagedManifest(packageJson, bundle.runtimePackages, functionAppNodeMajor(root));
    expect(Object.keys(manifest.dependencies)).toEqual([...bundle.runtimePackages].sort());
    for (const [name, version] of Object.entries(manifest.dependencies)) expect([name, version]).toEqual([name, packageJson.dependencies[name]]);
    // The tab's libraries and the build tools are in package.json but not in the Functions package.
    const tabOnly = Object.keys(packageJson.dependencies).filter((name) => /^(react|react-dom|@fluentui\/|@microsoft\/teams-js$|adaptivecards$)/.test(name));
    expect(tabOnly.length).toBeGreaterThan(0);
    expect(Object.keys(manifest.dependencies).filter((name) => tabOnly.includes(name) || /vite|esbuild|tsx|jest|azurite/.test(name))).toEqual([]);
    expect(Object.keys(manifest.dependencies).length).toBeLessThan(Object.keys(packageJson.dependencies).length);
    expect(manifest).toMatchObject({ main: 'dist/api.cjs', private: true, engines: { node: '22.x' } });
  });

  test('engines names the Node version the Function App runs', () => {
    expect(functionAppNodeMajor(root)).toBe('22');
    expect(stagedManifest(packageJson, [], '22').engines).toEqual({ node: '22.x' });
  });

  test('a package the bundle requires but package.json does not declare stops staging with its name', () => {
    expect(() => stagedManifest(packageJson, ['left-pad'], '22')).toThrow('The API bundle requires left-pad, which package.json does not list in "dependencies"; add them there.');
  });
});
