/**
 * The tab on `npm start`: Vite's dev server for src/tab (vite.config.ts) on 127.0.0.1:53000, forwarding
 * /api and /local-identity to the local host, so the tab calls the same paths as in Teams. Vite runs
 * in a child process because it is an ES module that test runners cannot load in-process; everything
 * it serves comes from node_modules and src/tab, nothing is downloaded.
 *
 * On the local host the service answers /tab with a redirect to the tab, and its health is the dev
 * server answering the tab's page.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { LocalService } from '../local-service';
import type { LocalStackContext } from '../local-stack-context';
import { LOCAL_HTTP_PORT, LOCAL_TAB_ORIGIN } from '../local-ports';

export const LOCAL_TAB_PREFIX = '/tab';
const repositoryRoot = resolve(__dirname, '../../..');
const STARTUP_TIMEOUT_MS = 60_000;

export interface LocalTabServer {
  readonly origin: string;
  stop(): Promise<void>;
}

/** Starts the Vite dev server; port 0 = a free port. Resolves once it listens. */
export async function startTabDevServer(options: { readonly port: number; readonly upstream: string; readonly cacheDir: string }): Promise<LocalTabServer> {
  const child: ChildProcess = spawn(
    process.execPath,
    [join(repositoryRoot, 'node_modules/vite/bin/vite.js'), '--config', join(repositoryRoot, 'vite.config.ts'), '--clearScreen', 'false'],
    {
      cwd: repositoryRoot,
      env: {
        ...process.env,
        MENTORING_TAB_PORT: String(options.port),
        MENTORING_TAB_UPSTREAM: options.upstream,
        MENTORING_TAB_CACHE_DIR: options.cacheDir,
        NO_COLOR: '1',
        FORCE_COLOR: '0',
        VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  const exited = new Promise<number | null>((resolveExit) => child.once('exit', (code) => resolveExit(code)));
  const origin = await new Promise<string>((resolveOrigin, reject) => {
    const timer = setTimeout(() => reject(new Error(`The tab's dev server did not start within ${STARTUP_TIMEOUT_MS / 1000} s:\n${output}`)), STARTUP_TIMEOUT_MS);
    const onData = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const listening = /http:\/\/127\.0\.0\.1:(\d+)\//.exec(output);
      if (listening) {
        clearTimeout(timer);
        resolveOrigin(`http://127.0.0.1:${listening[1]}`);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`The tab's dev server stopped (exit code ${code}):\n${output}`));
    });
  }).catch(async (error: unknown) => {
    child.kill('SIGTERM');
    await exited;
    throw error;
  });
  // Keep draining Vite's output so it never blocks on a full pipe; errors still reach the console.
  child.stdout?.removeAllListeners('data');
  child.stderr?.removeAllListeners('data');
  child.stdout?.resume();
  child.stderr?.on('data', (chunk: Buffer) => process.stderr.write(chunk));
  return {
    origin,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      await exited;
    },
  };
}

export function localTabService(server: LocalTabServer, onClose: () => void = () => undefined): LocalService {
  return {
    name: 'tab',
    prefix: LOCAL_TAB_PREFIX,
    links: [{ label: 'Mentoring tab (local sign-in)', path: `${server.origin}/` }],
    async handle(_request, response) {
      response.writeHead(302, { location: `${server.origin}/`, 'content-length': '0' });
      response.end();
    },
    async health(signal) {
      try {
        const page = await fetch(`${server.origin}/`, { signal });
        const text = await page.text();
        return page.ok && text.includes('id="root"') ? { status: 'ok' } : { status: 'unavailable', detail: `the tab's dev server answered ${page.status}` };
      } catch {
        return { status: 'unavailable', detail: `the tab's dev server at ${server.origin} does not answer` };
      }
    },
    async close() {
      await server.stop();
      onClose();
    },
  };
}

/**
 * The fixed ports go together: with the host on 7071 (`npm start`) the tab is on 53000 with its Vite
 * cache under .data/; a stack on free ports (tests) gets the tab on a free port and a private cache.
 */
export const createLocalTabService = async (context: Pick<LocalStackContext, 'baseUrl' | 'dataDir'>): Promise<LocalService> => {
  const fixed = Number(new URL(context.baseUrl).port) === LOCAL_HTTP_PORT;
  const privateCache = context.dataDir ? undefined : mkdtempSync(join(tmpdir(), 'mentoring-tab-vite-'));
  const server = await startTabDevServer({
    port: fixed ? Number(new URL(LOCAL_TAB_ORIGIN).port) : 0,
    upstream: context.baseUrl,
    cacheDir: privateCache ?? join(context.dataDir!, 'vite'),
  });
  return localTabService(server, () => {
    if (privateCache) rmSync(privateCache, { recursive: true, force: true });
  });
};
