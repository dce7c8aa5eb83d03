/**
 * A local stand-in for the Bot Connector service that Teams exposes to bots (the `serviceUrl`), for
 * the fan-out benchmark and tests. It accepts "send to conversation" and "update activity" calls
 * (and Teams' targeted in-meeting notifications for meetings it was told are in progress), and
 * rate-limits the conversation calls the way Teams documents it: a global limit per bot per tenant and per-thread
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

/** A targeted in-meeting notification the connector accepted (202) or partly accepted (207). */
export interface ReceivedMeetingNotification {
  /** The request's path as it arrived (`/v1/meetings/{meetingId}/notification`, the id URL-encoded). */
  readonly path: string;
  readonly meetingId: string;
  readonly status: 202 | 207;
  readonly body: Record<string, unknown>;
}

export interface LocalBotConnector {
  /** The serviceUrl to put in conversation references. */
  readonly serviceUrl: string;
  readonly received: readonly ReceivedActivity[];
  readonly meetingNotifications: readonly ReceivedMeetingNotification[];
  /**
   * A Teams meeting in progress and who is in it (their Teams ids, `29:…`): notifications to it are
   * accepted for those people; a meeting not registered is "meeting chat not found" (404).
   */
  startMeeting(meetingId: string, participants: readonly string[]): void;
  /** The meeting is over: its notifications are refused again (404), as Teams does once nobody is in it. */
  endMeeting(meetingId: string): void;
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

  const meetings = new Map<string, ReadonlySet<string>>();
  const meetingNotifications: ReceivedMeetingNotification[] = [];

  /**
   * POST /v1/meetings/{meetingId}/notification, as Teams' Meeting apps APIs document it: type
   * `targetedMeetingNotification`; `value.recipients` a non-empty list of at most 50 Teams user ids
   * (Entra object ids and UPNs are not accepted); `value.surfaces` with each surface type at most
   * once, `meetingStage` with contentType `task` and `content.value` (title, url, height, width) and
   * `meetingTabIcon` (optional tabEntityId). 400 for a payload that fails this, 404 when the meeting
   * is not in progress or none of the recipients is in it, 207 when only some are, 202 otherwise.
   */
  const meetingNotification = (path: string, meetingId: string, body: Record<string, unknown>): { status: number; answer: unknown } => {
    const bad = (message: string) => ({ status: 400, answer: { error: { code: 'BadArgument', message } } });
    if (body.type !== 'targetedMeetingNotification') return bad('type must be targetedMeetingNotification.');
    const value = (body.value ?? {}) as { recipients?: unknown; surfaces?: unknown };
    const recipients = value.recipients;
    if (!Array.isArray(recipients) || recipients.length === 0 || recipients.length > 50 || !recipients.every((r) => typeof r === 'string' && /^\d+:.+/.test(r))) {
      return bad('value.recipients must list 1 to 50 user ids (MRI, e.g. 29:…); AAD object ids and UPNs are not supported.');
    }
    const surfaces = value.surfaces;
    if (!Array.isArray(surfaces) || surfaces.length === 0) return bad('value.surfaces must list at least one surface.');
    const kinds = surfaces.map((surface: { surface?: unknown }) => surface?.surface);
    if (new Set(kinds).size !== kinds.length) return bad('Only one instance of each surface type is allowed per request.');
    for (const surface of surfaces as Record<string, unknown>[]) {
      if (surface.surface === 'meetingTabIcon') {
        if (surface.tabEntityId !== undefined && typeof surface.tabEntityId !== 'string') return bad('meetingTabIcon.tabEntityId must be a string.');
        continue;
      }
      if (surface.surface !== 'meetingStage') return bad('surface must be meetingStage or meetingTabIcon.');
      if (surface.contentType !== 'task') return bad('meetingStage.contentType must be task.');
      const task = ((surface.content ?? {}) as { value?: Record<string, unknown> }).value;
      if (!task || typeof task !== 'object') return bad('meetingStage.content.value (a task module) is required.');
      for (const field of ['title', 'url', 'height', 'width']) {
        if (task[field] !== undefined && typeof task[field] !== 'string' && typeof task[field] !== 'number') return bad(`meetingStage.content.value.${field} has the wrong type.`);
      }
      if (typeof task.url === 'string' && !/^https?:\/\//.test(task.url)) return bad('meetingStage.content.value.url must be an absolute URL.');
    }
    const roster = meetings.get(meetingId);
    if (!roster) return { status: 404, answer: { error: { code: 'NotFound', message: 'Meeting chat is not found.' } } };
    const inMeeting = (recipients as string[]).filter((r) => roster.has(r));
    if (inMeeting.length === 0) return { status: 404, answer: { error: { code: 'NotFound', message: 'None of the participants were found in the roster.' } } };
    const status = inMeeting.length === recipients.length ? 202 : 207;
    meetingNotifications.push({ path, meetingId, status, body });
    return { status, answer: status === 202 ? {} : { recipientsFailureInfo: (recipients as string[]).filter((r) => !roster.has(r)).map((recipientMri) => ({ recipientMri, errorCode: 'ParticipantNotFound' })) } };
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const path = decodeURIComponent((req.url ?? '').split('?')[0] ?? '');
    // Matched before decoding: a meeting id is base64 and may carry an encoded '/'.
    const rawPath = (req.url ?? '').split('?')[0] ?? '';
    const notification = /^\/v1\/meetings\/([^/]+)\/notification$/.exec(rawPath);
    if (notification && req.method === 'POST') {
      let body: Record<string, unknown>;
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>;
      } catch {
        reply(res, 400, { error: { code: 'BadArgument', message: 'The body is not JSON.' } });
        return;
      }
      const forced = forcedFailures.shift();
      if (forced !== undefined) {
        if (forced === 429) stats.throttled++;
        reply(res, forced, { error: { code: forced === 429 ? 'TooManyRequests' : 'Forced', message: `Forced ${forced}.` } });
        return;
      }
      const { status, answer } = meetingNotification(rawPath, decodeURIComponent(notification[1]!), body);
      if (status === 202 || status === 207) stats.accepted++;
      reply(res, status, answer);
      return;
    }
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
    meetingNotifications,
    startMeeting: (meetingId, participants) => {
      meetings.set(meetingId, new Set(participants));
    },
    endMeeting: (meetingId) => {
      meetings.delete(meetingId);
    },
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
