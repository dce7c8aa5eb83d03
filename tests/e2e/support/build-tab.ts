import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(__dirname, '../../..');

/**
 * Builds the tab with the project's own Vite config into a private directory, so a test run never
 * races with `npm run build:tab` or another run writing dist/tab.
 */
export function buildTab(): string {
  const outDir = mkdtempSync(join(tmpdir(), 'mentoring-tab-build-'));
  const result = spawnSync(process.execPath, [join(root, 'node_modules/vite/bin/vite.js'), 'build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'error'], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true' },
  });
  if (result.status !== 0 || !existsSync(join(outDir, 'index.html'))) {
    throw new Error(`vite build failed:\n${result.stdout}\n${result.stderr}`);
  }
  return outDir;
}
