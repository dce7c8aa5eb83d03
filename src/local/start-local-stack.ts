/**
 * Brings up everything `npm start` runs, on loopback: Azurite, the local host with the identity
 * issuer and the API (plus the stand-ins listed in local-services.ts), and the demo data. Tests
 * start it on free ports and in memory; `npm start` on the fixed ports with data under .data/.
 */
import { join } from 'node:path';
import { parseApiSettings } from '../api/config';
import { createApiHost, systemClock, uuidGenerator, type ComposedApiHost } from '../hosts/functions/composition-root';
import { apiFunctions, apiQueues, apiTimers } from '../api/function-table';
import { startQueueWorkers } from './local-queue-worker';
import { startAzurite, type AzuriteHandle } from './azurite';
import { createLocalIdentityIssuer, type LocalIdentityIssuer } from './identity-issuer';
import type { DemoPerson } from './demo-people';
import { localIdentityService } from './identity-issuer.service';
import { localApiService } from './api.service';
import { startLocalHost } from './local-host';
import { LOCAL_TAB_ORIGIN } from './local-ports';
import { additionalLocalServices } from './local-services';
import type { LocalServiceFactory } from './local-stack-context';
import type { LocalService } from './local-service';
import { localApiEnvironment } from './local-settings';
import { seedDemoData, type SeedReport } from './seed-demo-data';
import { runningClockFrom } from './calendar/wall-clock';
import type { ApiLogger } from '../api/api-services';
import type { TimerDefinition } from '../api/function-definition';

/** The same timers Azure runs with app.timer, on intervals (unref'd: they never keep the process alive). */
export function runTimersOnIntervals(timers: readonly TimerDefinition[], api: ComposedApiHost): { stop(): void } {
  const handles = timers.map((timer) => {
    const handle = setInterval(() => {
      timer.run(api.services, api.services.clock.now(), api.logger).catch((error: unknown) => api.logger.error('timer failed', { timer: timer.name, error: String(error) }));
    }, timer.everyMs);
    handle.unref();
    return handle;
  });
  return {
    stop: () => {
      for (const handle of handles) clearInterval(handle);
    },
  };
}

export interface LocalStackOptions {
  /** Where data lives (Azurite, the signing key); undefined = in memory. */
  readonly dataDir?: string;
  /** 0 = a free port. */
  readonly httpPort: number;
  /** Fixed Azurite ports, or free ones when omitted. */
  readonly azuritePorts?: { readonly blob: number; readonly queue: number; readonly table: number };
  readonly seed?: boolean;
  readonly env?: Readonly<Record<string, string | undefined>>;
  readonly logger?: ApiLogger;
  readonly services?: readonly LocalServiceFactory[];
  /** Who the local issuer signs in; default the demo people (benchmarks bring their own). */
  readonly people?: readonly DemoPerson[];
}

export interface LocalStack {
  readonly baseUrl: string;
  readonly azurite: AzuriteHandle;
  readonly issuer: LocalIdentityIssuer;
  readonly api: ComposedApiHost;
  readonly services: readonly LocalService[];
  readonly seeded: SeedReport | undefined;
  stop(): Promise<void>;
}

/** Azurite for a stack: data under dataDir/azurite (in memory without one), on fixed or free ports. */
export function startStackAzurite(options: Pick<LocalStackOptions, 'dataDir' | 'azuritePorts'>): Promise<AzuriteHandle> {
  return startAzurite({
    ...(options.dataDir ? { location: join(options.dataDir, 'azurite') } : {}),
    ...(options.azuritePorts ? { blobPort: options.azuritePorts.blob, queuePort: options.azuritePorts.queue, tablePort: options.azuritePorts.table } : {}),
  });
}

export async function startLocalStack(options: LocalStackOptions): Promise<LocalStack> {
  const azurite = await startStackAzurite(options);
  let host;
  try {
    host = await startLocalHost({ port: options.httpPort, allowedOrigins: [LOCAL_TAB_ORIGIN, LOCAL_TAB_ORIGIN.replace('127.0.0.1', 'localhost')] });
  } catch (error) {
    await azurite.stop();
    throw error;
  }
  try {
    const env = options.env ?? {};
    const settingsEnv = localApiEnvironment(
      {
        storageConnectionString: azurite.connectionString,
        jwksUri: `${host.baseUrl}/local-identity/discovery/v2.0/keys`,
        issuerTemplate: `${host.baseUrl}/local-identity/{tenantid}/v2.0`,
        graphBaseUrl: `${host.baseUrl}/local-graph/v1.0`,
        notificationUrl: `${host.baseUrl}/api/calendar-notifications`,
      },
      env,
    );
    const settings = parseApiSettings(settingsEnv);
    const issuer = await createLocalIdentityIssuer({
      baseUrl: host.baseUrl,
      clientId: settings.AUTH_CLIENT_ID,
      ...(settings.AUTH_CLIENT_SECRET ? { clientSecret: settings.AUTH_CLIENT_SECRET } : {}),
      ...(options.people ? { people: options.people } : {}),
      ...(options.dataDir ? { keyFile: join(options.dataDir, 'identity', 'signing-key.json') } : {}),
    });
    const identity = localIdentityService(issuer);

    // LOCAL_CLOCK_START (local mode only, refused elsewhere by the settings) starts the stack's clock there.
    const clock = settings.LOCAL_CLOCK_START ? runningClockFrom(Date.parse(settings.LOCAL_CLOCK_START)) : systemClock;
    const api = await createApiHost({
      settings,
      clock,
      ids: uuidGenerator,
      ...(options.logger ? { logger: options.logger } : {}),
    });

    host.use(identity);
    host.use(localApiService(apiFunctions, api));
    const timers = runTimersOnIntervals(apiTimers, api);
    // The same queue consumers Azure runs with app.storageQueue, polling Azurite.
    const queueWorkers = startQueueWorkers({ connectionString: azurite.connectionString, queues: apiQueues, services: api.services, logger: api.logger, now: () => clock.now(), queueNames: { calendarChanges: settings.CALENDAR_CHANGES_QUEUE } });
    const context = { baseUrl: host.baseUrl, dataDir: options.dataDir, settings: settingsEnv, api, issuer, azurite };
    for (const factory of options.services ?? additionalLocalServices) {
      const service = await factory(context);
      host.use(service);
      // The identity issuer is already checked by the API's own 'identity' component (it fetches the JWKS).
      const check = service.health?.bind(service);
      if (check) api.addHealthCheck({ name: service.name, check });
    }

    const seeded = options.seed === false ? undefined : await seedDemoData({ repos: api.services.repositories, ids: uuidGenerator }, clock);

    return {
      baseUrl: host.baseUrl,
      azurite,
      issuer,
      api,
      services: host.services,
      seeded,
      stop: async () => {
        timers.stop();
        await queueWorkers.stop();
        await host.close();
        await azurite.stop();
      },
    };
  } catch (error) {
    await host.close();
    await azurite.stop();
    throw error;
  }
}
