/**
 * Stages the Function App package in build/api-deployment for the deploy step (teamsapp.yml /
 * m365agents.yml → scripts/lifecycle/deploy-api.ts): host.json, the bundled API
 * (scripts/api-deployment/bundle-api.ts), a package.json that lists only the packages the bundle
 * leaves external (scripts/api-deployment/staged-manifest.ts), and those packages installed at the
 * versions package-lock.json pins. Zipping the repository instead would ship the sources, the tab's
 * libraries, the test browser and Azurite, and would need tsx at run time.
 * Runs on Windows, macOS and Linux (npm through scripts/lifecycle/run-npm.ts).
 */
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { bundleApi } from './api-deployment/bundle-api';
import { functionAppNodeMajor, stagedManifest, type RepositoryManifest } from './api-deployment/staged-manifest';
import { LifecycleError } from './lifecycle/azure-management';
import { runNpm } from './lifecycle/run-npm';

async function main(): Promise<void> {
  const root = path.resolve(__dirname, '..');
  const target = path.join(root, 'build', 'api-deployment');
  for (const required of ['host.json', 'package-lock.json', 'src/hosts/functions/azure-functions.ts']) {
    if (!existsSync(path.join(root, required))) throw new LifecycleError(`${required} is missing; the API cannot be staged without it.`);
  }
  rmSync(target, { recursive: true, force: true });
  mkdirSync(target, { recursive: true });

  const bundle = await bundleApi(root, path.join(target, 'dist', 'api.cjs'));
  const repository = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as RepositoryManifest;
  const manifest = stagedManifest(repository, bundle.runtimePackages, functionAppNodeMajor(root));
  cpSync(path.join(root, 'host.json'), path.join(target, 'host.json'));
  writeFileSync(path.join(target, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  // The repository's lock file keeps every staged package (and what it pulls in) at the tested
  // version; `npm install` drops the entries the cut-down package.json no longer needs.
  cpSync(path.join(root, 'package-lock.json'), path.join(target, 'package-lock.json'));
  runNpm(['install', '--omit=dev', '--ignore-scripts', '--no-audit', '--no-fund'], target);
  console.log(`Staged the API in ${path.relative(root, target)} (runtime packages: ${Object.keys(manifest.dependencies).join(', ')})`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
