/**
 * A local stand-in for the Bot Connector service that Teams exposes to bots (the `serviceUrl`), for
 * the fan-out benchmark and tests. It accepts "send to conversation" and "update activity" calls and
 * rate-limits them the way Teams documents it: a global limit per bot per tenant and per-thread
 * limits per conversation; over a limit it answers 429 Too Many Requests (without Retry-After, as
 * Teams often does, so the client must back off on its own).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A limit: at most `count` operations in any sliding `windowMs`. */
export interface RateWindow {
  readonly count: number;
  readonly windowMs: number;
}

export interface ConnectorLimits {
  /** Per bot per tenant across all conversations (Teams: 50 requests per second). */
  readonly perTenant: readonly RateWindow[];
  /** Per bot per conversation (Teams: 7/1 s, 8/2 s, 60/30 s, 1800/3600 s). */
  readonly perConversation: readonly RateWindow[];
}

export const TEAMS_LIMITS: ConnectorLimits = {
  perTenant: [{ count: 50, windowMs: 1000 }],
  perConversation: [
    { count: 7, windowMs: 1000 },
    { count: 8, windowMs: 2000 },
    { count: 60, windowMs: 30_000 },
    { count: 1800, windowMs: 3_600_000 },
  ],
};

export interface ReceivedActivity {
  readonly conversationId: string;
  readonly tenantId: string;
  readonly activityId: string;
  readonly activity: Record<string, unknown>;
}

class SlidingLog {
  private readonly times: number[] = [];
  constructor(private readonly windows: readonly RateWindow[]) {}

  /** Records the call and returns true when it fits every window. */
  tryTake(now: number): boolean {
    const longest = Math.max(...this.windows.map((w) => w.windowMs));
    while (this.times.length > 0 && this.times[0]! <= now - longest) this.times.shift();
    for (const w of this.windows) {
      let inWindow = 0;
      for (let i = this.times.length - 1; i >= 0 && this.times[i]! > now - w.windowMs; i--) inWindow++;
      if (inWindow >= w.count) return false;
    }
    this.times.push(now);
    return true;
  }
}

export interface LocalBotConnector {
  /** The serviceUrl to put in conversation references. */
  readonly serviceUrl: string;
  readonly received: readonly ReceivedActivity[];
  readonly stats: { accepted: number; throttled: number };
  /** Test hook: the next `count` calls answer `status` (e.g. 429, 403, 502) before any limit is checked. */
  failNext(status: number, count: number): void;
  stop(): Promise<void>;
}

export async function startLocalBotConnector(options: { limits?: ConnectorLimits; port?: number } = {}): Promise<LocalBotConnector> {
  const limits = options.limits ?? TEAMS_LIMITS;
  const tenants = new Map<string, SlidingLog>();
  const conversations = new Map<string, SlidingLog>();
  const received: ReceivedActivity[] = [];
  const stats = { accepted: 0, throttled: 0 };
  let nextId = 0;
  const forcedFailures: number[] = [];

  const logFor = (map: Map<string, SlidingLog>, key: string, windows: readonly RateWindow[]) => {
    let log = map.get(key);
    if (!log) {
      log = new SlidingLog(windows);
      map.set(key, log);
    }
    return log;
  };

  const reply = (res: ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const path = decodeURIComponent((req.url ?? '').split('?')[0] ?? '');
    const match = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/]+))?$/.exec(path);
    if (!match || (req.method !== 'POST' && req.method !== 'PUT')) {
      reply(res, 404, { error: { code: 'NotFound', message: `No route for ${req.method} ${path}` } });
      return;
    }
    let activity: Record<string, unknown>;
    try {
      activity = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>;
    } catch {
      reply(res, 400, { error: { code: 'BadArgument', message: 'The body is not JSON.' } });
      return;
    }
    const conversationId = match[1]!;
    const conversation = (activity.conversation ?? {}) as { tenantId?: string };
    const channelData = (activity.channelData ?? {}) as { tenant?: { id?: string } };
    const tenantId = conversation.tenantId ?? channelData.tenant?.id ?? 'unknown-tenant';
    const forced = forcedFailures.shift();
    if (forced !== undefined) {
      if (forced === 429) stats.throttled++;
      reply(res, forced, { error: { code: forced === 429 ? 'TooManyRequests' : 'Forced', message: `Forced ${forced}.` } });
      return;
    }
    const now = Date.now();
    // Both limits must admit the call; a call refused by the conversation limit does not use tenant capacity.
    const conversationLog = logFor(conversations, conversationId, limits.perConversation);
    const tenantLog = logFor(tenants, tenantId, limits.perTenant);
    if (!conversationLog.tryTake(now) || !tenantLog.tryTake(now)) {
      stats.throttled++;
      reply(res, 429, { error: { code: 'TooManyRequests', message: 'Too many requests.' } });
      return;
    }
    stats.accepted++;
    const activityId = match[2] ?? `1:${++nextId}`;
    received.push({ conversationId, tenantId, activityId, activity });
    reply(res, req.method === 'POST' ? 201 : 200, { id: activityId });
  };

  const server: Server = createServer((req, res) => {
    handle(req, res).catch(() => reply(res, 500, { error: { code: 'ServiceError', message: 'Local connector failed.' } }));
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    serviceUrl: `http://127.0.0.1:${port}/`,
    received,
    stats,
    failNext: (status, count) => {
      for (let i = 0; i < count; i++) forcedFailures.push(status);
    },
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
