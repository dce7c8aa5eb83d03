/**
 * A local HTTP stand-in for the parts of Azure the lifecycle scripts call: Resource Manager (sites,
 * resource groups, deleted vaults) and a Flex Consumption app's SCM site, which — like the real one —
 * has /api/publish and /api/deployments but no /api/zipdeploy. It records every request.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { AzureAccess } from '../../scripts/lifecycle/azure-management';

export interface RecordedRequest {
  readonly method: string;
  readonly path: string;
  readonly headers: IncomingMessage['headers'];
  readonly body: Buffer;
}

export type Route = (request: RecordedRequest) => { status: number; body?: unknown } | undefined;

export interface AzureStandIn {
  readonly access: AzureAccess;
  readonly requests: RecordedRequest[];
  readonly scmHost: string;
  close(): Promise<void>;
}

export const TOKEN = 'test-arm-token';

export async function startAzureStandIn(route: Route): Promise<AzureStandIn> {
  const requests: RecordedRequest[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const recorded = { method: req.method ?? 'GET', path: req.url ?? '/', headers: req.headers, body: Buffer.concat(chunks) };
      requests.push(recorded);
      const answer = req.headers.authorization === `Bearer ${TOKEN}` ? route(recorded) : { status: 401, body: { error: { code: 'InvalidAuthenticationToken', message: 'no token' } } };
      const { status, body } = answer ?? { status: 404, body: { error: { code: 'NotFound', message: `no route for ${req.method} ${req.url}` } } };
      const text = body === undefined ? '' : JSON.stringify(body);
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(text);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    access: { managementUrl: `${base}/arm`, getToken: async () => TOKEN, scmBaseUrl: (host) => `${base}/scm/${host}` },
    requests,
    scmHost: 'func-mentordev-abcde.scm.azurewebsites.net',
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
