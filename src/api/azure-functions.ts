/**
 * The Azure Functions (Node v4 programming model) registration: every function of the table becomes
 * one HTTP function with its own route. Settings are parsed when the worker loads this file, so a
 * missing setting stops the host with a message naming it. Loaded through package.json "main".
 */
import { app, type HttpRequest } from '@azure/functions';
import { consoleLogger } from './api-services';
import { createApiHost, type ComposedApiHost } from './composition-root';
import { parseApiSettings } from './config';
import { apiFunctions, apiTimers } from './function-table';
import { correlationIdOf, errorResponse, handleApiRequest } from './handle-api-request';
import { fromAzureRequest, toAzureResponse } from './azure-request-mapping';

const settings = parseApiSettings(process.env);

let host: Promise<ComposedApiHost> | undefined;
function apiHost(): Promise<ComposedApiHost> {
  host ??= createApiHost({ settings, logger: consoleLogger }).catch((error: unknown) => {
    // Let the next request try again (e.g. storage was briefly unreachable at cold start).
    host = undefined;
    throw error;
  });
  return host;
}

for (const definition of apiFunctions) {
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

for (const timer of apiTimers) {
  app.timer(timer.name, {
    schedule: timer.schedule,
    handler: async () => {
      const composed = await apiHost();
      await timer.run(composed.services, composed.services.clock.now(), composed.logger);
    },
  });
}
