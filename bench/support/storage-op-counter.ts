/**
 * A counting pass-through in front of Azurite's table and queue endpoints: every request the
 * product makes is forwarded unchanged (Shared Key signatures do not cover the host) and counted by
 * what it costs on Azure Table Storage and Storage queues, where each is one billed operation:
 * point reads (PartitionKey + RowKey), queries within one partition, queries across partitions (a
 * table scan on Azure too, and on Azurite every query is a scan of the whole table), entity-group
 * transactions, single writes, and queue sends, receives and deletes.
 */
import { createServer, request, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { azuriteConnectionString } from '../../src/local/azurite';

export interface StorageOpCounts {
  pointReads: number;
  partitionQueries: number;
  crossPartitionQueries: number;
  transactions: number;
  writes: number;
  tableOther: number;
  queueSends: number;
  queueReceives: number;
  queueDeletes: number;
  queueOther: number;
}

const zero = (): StorageOpCounts => ({
  pointReads: 0,
  partitionQueries: 0,
  crossPartitionQueries: 0,
  transactions: 0,
  writes: 0,
  tableOther: 0,
  queueSends: 0,
  queueReceives: 0,
  queueDeletes: 0,
  queueOther: 0,
});

export function tableOpKind(method: string, rawUrl: string): keyof StorageOpCounts {
  const url = new URL(rawUrl, 'http://x');
  const path = decodeURIComponent(url.pathname);
  if (/\/\$batch$/.test(path)) return 'transactions';
  if (/\/Tables(\(|$|\/)/.test(path)) return 'tableOther';
  const keyed = /\(PartitionKey='.*',RowKey='.*'\)$/.test(path);
  if (method === 'GET') {
    if (keyed) return 'pointReads';
    const filter = url.searchParams.get('$filter') ?? '';
    // A filter that pins one partition (every "and" clause after it only narrows it).
    return /^\(?\s*PartitionKey eq '(?:[^']|'')*'\s*\)?(\s+and\s|$)/.test(filter) && !/\sor\s/i.test(filter) ? 'partitionQueries' : 'crossPartitionQueries';
  }
  return ['POST', 'PUT', 'MERGE', 'PATCH', 'DELETE'].includes(method) ? 'writes' : 'tableOther';
}

export function queueOpKind(method: string, rawUrl: string): keyof StorageOpCounts {
  const url = new URL(rawUrl, 'http://x');
  if (!/\/messages(\/|$)/.test(url.pathname)) return 'queueOther';
  if (method === 'POST') return 'queueSends';
  if (method === 'GET') return url.searchParams.get('peekonly') === 'true' ? 'queueOther' : 'queueReceives';
  if (method === 'DELETE') return 'queueDeletes';
  return 'queueOther';
}

function passThrough(target: URL, classify: (method: string, url: string) => keyof StorageOpCounts, counts: () => StorageOpCounts): Server {
  return createServer((req: IncomingMessage, res: ServerResponse) => {
    counts()[classify(req.method ?? 'GET', req.url ?? '/')]++;
    const upstream = request(
      { host: target.hostname, port: target.port, method: req.method, path: req.url, headers: { ...req.headers, host: target.host } },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  });
}

async function listen(server: Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

/** Starts the pass-through for an Azurite (its table and queue endpoints, with the account path). */
export async function startStorageOpCounter(azurite: { readonly tableEndpoint: string; readonly queueEndpoint: string }) {
  let counts = zero();
  const table = new URL(azurite.tableEndpoint);
  const queue = new URL(azurite.queueEndpoint);
  const tableServer = passThrough(table, tableOpKind, () => counts);
  const queueServer = passThrough(queue, queueOpKind, () => counts);
  const tablePort = await listen(tableServer);
  const queuePort = await listen(queueServer);
  return {
    connectionString: azuriteConnectionString(`http://127.0.0.1:${tablePort}${table.pathname}`, `http://127.0.0.1:${queuePort}${queue.pathname}`),
    counts: (): StorageOpCounts => ({ ...counts }),
    reset: () => {
      counts = zero();
    },
    stop: async () => {
      for (const server of [tableServer, queueServer]) {
        server.closeAllConnections();
        await new Promise((resolve) => server.close(resolve));
      }
    },
  };
}
