/**
 * Stages the Function App package for `azureFunctions/zipDeploy` (teamsapp.yml, deploy): host.json,
 * package.json without dev dependencies, the lock file, the built output named by package.json
 * "main", and production node_modules — into build/api-deployment. Run after `npm run build`.
 * Zipping the repository instead would ship the test browser, Azurite and the sources.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(__dirname, '..');
const target = path.join(root, 'build', 'api-deployment');

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

const packageJson = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as Record<string, unknown>;
const main = packageJson.main;
if (typeof main !== 'string' || main === '') {
  fail('package.json has no "main": the Functions host finds the compiled functions through it (for example "dist/api/index.js").');
}
const builtDir = path.dirname(main);
for (const required of ['host.json', 'package-lock.json', builtDir]) {
  if (!existsSync(path.join(root, required))) fail(`${required} is missing; run \`npm run build\` first.`);
}

rmSync(target, { recursive: true, force: true });
mkdirSync(target, { recursive: true });
cpSync(path.join(root, 'host.json'), path.join(target, 'host.json'));
cpSync(path.join(root, 'package-lock.json'), path.join(target, 'package-lock.json'));
cpSync(path.join(root, builtDir), path.join(target, builtDir), { recursive: true });
const { devDependencies: _dev, scripts: _scripts, ...runtimePackage } = packageJson;
writeFileSync(path.join(target, 'package.json'), `${JSON.stringify(runtimePackage, null, 2)}\n`);
execFileSync('npm', ['ci', '--omit=dev', '--ignore-scripts', '--no-audit', '--no-fund'], { cwd: target, stdio: 'inherit' });
console.log(`Staged the API in ${path.relative(root, target)}`);
