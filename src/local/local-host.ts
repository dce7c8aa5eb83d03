/**
 * The one local HTTP host of `npm start` (127.0.0.1:7071): it serves a list of local services, each
 * under its own path prefix — the API, the identity issuer, and as they arrive the local calendar,
 * the bot and the tab. It binds to loopback only.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { correlationIdOf } from '../api/handle-api-request';
import { sendJson, type LocalService } from './local-service';
import type { ErrorCode } from '../core/error-codes';

export interface LocalHost {
  readonly baseUrl: string;
  readonly port: number;
  /** Services are added after listening, because their URLs depend on the port. */
  use(service: LocalService): void;
  readonly services: readonly LocalService[];
  close(): Promise<void>;
}

export interface LocalHostOptions {
  /** 0 picks a free port (tests). */
  readonly port: number;
  /** Browser origins allowed to call the host (the tab's dev server). */
  readonly allowedOrigins?: readonly string[];
}

export async function startLocalHost(options: LocalHostOptions): Promise<LocalHost> {
  const services: LocalService[] = [];
  const origins = new Set(options.allowedOrigins ?? []);

  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    // Every answer of the host carries one; the API pipeline sets the same value again for its own.
    const given = request.headers['x-correlation-id'];
    response.setHeader('x-correlation-id', correlationIdOf({ header: () => (Array.isArray(given) ? given[0] : given) }));
    const origin = request.headers.origin;
    if (origin && origins.has(origin)) {
      response.setHeader('access-control-allow-origin', origin);
      response.setHeader('vary', 'Origin');
      response.setHeader('access-control-expose-headers', 'x-correlation-id, etag');
    }
    if (request.method === 'OPTIONS' && origin && origins.has(origin)) {
      response.writeHead(204, {
        'access-control-allow-methods': 'GET, POST, PUT, PATCH, DELETE',
        'access-control-allow-headers': 'authorization, content-type, if-match, x-correlation-id',
        'access-control-max-age': '600',
      });
      response.end();
      return;
    }
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    // The longest matching prefix wins, so /api/messages (the bot) is not swallowed by /api.
    const service = services
      .filter((s) => url.pathname === s.prefix || url.pathname.startsWith(`${s.prefix}/`))
      .reduce<LocalService | undefined>((best, s) => (best && best.prefix.length >= s.prefix.length ? best : s), undefined);
    if (!service) {
      sendJson(response, 404, {
        error: { code: 'HTTP.NOT_FOUND' satisfies ErrorCode, message: `Nothing is served at ${url.pathname}; see the URLs printed by npm start.` },
      });
      return;
    }
    await service.handle(request, response, url);
  };

  const server: Server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      console.error(JSON.stringify({ level: 'error', message: 'local host request failed', error: error instanceof Error ? error.stack : String(error) }));
      if (!response.headersSent) sendJson(response, 500, { error: { code: 'INTERNAL.UNEXPECTED' satisfies ErrorCode, message: 'The local host failed to answer; see its console.' } });
      else response.destroy();
    });
  });
  server.keepAliveTimeout = 65_000;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;

  return {
    baseUrl: `http://127.0.0.1:${port}`,
    port,
    services,
    use: (service) => {
      services.push(service);
    },
    close: async () => {
      for (const service of [...services].reverse()) await service.close?.();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}
