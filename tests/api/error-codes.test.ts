import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { isMappedCode, statusForCode } from '../../src/api/error-status';

const root = resolve(__dirname, '../..');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : /\.ts$/.test(name) ? [path] : [];
  });
}

describe('error codes of the platform layers', () => {
  const dirs = ['src/adapters/storage', 'src/adapters/identity', 'src/api', 'src/local/identity-issuer.service.ts', 'src/local/api.service.ts'];
  const codes = new Set<string>();
  for (const dir of dirs) {
    const path = join(root, dir);
    for (const file of statSync(path).isDirectory() ? files(path) : [path]) {
      for (const m of readFileSync(file, 'utf8').matchAll(/(?:fail|denied)\(\s*'([A-Z][A-Z_]*\.[A-Z][A-Z_]*)'|code: '([A-Z][A-Z_]*\.[A-Z][A-Z_]*)'/g)) {
        codes.add((m[1] ?? m[2])!);
      }
    }
  }

  it('finds the codes', () => {
    expect(codes.size).toBeGreaterThan(15);
  });

  it.each([...codes].sort())('%s has an HTTP status (an unlisted code would reach clients as 500)', (code) => {
    expect(isMappedCode(code)).toBe(true);
    expect(statusForCode(code)).toBeGreaterThanOrEqual(400);
  });
});
