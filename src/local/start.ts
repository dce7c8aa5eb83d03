/**
 * `npm start`: the whole app on this machine.
 * - local mode (default): the local stand-ins and no Microsoft 365 tenant. Azurite keeps its data
 *   under .data/azurite and the identity issuer its key under .data/identity.
 * - tenant mode (`MENTORING_MODE=tenant`, or .localConfigs from `atk deploy --env local`): Entra ID,
 *   Graph and the registered bot of your tenant, reached by Teams through a dev tunnel
 *   (README, "Debug in Teams").
 * Settings in the environment win over .localConfigs. MENTORING_HTTP_PORT moves the host off 7071
 * (0 = a free port, with Azurite on free ports too). Ctrl+C stops everything.
 */
import { resolve } from 'node:path';
import { AZURITE_PORTS, LOCAL_HTTP_PORT } from './local-ports';
import { startLocalStack } from './start-local-stack';
import { startTenantStack } from './start-tenant-stack';
import { localModeOf, readSettingsFile, withLocalConfigs } from './local-settings';
import { ConfigurationError } from '../api/config';

async function main(): Promise<void> {
  const env = withLocalConfigs(process.env, readSettingsFile(resolve('.localConfigs')));
  // Child processes (the tab's dev server) see the same settings.
  for (const [name, value] of Object.entries(env)) if (value !== undefined && process.env[name] === undefined) process.env[name] = value;
  const mode = localModeOf(env);
  const dataDir = resolve(env.MENTORING_DATA_DIR ?? '.data');
  const httpPort = env.MENTORING_HTTP_PORT?.trim() ? Number(env.MENTORING_HTTP_PORT) : LOCAL_HTTP_PORT;
  if (!Number.isInteger(httpPort) || httpPort < 0 || httpPort > 65535) throw new ConfigurationError(`MENTORING_HTTP_PORT must be a port number (0 = a free one), not "${env.MENTORING_HTTP_PORT}".`);
  const azuritePorts = httpPort === LOCAL_HTTP_PORT ? AZURITE_PORTS : undefined;

  if (mode === 'tenant') {
    console.log('Starting the mentoring app against your Microsoft 365 tenant (Entra ID, Graph, your bot) …');
    const stack = await startTenantStack({ dataDir, httpPort, ...(azuritePorts ? { azuritePorts } : {}), env });
    console.log(
      [
        '',
        `Mentoring app running in tenant mode — listening on ${stack.baseUrl}`,
        `  ${'Sign-in'.padEnd(36)} Entra ID, app ${env.AUTH_CLIENT_ID}, tenant ${env.AUTH_ALLOWED_TENANTS}`,
        `  ${'Graph'.padEnd(36)} ${env.GRAPH_BASE_URL ?? 'https://graph.microsoft.com/v1.0'}`,
        `  ${'Tab (through your tunnel)'.padEnd(36)} ${env.TAB_ENDPOINT}`,
        `  ${'Bot endpoint (registered bot)'.padEnd(36)} ${env.BOT_ENDPOINT ?? '(your tunnel)'}/api/messages → ${stack.baseUrl}/api/messages`,
        `  ${'Storage'.padEnd(36)} ${stack.azurite ? `Azurite (data in ${dataDir})` : 'STORAGE_CONNECTION_STRING'}`,
        'Press Ctrl+C to stop.',
        '',
      ].join('\n'),
    );
    stopOnSignals(stack.stop);
    return;
  }

  console.log('Starting the mentoring app locally (Azurite, identity issuer, API) …');
  const stack = await startLocalStack({ dataDir, httpPort, ...(azuritePorts ? { azuritePorts } : {}), env });
  const lines = [
    '',
    `Mentoring app running locally — listening on ${stack.baseUrl}, data in ${dataDir}`,
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
  stopOnSignals(stack.stop);
}

function stopOnSignals(stopStack: () => Promise<void>): void {
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping …`);
    stopStack()
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
