/**
 * The tab's production build (the vite config `atk deploy` runs through `npm run build:tab`) publishes
 * no source maps, and the dev server accepts a dev tunnel's host for debugging in Teams.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { buildTab } from '../e2e/support/build-tab';

const root = path.resolve(__dirname, '..', '..');

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? filesUnder(path.join(dir, entry.name)) : [path.join(dir, entry.name)]));
}

test('the production build contains no .map file and no sourceMappingURL pointing at one', () => {
  const outDir = buildTab();
  try {
    const files = filesUnder(outDir).map((f) => path.relative(outDir, f));
    expect(files).toContain('index.html');
    expect(files.filter((f) => f.endsWith('.js')).length).toBeGreaterThan(0);
    expect(files.filter((f) => f.endsWith('.map'))).toEqual([]);
    const withMapUrl = files.filter((f) => /\.(js|css)$/.test(f) && /sourceMappingURL=/.test(readFileSync(path.join(outDir, f), 'utf8')));
    expect(withMapUrl).toEqual([]);
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}, 180_000);

/** The dev server settings as Vite resolves them from vite.config.ts, in a child process (Vite is ESM). */
function resolvedServer(env: Record<string, string>): { allowedHosts: unknown; hmr: unknown } {
  const script = `import('vite').then(async ({ resolveConfig }) => { const c = await resolveConfig({ configFile: ${JSON.stringify(path.join(root, 'vite.config.ts'))}, logLevel: 'silent' }, 'serve'); console.log(JSON.stringify({ allowedHosts: c.server.allowedHosts, hmr: c.server.hmr ?? null })); })`;
  const result = spawnSync(process.execPath, ['-e', script], { cwd: root, encoding: 'utf8', env: { ...process.env, VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true', ...env } });
  if (result.status !== 0) throw new Error(result.stderr);
  return JSON.parse(result.stdout.trim().split('\n').at(-1)!) as { allowedHosts: unknown; hmr: unknown };
}

test('the dev server accepts a dev tunnel host, and the tunnel named by TAB_ENDPOINT with hot reload through it', () => {
  // Vite adds its own listening host (127.0.0.1) to the list; what matters is what the config adds.
  const added = (server: { allowedHosts: unknown }) => [...new Set((server.allowedHosts as string[]).filter((h) => h !== '127.0.0.1'))];
  const plain = resolvedServer({ TAB_ENDPOINT: '' });
  expect(added(plain)).toEqual(['.devtunnels.ms']);
  expect(plain.hmr).not.toMatchObject({ clientPort: 443 });
  const tunnel = resolvedServer({ TAB_ENDPOINT: 'https://mentoring-53000.contoso.example' });
  expect(added(tunnel)).toEqual(['.devtunnels.ms', 'mentoring-53000.contoso.example']);
  expect(tunnel.hmr).toEqual({ host: 'mentoring-53000.contoso.example', protocol: 'wss', clientPort: 443 });
}, 60_000);
