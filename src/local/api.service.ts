/**
 * Serves the API's function table on the local host under /api, through the same pipeline the
 * Azure Functions registration uses; only the translation from node:http differs.
 */
import type { IncomingMessage } from 'node:http';
import type { FunctionDefinition } from '../api/function-definition';
import { correlationIdOf, decodeBody, errorResponse, handleApiRequest, MAX_BODY_BYTES, type ApiHost } from '../api/handle-api-request';
import type { ApiRequest, ApiResponse } from '../api/http-contract';
import { compileRoutes } from '../api/route-match';
import { readBodyBytes, type LocalService } from './local-service';

export const API_PREFIX = '/api';

function headerOf(request: IncomingMessage): (name: string) => string | undefined {
  return (name) => {
    const value = request.headers[name.toLowerCase()];
    return Array.isArray(value) ? value.join(', ') : value;
  };
}

export function localApiService(functions: readonly FunctionDefinition[], host: ApiHost): LocalService {
  const match = compileRoutes(functions);
  return {
    name: 'api',
    prefix: API_PREFIX,
    links: [{ label: 'API health', path: `${API_PREFIX}/health` }],
    async handle(request, response, url) {
      const header = headerOf(request);
      const route = match(request.method ?? 'GET', url.pathname.slice(API_PREFIX.length + 1));
      let answer: ApiResponse;
      if (route.kind === 'none') {
        answer = errorResponse({ code: 'HTTP.NOT_FOUND', message: `There is no API endpoint at ${url.pathname}.` }, correlationIdOf({ header }));
      } else if (route.kind === 'bad-parameter') {
        answer = errorResponse(
          { code: 'HTTP.INVALID_PARAMETER', message: `The address has a badly encoded ${route.name}.`, field: route.name },
          correlationIdOf({ header }),
        );
      } else {
        const body = await readBodyBytes(request, MAX_BODY_BYTES);
        const apiRequest: ApiRequest = {
          method: request.method ?? 'GET',
          params: route.params,
          query: url.searchParams,
          header,
          // An over-long body is cut off by readBody; hand the pipeline something it will refuse.
          ...(body === undefined ? { bodyText: 'x'.repeat(MAX_BODY_BYTES + 1) } : decodeBody(body)),
        };
        answer = await handleApiRequest(route.definition, apiRequest, host);
      }
      const text = answer.text ?? (answer.body === undefined ? undefined : JSON.stringify(answer.body));
      response.writeHead(answer.status, {
        ...answer.headers,
        ...(text !== undefined ? { 'content-length': String(Buffer.byteLength(text)) } : {}),
      });
      response.end(text);
    },
  };
}
