import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
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
    OUTLOOK_ADDIN_ID: guid,
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

/**
 * The packages npm installs for the staged package.json: its dependencies and, transitively, theirs,
 * as package-lock.json resolves them (a nested node_modules entry before the hoisted one).
 */
function installedClosure(dependencies: readonly string[]): string[] {
  const lock = JSON.parse(readFileSync(path.join(root, 'package-lock.json'), 'utf8')) as {
    packages: Record<string, { dependencies?: Record<string, string>; optionalDependencies?: Record<string, string>; peerDependencies?: Record<string, string>; peerDependenciesMeta?: Record<string, { optional?: boolean }> }>;
  };
  const found = new Set<string>();
  const visit = (name: string, from: string) => {
    let dir = from;
    for (;;) {
      const candidate = `${dir ? `${dir}/` : ''}node_modules/${name}`;
      if (lock.packages[candidate]) break;
      if (!dir) return; // an optional dependency for another platform
      dir = dir.includes('/node_modules/') ? dir.slice(0, dir.lastIndexOf('/node_modules/')) : '';
    }
    const key = `${dir ? `${dir}/` : ''}node_modules/${name}`;
    if (found.has(key)) return;
    found.add(key);
    const entry = lock.packages[key]!;
    const optionalPeers = Object.entries(entry.peerDependenciesMeta ?? {}).filter(([, m]) => m.optional).map(([n]) => n);
    const next = [...Object.keys(entry.dependencies ?? {}), ...Object.keys(entry.optionalDependencies ?? {}), ...Object.keys(entry.peerDependencies ?? {}).filter((n) => !optionalPeers.includes(n))];
    for (const dependency of next) visit(dependency, key);
  };
  for (const name of dependencies) visit(name, '');
  return [...found].filter((key) => key.split('node_modules/').length === 2).map((key) => key.slice('node_modules/'.length));
}

test('the bundle starts with only the staged dependencies and what they pull in, outside the repository', async () => {
  const bundle = await bundleApi(root, path.join(dir, 'api-isolated.cjs'));
  const manifest = stagedManifest(packageJson, bundle.runtimePackages, functionAppNodeMajor(root));
  const isolated = mkdtempSync(path.join(tmpdir(), 'staged-api-'));
  try {
    // Top-level packages as links into the shared node_modules; with --preserve-symlinks Node resolves
    // from the link, so nothing outside this folder's node_modules can be found.
    for (const name of installedClosure(Object.keys(manifest.dependencies))) {
      mkdirSync(path.dirname(path.join(isolated, 'node_modules', name)), { recursive: true });
      symlinkSync(path.join(root, 'node_modules', name), path.join(isolated, 'node_modules', name), 'dir');
    }
    writeFileSync(path.join(isolated, 'api.cjs'), readFileSync(bundle.outfile));
    writeFileSync(path.join(isolated, 'package.json'), JSON.stringify(manifest));
    const output = execFileSync(process.execPath, ['--preserve-symlinks', '-e', `require('./api.cjs'); console.log('API LOADED')`], {
      cwd: isolated,
      env: { PATH: process.env.PATH ?? '', NODE_PATH: '', ...functionAppSettings() },
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    expect(output).toContain('API LOADED');
    // The tab's libraries are not among what gets installed.
    expect(installedClosure(Object.keys(manifest.dependencies)).filter((n) => /^(react|react-dom|@fluentui\/.*|vite|esbuild)$/.test(n))).toEqual([]);
  } finally {
    rmSync(isolated, { recursive: true, force: true });
  }
}, 60_000);
