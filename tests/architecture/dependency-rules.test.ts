/**
 * The layers are checked by dependency-cruiser with allow rules (.dependency-cruiser.cjs, run by
 * `npm run depcruise` inside `npm test`). This file proves that configuration catches each kind of
 * violation, by cruising a tiny fixture tree with it, and keeps the checks a module graph cannot make:
 * the core reads neither the environment nor the wall clock.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

const root = resolve(__dirname, '../..');
const fixture = join(__dirname, 'fixtures', 'layers');
const cruiserBin = join(root, 'node_modules', 'dependency-cruiser', 'bin', 'dependency-cruise.mjs');

interface Violation {
  readonly from: string;
  readonly to: string;
  readonly rule: { readonly name: string };
}

/** Runs the cruiser with the repository's rules; exits non-zero when it finds violations, so read stdout either way. */
function cruise(cwd: string, paths: readonly string[]): { readonly violations: readonly Violation[]; readonly modules: number } {
  let output: string;
  try {
    output = execFileSync(process.execPath, [cruiserBin, ...paths, '--config', join(root, '.dependency-cruiser.cjs'), '--output-type', 'json'], {
      cwd,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
  } catch (error) {
    output = String((error as { stdout?: unknown }).stdout ?? '');
    if (!output.trim().startsWith('{')) throw error;
  }
  const result = JSON.parse(output) as { summary: { violations: Violation[]; totalCruised: number } };
  return { violations: result.summary.violations, modules: result.summary.totalCruised };
}

/** `../../node_modules/zod/index.cjs` → `zod`; files stay as they are. */
const target = (to: string): string => /(?:^|\/)node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(to)?.[1] ?? to;

describe('the dependency rules (.dependency-cruiser.cjs) catch each kind of violation', () => {
  const { violations, modules } = cruise(fixture, ['src']);
  const found = violations.map((v) => `${v.rule.name}: ${v.from} -> ${target(v.to)}`).sort();

  it('cruised the whole fixture tree', () => {
    expect(modules).toBeGreaterThanOrEqual(18);
  });

  it('reports exactly the planted violations, and nothing in the clean files', () => {
    const cycle = found.filter((f) => f.startsWith('no-circular: '));
    expect(cycle.length).toBeGreaterThanOrEqual(1);
    for (const c of cycle) expect(c).toMatch(/^no-circular: src\/core\/cycle-[ab]\.ts -> src\/core\/cycle-[ab]\.ts$/);
    expect(found.filter((f) => !f.startsWith('no-circular: '))).toEqual(
      [
        // core imports only core: not an npm package (not even a type), not a node builtin
        'not-in-allowed: src/core/imports-zod.ts -> zod',
        'not-in-allowed: src/core/imports-fs.ts -> fs',
        // the outer layers do not import each other's insides, nor the local host
        'not-in-allowed: src/api/imports-bot.ts -> src/bot/turn.ts',
        'not-in-allowed: src/tab/imports-api.ts -> src/api/handler.ts',
        'not-in-allowed: src/hosts/imports-local.ts -> src/local/dev-host.ts',
        // ...and nothing the Azure entry point reaches is in src/local, however indirectly
        'local-is-dev-only: src/hosts/functions/azure-functions.ts -> src/local/dev-host.ts',
        // shipped code uses no devDependency (src/local may: it is the dev host)
        'not-to-dev-dep: src/api/imports-dev-dependency.ts -> azurite',
        // every package imported is declared
        'no-non-package-json: src/adapters/imports-undeclared.ts -> js-yaml',
      ].sort(),
    );
  });
});

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

const coreFiles = sourceFiles(join(root, 'src', 'core'));

describe('src/core stays pure', () => {
  it('has source files to check', () => {
    expect(coreFiles.length).toBeGreaterThan(0);
  });

  it.each(coreFiles.map((f) => [relative(root, f), f]))('%s reads neither the environment nor the wall clock', (_name, file) => {
    const text = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
    expect(text).not.toMatch(/process\.env/);
    expect(text).not.toMatch(/Date\.now\s*\(/);
    expect(text).not.toMatch(/new Date\(\s*\)/);
    expect(text).not.toMatch(/performance\.now\s*\(/);
  });
});
