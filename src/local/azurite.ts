/**
 * Starts the Azurite storage emulator (an npm dev dependency) as a child process and reports where
 * it listens. Used by `npm start` (on disk under .data/) and by the test run (in memory, free ports).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';

/** Azurite's fixed, publicly documented development account (not a secret). */
export const AZURITE_ACCOUNT = 'devstoreaccount1';
export const AZURITE_KEY =
  'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';

export interface AzuriteHandle {
  readonly connectionString: string;
  readonly tableEndpoint: string;
  readonly queueEndpoint: string;
  stop(): Promise<void>;
}

export interface AzuriteOptions {
  /** Folder for on-disk data; omit for in-memory storage. */
  readonly location?: string;
  /** Fixed ports (npm start); 0 or omitted picks free ports (tests). */
  readonly tablePort?: number;
  readonly queuePort?: number;
  readonly blobPort?: number;
}

export function azuriteConnectionString(tableEndpoint: string, queueEndpoint: string): string {
  return [
    'DefaultEndpointsProtocol=http',
    `AccountName=${AZURITE_ACCOUNT}`,
    `AccountKey=${AZURITE_KEY}`,
    `TableEndpoint=${tableEndpoint}`,
    `QueueEndpoint=${queueEndpoint}`,
  ].join(';') + ';';
}

export function startAzurite(options: AzuriteOptions = {}): Promise<AzuriteHandle> {
  const args = [
    require.resolve('azurite/dist/src/azurite.js'),
    '--disableTelemetry',
    '--skipApiVersionCheck',
    '--loose',
    '--blobHost', '127.0.0.1', '--blobPort', String(options.blobPort ?? 0),
    '--queueHost', '127.0.0.1', '--queuePort', String(options.queuePort ?? 0),
    '--tableHost', '127.0.0.1', '--tablePort', String(options.tablePort ?? 0),
  ];
  if (options.location) {
    mkdirSync(options.location, { recursive: true });
    args.push('--location', options.location);
  } else {
    args.push('--inMemoryPersistence');
  }
  const child: ChildProcess = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });

  return new Promise<AzuriteHandle>((resolve, reject) => {
    const ports: Record<string, string> = {};
    let output = '';
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error(`Azurite did not start within 20 s. Its output:\n${output}`));
    }, 20_000);
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      for (const m of output.matchAll(/Azurite (Blob|Queue|Table) service is successfully listening at (http:\/\/[^\s]+)/g)) {
        ports[m[1]!] = m[2]!;
      }
      if (ports.Table && ports.Queue && ports.Blob) {
        clearTimeout(timer);
        child.stdout?.off('data', onData);
        child.stdout?.resume();
        const tableEndpoint = `${ports.Table}/${AZURITE_ACCOUNT}`;
        const queueEndpoint = `${ports.Queue}/${AZURITE_ACCOUNT}`;
        resolve({
          connectionString: azuriteConnectionString(tableEndpoint, queueEndpoint),
          tableEndpoint,
          queueEndpoint,
          stop: () =>
            new Promise<void>((done) => {
              if (child.exitCode !== null) return done();
              child.once('exit', () => done());
              child.kill('SIGTERM');
            }),
        });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`Azurite exited with code ${code}. Its output:\n${output}`));
    });
  });
}
