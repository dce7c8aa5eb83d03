import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createLocalIdentityIssuer } from '../../../src/local/identity-issuer';
import { localIdentityService } from '../../../src/local/identity-issuer.service';
import { sendJson, type LocalService } from '../../../src/local/local-service';

export interface E2eStack {
  baseUrl: string;
  /** Which parts of the local stack are really running behind /api and /local-identity. */
  parts: string[];
  close(): Promise<void>;
}

/**
 * The local stand-ins the browser tests run against, on a free loopback port. It serves the
 * parts of `npm start` that exist in the repository: the real local identity issuer (signing real
 * RS256 tokens). Anything else answers with the API's own not-found error shape.
 */
export async function startE2eStack(): Promise<E2eStack> {
  const services: LocalService[] = [];
  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const service = services.find((s) => url.pathname.startsWith(`${s.prefix}/`));
    if (!service) {
      sendJson(response, 404, { error: { code: 'HTTP.NOT_FOUND', message: `Nothing is served at ${url.pathname}.`, correlationId: 'e2e' } });
      return;
    }
    service.handle(request, response, url).catch(() => {
      if (!response.headersSent) sendJson(response, 500, { error: { code: 'INTERNAL.UNEXPECTED', message: 'failed', correlationId: 'e2e' } });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const issuer = await createLocalIdentityIssuer({ baseUrl, clientId: '5b0c7d2e-3f41-4a8b-9c6d-1e2f3a4b5c02' });
  services.push(localIdentityService(issuer));
  return {
    baseUrl,
    parts: ['local-identity'],
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
