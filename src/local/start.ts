/**
 * `npm start`: the whole app on this machine with the local stand-ins and no Microsoft 365 tenant.
 * Azurite keeps its data under .data/azurite and the identity issuer its key under .data/identity,
 * so data and tokens survive a restart. Ctrl+C stops everything.
 */
import { resolve } from 'node:path';
import { AZURITE_PORTS, LOCAL_HTTP_PORT } from './local-ports';
import { startLocalStack } from './start-local-stack';
import { ConfigurationError } from '../api/config';

async function main(): Promise<void> {
  const dataDir = resolve(process.env.MENTORING_DATA_DIR ?? '.data');
  console.log('Starting the mentoring app locally (Azurite, identity issuer, API) …');
  const stack = await startLocalStack({ dataDir, httpPort: LOCAL_HTTP_PORT, azuritePorts: AZURITE_PORTS, env: process.env });

  const lines = [
    '',
    `Mentoring app running locally — data in ${dataDir}`,
    '',
    ...stack.services.flatMap((s) => (s.links ?? []).map((l) => `  ${l.label.padEnd(36)} ${new URL(l.path, stack.baseUrl).href}`)),
    `  ${'Azurite Table Storage'.padEnd(36)} ${stack.azurite.tableEndpoint}`,
    `  ${'Azurite Queue Storage'.padEnd(36)} ${stack.azurite.queueEndpoint}`,
    '',
    `Demo data: ${stack.seeded ? `${stack.seeded.profilesCreated} profiles and ${stack.seeded.pairsCreated} pair created` : 'not seeded'} (existing data is kept).`,
    `Get a token: curl -s -X POST ${stack.baseUrl}/local-identity/token -H 'content-type: application/json' -d '{"personId":"a0000001-0000-4000-8000-000000000001"}'`,
    'Press Ctrl+C to stop.',
    '',
  ];
  console.log(lines.join('\n'));

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping …`);
    stack
      .stop()
      .then(() => process.exit(0))
      .catch((error: unknown) => {
        console.error(error);
        process.exit(1);
      });
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error: unknown) => {
  if (error instanceof ConfigurationError) console.error(error.message);
  else if (error instanceof Error && /EADDRINUSE/.test(error.message)) {
    console.error(`A port is already in use (${error.message}). Is another \`npm start\` running? Ports: ${LOCAL_HTTP_PORT}, ${Object.values(AZURITE_PORTS).join(', ')}.`);
  } else console.error(error);
  process.exit(1);
});
