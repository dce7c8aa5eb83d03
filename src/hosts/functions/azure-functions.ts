/**
 * The Azure Functions (Node v4 programming model) registration: every function of the table becomes
 * one HTTP function with its own route, the bot's POST /api/messages included, every timer an
 * `app.timer`, every queue consumer and each bot delivery queue an `app.storageQueue`. Settings (the API's and the bot's) are parsed when the worker loads this file, so a
 * missing setting stops the host with a message naming it. Loaded through package.json "main".
 */
import { randomUUID } from 'node:crypto';
import { app, type HttpRequest, type InvocationContext } from '@azure/functions';
import { consoleLogger } from '../../api/api-services';
import { createApiHost, type ComposedApiHost } from './composition-root';
import { ConfigurationError, parseApiSettings } from '../../api/config';
import type { BotRuntime } from './bot-timers';
import { DefaultAzureCredential } from '@azure/identity';
import { botStorageFromConnectionString, botStorageFromEndpoints, type BotStorage } from './bot-composition';
import { composeBotRuntime } from './bot-runtime';
import { functionTableWithBot } from './bot-function-table';
import { parseBotSettings } from '../../bot/host/bot-settings';
import { correlationIdOf, errorResponse, handleApiRequest } from '../../api/handle-api-request';
import { fromAzureRequest, fromAzureStreamingRequest, toAzureResponse } from '../../api/azure-request-mapping';
import { apiQueues } from '../../api/function-table';

// HTTP streams (Functions host 4.28+): request bodies reach the handlers as the bytes arrive, so the
// bot's endpoint and the API's mapping count them against their caps instead of receiving a body the
// host already buffered whole.
app.setup({ enableHttpStream: true });

const settings = parseApiSettings(process.env);
const botSettings = parseBotSettings(process.env);

let host: Promise<ComposedApiHost> | undefined;
function apiHost(): Promise<ComposedApiHost> {
  // Programme messages go through the bot of this same Function App, composed on first use.
  host ??= createApiHost({ settings, logger: consoleLogger, programmeMessenger: async () => (await botRuntime()).host.programmeMessenger }).catch((error: unknown) => {
    // Let the next request try again (e.g. storage was briefly unreachable at cold start).
    host = undefined;
    throw error;
  });
  return host;
}

/** The bot's table and delivery queues: the same account as the API's data, reached the same way. */
function botStorage(): BotStorage {
  if (settings.STORAGE_CONNECTION_STRING) return botStorageFromConnectionString(settings.STORAGE_CONNECTION_STRING);
  if (settings.STORAGE_TABLE_ENDPOINT && settings.STORAGE_QUEUE_ENDPOINT) {
    return botStorageFromEndpoints(settings.STORAGE_TABLE_ENDPOINT, settings.STORAGE_QUEUE_ENDPOINT, new DefaultAzureCredential());
  }
  throw new ConfigurationError('The bot needs STORAGE_QUEUE_ENDPOINT beside STORAGE_TABLE_ENDPOINT (or STORAGE_CONNECTION_STRING) for its delivery queues.');
}

let bot: Promise<BotRuntime> | undefined;
function botRuntime(): Promise<BotRuntime> {
  bot ??= apiHost()
    .then((api) => {
      return composeBotRuntime(api, { settings: botSettings, storage: botStorage() });
    })
    .catch((error: unknown) => {
      bot = undefined;
      throw error;
    });
  return bot;
}

const { functions, streaming, timers, queues } = functionTableWithBot(botRuntime);

for (const definition of functions) {
  app.http(definition.name, {
    route: definition.route,
    methods: [...definition.methods],
    authLevel: 'anonymous',
    handler: async (request: HttpRequest) => {
      const apiRequest = await fromAzureRequest(request);
      let composed: ComposedApiHost;
      try {
        composed = await apiHost();
      } catch (error) {
        const correlationId = correlationIdOf(apiRequest);
        consoleLogger.error('API host could not start', { correlationId, error: error instanceof Error ? error.stack : String(error) });
        return toAzureResponse(
          errorResponse({ code: 'SERVICE.UNAVAILABLE', message: 'The service is starting or cannot reach its storage; try again in a minute.' }, correlationId),
        );
      }
      return toAzureResponse(await handleApiRequest(definition, apiRequest, composed));
    },
  });
}

// The bot's endpoint reads its own body, after the channel token, as a capped stream.
for (const definition of streaming) {
  app.http(definition.name, {
    route: definition.route,
    methods: [...definition.methods],
    authLevel: 'anonymous',
    handler: async (request: HttpRequest) => {
      try {
        const out = await definition.handle(fromAzureStreamingRequest(request));
        return { status: out.status, headers: { ...out.headers }, ...(out.body !== undefined ? { body: JSON.stringify(out.body) } : {}) };
      } catch (error) {
        const correlationId = randomUUID();
        consoleLogger.error('bot host could not start', { correlationId, error: error instanceof Error ? error.stack : String(error) });
        return toAzureResponse(
          errorResponse({ code: 'SERVICE.UNAVAILABLE', message: 'The bot is starting or cannot reach its storage; try again in a minute.' }, correlationId),
        );
      }
    },
  });
}

for (const timer of timers) {
  app.timer(timer.name, {
    schedule: timer.schedule,
    handler: async () => {
      const composed = await apiHost();
      await timer.run(composed.services, composed.services.clock.now(), composed.logger);
    },
  });
}

// Queue triggers read the Function App's own storage (AzureWebJobsStorage, the same account as
// STORAGE_QUEUE_ENDPOINT in infra/); host.json sets plain-text messages and a 2-second poll.
for (const queue of apiQueues) {
  app.storageQueue(queue.name, {
    queueName: queue.queueName,
    connection: 'AzureWebJobsStorage',
    handler: async (message: unknown) => {
      const composed = await apiHost();
      await queue.run(composed.services, message, composed.services.clock.now(), composed.logger);
    },
  });
}

// Bot delivery runs on each shard's Storage queue trigger, on the same account (batch size, retries and
// the poison queue set in host.json); the message is deleted when the handler returns, retried when it throws.
for (const queue of queues) {
  app.storageQueue(queue.name, {
    queueName: queue.queueName,
    connection: 'AzureWebJobsStorage',
    handler: async (message: unknown, context: InvocationContext) => {
      await queue.handle(message, { queueName: queue.queueName, messageId: String(context.triggerMetadata?.id ?? '') });
    },
  });
}
