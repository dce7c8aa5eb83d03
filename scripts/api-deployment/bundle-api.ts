/**
 * Bundles the Functions registration (src/hosts/functions/azure-functions.ts) into one CommonJS file for Azure.
 * Locally the worker loads the TypeScript sources through tsx; tsx is a dev dependency and is not
 * deployed, so Azure gets plain JavaScript instead. Production dependencies stay external (installed
 * next to the bundle), except ESM-only ones, which are bundled because `require` cannot load them on
 * every Node 22 minor.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { build, type Metafile } from 'esbuild';

export interface ApiBundle {
  outfile: string;
  /** Packages the bundle still requires at runtime (bare specifiers, package names only). */
  runtimePackages: string[];
}

interface PackageJson {
  dependencies?: Record<string, string>;
  type?: string;
  exports?: unknown;
  main?: string;
}

const readJson = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as PackageJson;

/** True when a package can only be imported, not required (type module and no CommonJS entry). */
function isEsmOnly(root: string, name: string): boolean {
  const manifestPath = path.join(root, 'node_modules', name, 'package.json');
  if (!existsSync(manifestPath)) return false;
  const manifest = readJson(manifestPath);
  if (manifest.type !== 'module') return false;
  return !JSON.stringify(manifest.exports ?? {}).includes('"require"');
}

const packageName = (specifier: string) =>
  specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : (specifier.split('/')[0] ?? specifier);

export async function bundleApi(root: string, outfile: string): Promise<ApiBundle> {
  const dependencies = Object.keys(readJson(path.join(root, 'package.json')).dependencies ?? {});
  const external = dependencies.filter((name) => !isEsmOnly(root, name)).flatMap((name) => [name, `${name}/*`]);
  const result = await build({
    entryPoints: [path.join(root, 'src', 'hosts', 'functions', 'azure-functions.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node22',
    format: 'cjs',
    external,
    sourcemap: true,
    metafile: true,
    logLevel: 'silent',
  });
  return { outfile, runtimePackages: runtimePackagesOf(result.metafile) };
}

function runtimePackagesOf(metafile: Metafile): string[] {
  const packages = new Set<string>();
  for (const output of Object.values(metafile.outputs)) {
    for (const imported of output.imports) {
      if (imported.external && !imported.path.startsWith('node:') && !imported.path.startsWith('.')) packages.add(packageName(imported.path));
    }
  }
  return [...packages].sort();
}
