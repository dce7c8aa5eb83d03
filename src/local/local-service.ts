/**
 * A stand-in served by the local host (`npm start`): the API, the identity issuer, and later the
 * local calendar, the bot and the tab. Each owns a path prefix; the host asks them in order.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

export interface ComponentHealth {
  readonly status: 'ok' | 'unavailable';
  readonly detail?: string;
}

export interface LocalService {
  readonly name: string;
  /** Path prefix this service answers, e.g. `/local-identity`. */
  readonly prefix: string;
  /** Human-readable addresses printed by `npm start`, relative to the host's base URL. */
  readonly links?: readonly { readonly label: string; readonly path: string }[];
  handle(request: IncomingMessage, response: ServerResponse, url: URL): Promise<void>;
  /** Whether the stand-in works; `signal` aborts when /api/health stops waiting (no short timeout of its own). */
  health?(signal?: AbortSignal): Promise<ComponentHealth>;
  close?(): Promise<void>;
}

export async function readBody(request: IncomingMessage, limitBytes = 1_000_000): Promise<string | undefined> {
  return (await readBodyBytes(request, limitBytes))?.toString('utf8');
}

/** The body's bytes; undefined when it runs past `limitBytes`. */
export async function readBodyBytes(request: IncomingMessage, limitBytes = 1_000_000): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > limitBytes) return undefined;
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}

export function sendJson(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
    ...headers,
  });
  response.end(text);
}
