/**
 * Stages the Function App package for `azureFunctions/zipDeploy` (teamsapp.yml, deploy) in
 * build/api-deployment: host.json, the bundled API (scripts/api-deployment/bundle-api.ts), a
 * package.json whose "main" is that bundle, and production node_modules only. Zipping the repository
 * instead would ship the sources, the test browser and Azurite, and would need tsx at runtime.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { bundleApi } from './api-deployment/bundle-api';

async function main(): Promise<void> {
  const root = path.resolve(__dirname, '..');
  const target = path.join(root, 'build', 'api-deployment');
  for (const required of ['host.json', 'package-lock.json', 'src/hosts/functions/azure-functions.ts']) {
    if (!existsSync(path.join(root, required))) throw new Error(`${required} is missing; the API cannot be staged without it.`);
  }
  rmSync(target, { recursive: true, force: true });
  mkdirSync(target, { recursive: true });

  const bundle = await bundleApi(root, path.join(target, 'dist', 'api.cjs'));
  cpSync(path.join(root, 'host.json'), path.join(target, 'host.json'));
  // The lock file must match package.json for `npm ci`, so dev dependencies stay listed and are
  // left out with --omit=dev; only "main" and the scripts change.
  cpSync(path.join(root, 'package-lock.json'), path.join(target, 'package-lock.json'));
  const { scripts: _scripts, ...packageJson } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as Record<string, unknown>;
  writeFileSync(path.join(target, 'package.json'), `${JSON.stringify({ ...packageJson, main: 'dist/api.cjs' }, null, 2)}\n`);
  execFileSync('npm', ['ci', '--omit=dev', '--ignore-scripts', '--no-audit', '--no-fund'], { cwd: target, stdio: 'inherit' });
  console.log(`Staged the API in ${path.relative(root, target)} (runtime packages: ${bundle.runtimePackages.join(', ')})`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
