/**
 * `npm start` in tenant mode: the same local host, API, bot and tab as the local mode, configured for
 * a real Microsoft 365 tenant — tokens checked against Entra ID, Graph and the bot's channel through
 * the registered apps — and no stand-in: no local identity issuer, no local calendar, no demo data.
 * Azurite keeps the data on this machine unless STORAGE_CONNECTION_STRING names other storage.
 */
import { parseApiSettings } from '../api/config';
import type { ApiLogger } from '../api/api-services';
import { apiFunctions, apiQueues, apiTimers } from '../api/function-table';
import { createApiHost, systemClock, uuidGenerator, type ComposedApiHost } from '../hosts/functions/composition-root';
import type { AzuriteHandle } from './azurite';
import { localApiService } from './api.service';
import { localBotMessagesService } from './bot/local-bot.service';
import { startLocalHost } from './local-host';
import { LOCAL_TAB_ORIGIN } from './local-ports';
import type { LocalService } from './local-service';
import { runTimersOnIntervals, startStackAzurite } from './start-local-stack';
import { startQueueWorkers } from './local-queue-worker';
import { TENANT_SETTINGS, tenantApiEnvironment, usesDevelopmentStorage } from './local-settings';
import { createLocalTabService } from './tab/local-tab.service';
import { ConfigurationError } from '../api/config';

export interface TenantStackContext {
  readonly baseUrl: string;
  readonly dataDir: string | undefined;
  readonly settings: Readonly<Record<string, string | undefined>>;
  readonly api: ComposedApiHost;
}

export type TenantServiceFactory = (context: TenantStackContext) => Promise<LocalService>;

/** The bot on the registered Bot Framework app, and the tab served for the dev tunnel. */
export const tenantServices: readonly TenantServiceFactory[] = [localBotMessagesService, createLocalTabService];

export interface TenantStackOptions {
  readonly dataDir?: string;
  /** 0 = a free port. */
  readonly httpPort: number;
  readonly azuritePorts?: { readonly blob: number; readonly queue: number; readonly table: number };
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly logger?: ApiLogger;
  readonly services?: readonly TenantServiceFactory[];
}

export interface TenantStack {
  readonly mode: 'tenant';
  readonly baseUrl: string;
  readonly api: ComposedApiHost;
  readonly services: readonly LocalService[];
  /** Undefined when STORAGE_CONNECTION_STRING names other storage. */
  readonly azurite: AzuriteHandle | undefined;
  stop(): Promise<void>;
}

export async function startTenantStack(options: TenantStackOptions): Promise<TenantStack> {
  // Every missing setting is named before anything starts.
  tenantApiEnvironment(options.env, 'UseDevelopmentStorage=true');
  const tabEndpoint = options.env.TAB_ENDPOINT!.trim();
  if (!/^https:\/\//.test(tabEndpoint)) throw new ConfigurationError(`npm start (tenant mode) cannot start: TAB_ENDPOINT must be ${TENANT_SETTINGS.TAB_ENDPOINT} (now "${tabEndpoint}").`);

  const azurite = usesDevelopmentStorage(options.env) ? await startStackAzurite(options) : undefined;
  let host;
  try {
    host = await startLocalHost({ port: options.httpPort, allowedOrigins: [LOCAL_TAB_ORIGIN, new URL(tabEndpoint).origin] });
  } catch (error) {
    await azurite?.stop();
    throw error;
  }
  try {
    const settingsEnv = tenantApiEnvironment(options.env, azurite?.connectionString);
    const api = await createApiHost({ settings: parseApiSettings(settingsEnv), clock: systemClock, ids: uuidGenerator, ...(options.logger ? { logger: options.logger } : {}) });
    host.use(localApiService(apiFunctions, api));
    const timers = runTimersOnIntervals(apiTimers, api);
    // Queue consumers as Azure runs them with app.storageQueue (Graph's notifications reach the webhook through a tunnel).
    const connectionString = settingsEnv.STORAGE_CONNECTION_STRING;
    const queueWorkers = connectionString ? startQueueWorkers({ connectionString, queues: apiQueues, services: api.services, logger: api.logger, now: () => api.services.clock.now() }) : undefined;
    const context: TenantStackContext = { baseUrl: host.baseUrl, dataDir: options.dataDir, settings: settingsEnv, api };
    for (const factory of options.services ?? tenantServices) {
      const service = await factory(context);
      host.use(service);
      const check = service.health?.bind(service);
      if (check) api.addHealthCheck({ name: service.name, check });
    }
    return {
      mode: 'tenant',
      baseUrl: host.baseUrl,
      api,
      services: host.services,
      azurite,
      stop: async () => {
        timers.stop();
        await queueWorkers?.stop();
        await host.close();
        await azurite?.stop();
      },
    };
  } catch (error) {
    await host.close();
    await azurite?.stop();
    throw error;
  }
}
