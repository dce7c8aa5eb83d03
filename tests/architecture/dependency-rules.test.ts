/**
 * The dependency rule that keeps the architecture visible: the core is pure (no SDKs, no I/O, no
 * environment, no wall clock), and dependencies point inward.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, dirname, sep } from 'node:path';

const root = resolve(__dirname, '../..');
const src = join(root, 'src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specifiers = new Set<string>();
  for (const m of text.matchAll(/(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]/g)) specifiers.add(m[1]!);
  for (const m of text.matchAll(/import\s*\(\s*['"]([^'"]+)['"]\s*\)/g)) specifiers.add(m[1]!);
  for (const m of text.matchAll(/require\s*\(\s*['"]([^'"]+)['"]\s*\)/g)) specifiers.add(m[1]!);
  for (const m of text.matchAll(/^\s*import\s*['"]([^'"]+)['"]/gm)) specifiers.add(m[1]!);
  return [...specifiers];
}

/** The src/ layer a file or a relative import lands in: core, contracts, adapters, api, bot, tab, local. */
function layerOf(absPath: string): string {
  return relative(src, absPath).split(sep)[0] ?? '';
}

const forbiddenInCore = [
  /^@microsoft\//,
  /^@azure\//,
  /^botbuilder/,
  /^botframework/,
  /^react/,
  /^@fluentui\//,
  /^jose$/,
  /^zod$/,
  /^(node:)?(fs|fs\/promises|net|http|https|http2|child_process|dgram|dns|os|cluster|worker_threads|process|tls|readline)$/,
];

const coreFiles = sourceFiles(join(src, 'core'));

describe('src/core stays pure', () => {
  it('has source files to check', () => {
    expect(coreFiles.length).toBeGreaterThan(0);
  });

  it.each(coreFiles.map((f) => [relative(root, f), f]))('%s imports no SDK, framework or I/O module', (_name, file) => {
    const bad = importsOf(file).filter((s) => forbiddenInCore.some((rx) => rx.test(s)));
    expect(bad).toEqual([]);
  });

  it.each(coreFiles.map((f) => [relative(root, f), f]))('%s imports only from src/core', (_name, file) => {
    const outside = importsOf(file)
      .filter((s) => s.startsWith('.'))
      .filter((s) => layerOf(resolve(dirname(file), s)) !== 'core');
    expect(outside).toEqual([]);
  });

  it.each(coreFiles.map((f) => [relative(root, f), f]))('%s reads neither the environment nor the wall clock', (_name, file) => {
    const text = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
    expect(text).not.toMatch(/process\.env/);
    expect(text).not.toMatch(/Date\.now\s*\(/);
    expect(text).not.toMatch(/new Date\(\s*\)/);
    expect(text).not.toMatch(/performance\.now\s*\(/);
  });
});

describe('dependencies point inward', () => {
  const allowed: Record<string, string[]> = {
    contracts: ['core', 'contracts'],
    adapters: ['core', 'contracts', 'adapters'],
  };
  const files = Object.keys(allowed).flatMap((layer) => {
    try {
      return sourceFiles(join(src, layer));
    } catch {
      return [];
    }
  });

  it('contracts and adapters import only inner layers', () => {
    const violations = files.flatMap((file) => {
      const layer = layerOf(file);
      return importsOf(file)
        .filter((s) => s.startsWith('.'))
        .filter((s) => !allowed[layer]!.includes(layerOf(resolve(dirname(file), s))))
        .map((s) => `${relative(root, file)} -> ${s}`);
    });
    expect(violations).toEqual([]);
  });
});
