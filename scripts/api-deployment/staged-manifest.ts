/**
 * The package.json of the staged Functions package: the repository's manifest cut down to what the
 * bundle still requires at run time. esbuild's metafile says which packages it left external; only
 * those become dependencies (at the versions the repository pins), so the tab's React, Fluent UI and
 * Vite and every dev tool stay out of the deployment. `engines` names the Node version the Function
 * App runs (infra/modules/function-app.bicep).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

export interface RepositoryManifest {
  readonly name: string;
  readonly version: string;
  readonly license?: string;
  readonly dependencies?: Readonly<Record<string, string>>;
}

export interface StagedManifest {
  readonly name: string;
  readonly version: string;
  readonly private: true;
  readonly license?: string;
  readonly main: string;
  readonly engines: { readonly node: string };
  readonly dependencies: Readonly<Record<string, string>>;
}

export function stagedManifest(repository: RepositoryManifest, runtimePackages: readonly string[], nodeMajor: string, main = 'dist/api.cjs'): StagedManifest {
  const declared = repository.dependencies ?? {};
  const undeclared = runtimePackages.filter((name) => !(name in declared));
  if (undeclared.length > 0) {
    throw new Error(`The API bundle requires ${undeclared.join(', ')}, which package.json does not list in "dependencies"; add them there.`);
  }
  return {
    name: `${repository.name}-api`,
    version: repository.version,
    private: true,
    ...(repository.license ? { license: repository.license } : {}),
    main,
    engines: { node: `${nodeMajor}.x` },
    dependencies: Object.fromEntries([...runtimePackages].sort().map((name) => [name, declared[name]!])),
  };
}

/** The Node major version the Function App runs, as infra/modules/function-app.bicep sets it. */
export function functionAppNodeMajor(root: string): string {
  const bicep = readFileSync(path.join(root, 'infra', 'modules', 'function-app.bicep'), 'utf8');
  const version = /runtime:\s*\{\s*name:\s*'node'\s*version:\s*'(\d+)'/.exec(bicep)?.[1];
  if (!version) throw new Error('infra/modules/function-app.bicep sets no Node runtime version (functionAppConfig.runtime).');
  return version;
}
