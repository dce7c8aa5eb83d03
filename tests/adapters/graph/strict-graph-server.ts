/**
 * A strict stand-in for graph.microsoft.com in adapter tests: every request must match an
 * expectation (method, exact URL, listed headers, exact JSON body), each expectation is used once,
 * and anything else is recorded as unexpected and answered 500 — the test then fails in `verify()`.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';

export function fixture<T = Record<string, unknown>>(name: string): T {
  return JSON.parse(readFileSync(join(__dirname, '../../fixtures/graph', name), 'utf8')) as T;
}

export interface Reply {
  readonly status: number;
  readonly body?: unknown;
  readonly headers?: Record<string, string>;
  /** Held back this long, so tests can observe concurrency. */
  readonly delayMs?: number;
}

export interface Expectation {
  readonly method: string;
  /** Path and query exactly as sent, e.g. "/v1.0/users/u1/calendar/getSchedule". */
  readonly url: string;
  /** Headers that must be present with exactly these values (names case-insensitive). */
  readonly headers?: Record<string, string>;
  /** The exact JSON body; omit for requests without one. */
  readonly body?: unknown;
  readonly reply: Reply | ((body: unknown) => Reply);
}

export interface SeenRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: IncomingMessage['headers'];
  readonly body: unknown;
}

export class StrictGraphServer {
  private readonly expectations: { e: Expectation; used: boolean }[] = [];
  readonly seen: SeenRequest[] = [];
  readonly unexpected: string[] = [];
  private inFlight = 0;
  maxInFlight = 0;

  private constructor(
    private readonly server: Server,
    readonly baseUrl: string,
  ) {}

  static async start(): Promise<StrictGraphServer> {
    let self: StrictGraphServer | undefined;
    const server = createServer((req, res) => {
      void self!.handle(req).then((reply) => {
        res.writeHead(reply.status, { ...(reply.body === undefined ? {} : { 'Content-Type': 'application/json' }), ...(reply.headers ?? {}) });
        res.end(reply.body === undefined ? undefined : JSON.stringify(reply.body));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as AddressInfo).port;
    self = new StrictGraphServer(server, `http://127.0.0.1:${port}/v1.0`);
    return self;
  }

  expect(...expectations: Expectation[]): void {
    for (const e of expectations) this.expectations.push({ e, used: false });
  }

  private async handle(req: IncomingMessage): Promise<Reply> {
    this.inFlight++;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    try {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      const text = Buffer.concat(chunks).toString('utf8');
      const body: unknown = text.length > 0 ? JSON.parse(text) : undefined;
      const method = req.method ?? '';
      const url = req.url ?? '';
      this.seen.push({ method, url, headers: req.headers, body });
      const match = this.expectations.find(
        ({ e, used }) =>
          !used &&
          e.method === method &&
          e.url === url &&
          isDeepStrictEqual(e.body, body) &&
          Object.entries(e.headers ?? {}).every(([name, value]) => req.headers[name.toLowerCase()] === value),
      );
      if (!match) {
        this.unexpected.push(`${method} ${url} ${text.slice(0, 2000)} headers=${JSON.stringify(req.headers)}`);
        return { status: 500, body: { error: { code: 'UnexpectedRequest', message: 'not expected by the test' } } };
      }
      match.used = true;
      const reply = typeof match.e.reply === 'function' ? match.e.reply(body) : match.e.reply;
      if (reply.delayMs) await new Promise((resolve) => setTimeout(resolve, reply.delayMs));
      return reply;
    } finally {
      this.inFlight--;
    }
  }

  /** Fails unless every expectation was used and nothing else arrived. */
  verify(): void {
    const unused = this.expectations.filter((x) => !x.used).map((x) => `${x.e.method} ${x.e.url} ${JSON.stringify(x.e.body)?.slice(0, 500)}`);
    expect({ unexpected: this.unexpected, unused }).toEqual({ unexpected: [], unused: [] });
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
