/**
 * The local calendar: the subset of Microsoft Graph v1.0 the product uses, with the same URLs and
 * JSON shapes, for `npm start` and the tests. The app reaches it by pointing the official Graph
 * client at GRAPH_BASE_URL=http://127.0.0.1:7071/local-graph/v1.0; nothing else changes. It exists
 * for local use and tests only; a real tenant uses https://graph.microsoft.com/v1.0.
 *
 *   POST  /users/{id}/calendar/getSchedule        free/busy + working hours (≤100 schedules, ≤62 days)
 *   GET   /users/{id}                             id, displayName, mail, userPrincipalName
 *   GET   /users/{id}/manager                     the manager as a directoryObject ($select honoured); 404 without one
 *   GET|PATCH /users/{id}/mailboxSettings         timeZone, workingHours (PATCH validated as Graph does)
 *   GET /users/{id}/mailboxSettings/{setting}     one setting (workingHours, timeZone, …) as Graph answers it
 *   POST  /users/{id}/calendar/events | /events   create (transactionId de-duplicated, open extensions);
 *                                                 each attendee in the tenant gets a copy of their own
 *   GET   /users/{id}/events[/{eventId}]          list / get ($select, $expand=extensions($filter=id eq '…'))
 *   GET   /users/{id}/calendarView?startDateTime=&endDateTime=
 *   PATCH /users/{id}/events/{eventId}            update (the organizer's reaches the attendees' copies)
 *   POST  /users/{id}/events/{eventId}/cancel     {comment} → 202 (organizer only)
 *   POST  /users/{id}/events/{eventId}/accept|tentativelyAccept|decline   (on the attendee's copy) → 202
 *   DELETE /users/{id}/events/{eventId}           → 204
 * Attendee copies, cancellation and answers behave as mailbox-events.ts describes.
 *   GET   /users/{id}/calendarView/delta          changes in a range, Graph's nextLink/deltaLink rounds (calendar-delta.ts)
 *   POST|GET|PATCH|DELETE /subscriptions[/{id}]   change notifications to a webhook, validated (local-subscriptions.ts)
 *   POST  /$batch                                 ≤20 requests, each answered (and faulted) on its own
 *   POST  /users/{id}/teamwork/sendActivityNotification   Teams activity feed, kept per person (local-activity-feed.ts)
 *   /users/{id}/todo/lists/...                    Microsoft To Do: lists, tasks with linkedResources, tasks/delta (local-todo.ts)
 *   /me/...                                       the same routes for a delegated token's own user (400 with the app's token, as Graph)
 *   GET|POST /chats/{id}/installedApps | /tabs    the app and its tabs in a meeting chat (teams-apps.ts)
 *   GET|POST /users/{id}/teamwork/installedApps   the app in a person's personal scope; the bot then hears installationUpdate
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import { TableClient } from '@azure/data-tables';
import { createRemoteJWKSet, decodeJwt, jwtVerify, type JWTPayload } from 'jose';
import { z } from 'zod';
import { ianaZoneFromGraph } from '../../adapters/graph/windows-zones';
import { blocksTime, type FreeBusyStatus } from '../../core/scheduling/free-busy-status';
import { CalendarEventTable, type StoredEvent } from './calendar-event-table';
import { seededItems, type LocalCalendarPerson, type ScheduleStatus } from './demo-calendars';
import { drawFault, type FaultKind, type FaultPlan, type FaultStats } from './fault-plan';
import { LocalAttendanceTable, onlineMeetingsRoute } from './online-meetings';
import type { LocalTeamsApps } from './teams-apps';
import { transitiveMembersRoute, type LocalGroup } from './directory-groups';
import { graphError, itemNotFound, type Answer } from './graph-answer';
import { effectiveSettings, patchMailboxSettings } from './mailbox-settings';
import { eventInput, graphDateTime, MailboxEvents, type ChangeType } from './mailbox-events';
import { wallClockToUtc } from './wall-clock';
import { calendarViewDelta } from './calendar-delta';
import { LocalSubscriptions } from './local-subscriptions';
import { LocalTodo } from './local-todo';
import { LocalActivityFeed } from './local-activity-feed';

/** getSchedule's availabilityView digits, as Graph documents them. */
const STATUS_DIGIT: Record<FreeBusyStatus, number> = { free: 0, tentative: 1, busy: 2, oof: 3, workingElsewhere: 4, unknown: 0 };
const DIGIT_STATUS: readonly FreeBusyStatus[] = ['free', 'tentative', 'busy', 'oof', 'workingElsewhere'];
const SEVERITY: Record<FreeBusyStatus, number> = { free: 0, workingElsewhere: 1, unknown: 2, tentative: 3, busy: 4, oof: 5 };
const STATUS_WEIGHT = Object.fromEntries(
  Object.entries(SEVERITY).map(([status, severity]) => [status, (blocksTime(status as FreeBusyStatus) ? 10 : 0) + severity]),
) as Record<FreeBusyStatus, number>;

export const LOCAL_GRAPH_BASE_PATH = '/local-graph/v1.0';
const DAY = 86_400_000;

export interface LocalGraphCalendarOptions {
  /** The table that holds created events (in the app's Azurite). */
  readonly table: TableClient;
  /** Attendance reports of online meetings (written by the local meeting-event source); without it onlineMeetings are not served. */
  readonly attendance?: LocalAttendanceTable;
  /** This app in chats and personal scopes (installedApps, tabs); without it those routes are not served. */
  readonly teamsApps?: LocalTeamsApps;
  /** The people whose mailboxes exist (the local identity's demo people, or generated ones). */
  readonly people: readonly (LocalCalendarPerson & { readonly tenantId?: string })[];
  /** Entra groups served at /groups/{id}/transitiveMembers (the demo groups). */
  readonly groups?: readonly LocalGroup[];
  /** Where the handler is mounted; default /local-graph/v1.0. */
  readonly basePath?: string;
  /** Mutable: tests and benchmarks change it while the calendar runs. */
  readonly faults?: FaultPlan;
  /** When set, bearer tokens must be JWTs signed by a key in this JWKS (the local issuer's). */
  readonly jwksUrl?: string;
  readonly audience?: string | readonly string[];
  /** The clock for created/modified stamps and subscription expiry; default Date.now. */
  readonly now?: () => number;
  /** Back-off between notification delivery attempts (tests shorten it). */
  readonly notificationRetryDelaysMs?: readonly number[];
}

export interface LocalGraphStats extends FaultStats {
  /** HTTP requests received, a $batch counting once. */
  http: number;
  batches: number;
}

export type LocalGraphHandler = ((req: IncomingMessage, res: ServerResponse) => void) & {
  readonly stats: LocalGraphStats;
  readonly faults: FaultPlan;
  readonly events: CalendarEventTable;
  readonly subscriptions: LocalSubscriptions;
  /** The Teams activity feed each person received (sendActivityNotification). */
  readonly activityFeed: LocalActivityFeed;
};

interface Caller {
  readonly tenantId: string | undefined;
  /** The signed-in user of a delegated token; undefined for the app's own token. */
  readonly userId: string | undefined;
}

interface Call {
  readonly method: string;
  /** Path relative to the version root, without the query. */
  readonly path: string;
  readonly query: URLSearchParams;
  readonly headers: Record<string, string>;
  readonly body: unknown;
  readonly tenantId: string | undefined;
  readonly userId?: string | undefined;
  /** scheme://host:port the request came to, for absolute links. */
  readonly origin?: string;
}

const dateTimeTimeZone = z.object({ dateTime: z.string().min(10), timeZone: z.string().min(1) });
const scheduleInput = z.object({
  schedules: z.array(z.string()).min(1),
  startTime: dateTimeTimeZone,
  endTime: dateTimeTimeZone,
  availabilityViewInterval: z.number().int().min(5).max(1440).optional(),
});
const batchInput = z.object({
  requests: z.array(
    z.object({
      id: z.string().min(1),
      method: z.enum(['GET', 'POST', 'PATCH', 'DELETE', 'PUT']),
      url: z.string().min(1),
      headers: z.record(z.string(), z.string()).optional(),
      body: z.unknown().optional(),
    }),
  ),
});

function parseDateTime(value: { dateTime: string; timeZone: string }): number | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?$/.exec(value.dateTime);
  if (!match) return undefined;
  const [, y, mo, d, h, mi, s = '0', frac = '0'] = match;
  const zone = /^(utc|etc\/utc|coordinated universal time)$/i.test(value.timeZone) ? ok('UTC') : ianaZoneFromGraph(value.timeZone);
  if (!zone.ok) return undefined;
  const ms = Number(s) * 1000 + Number(`0.${frac}`) * 1000;
  return wallClockToUtc(Number(y), Number(mo), Number(d), Number(h) * 60 + Number(mi), zone.value) + Math.round(ms);
}
function ok<T>(value: T): { ok: true; value: T } {
  return { ok: true, value };
}

function scheduleStatusOf(showAs: unknown): ScheduleStatus {
  return showAs === 'free' || showAs === 'tentative' || showAs === 'oof' || showAs === 'workingElsewhere' ? showAs : 'busy';
}

export function localGraphCalendarHandler(options: LocalGraphCalendarOptions): LocalGraphHandler {
  const basePath = (options.basePath ?? LOCAL_GRAPH_BASE_PATH).replace(/\/+$/, '');
  const now = options.now ?? Date.now;
  const events = new CalendarEventTable(options.table, now);
  const faults: FaultPlan = options.faults ?? {};
  const stats: LocalGraphStats = { calls: 0, faults: 0, http: 0, batches: 0 };
  const jwks = options.jwksUrl ? createRemoteJWKSet(new URL(options.jwksUrl)) : undefined;
  const byKey = new Map<string, LocalCalendarPerson & { tenantId?: string }>();
  for (const p of options.people) {
    byKey.set(p.personId.toLowerCase(), p);
    byKey.set(p.email.toLowerCase(), p);
  }
  const person = (idOrEmail: string) => byKey.get(idOrEmail.toLowerCase());
  const subscriptions = new LocalSubscriptions({ now, mailboxOf: person, ...(options.notificationRetryDelaysMs ? { retryDelaysMs: options.notificationRetryDelaysMs } : {}) });
  const changeListeners: ((mailbox: string, eventId: string, change: ChangeType) => void)[] = [(mailbox, eventId, change) => subscriptions.changed(mailbox, eventId, change)];
  const todo = new LocalTodo(options.table, now);
  const activityFeed = new LocalActivityFeed(options.table, now);
  const mailboxEvents = new MailboxEvents({ events, person, now, changed: (mailbox, eventId, change) => {
    for (const listener of changeListeners) listener(mailbox, eventId, change);
  } });

  async function authenticate(req: IncomingMessage): Promise<Answer | Caller> {
    const header = req.headers.authorization ?? '';
    const token = /^Bearer\s+(\S+)$/i.exec(header)?.[1];
    if (!token) return graphError(401, 'InvalidAuthenticationToken', 'Access token is empty.');
    if (!jwks) {
      // Unverified (tests that run without the issuer): a delegated JWT still says who `/me` is.
      try {
        const claims = decodeJwt(token) as { oid?: unknown; scp?: unknown };
        return { tenantId: undefined, userId: typeof claims.scp === 'string' && typeof claims.oid === 'string' ? claims.oid : undefined };
      } catch {
        return { tenantId: undefined, userId: undefined };
      }
    }
    try {
      const { payload } = await jwtVerify(token, jwks, options.audience ? { audience: [...[options.audience].flat()] } : {});
      const claims = payload as JWTPayload & { tid?: unknown; oid?: unknown; scp?: unknown };
      return {
        tenantId: typeof claims.tid === 'string' ? claims.tid : undefined,
        // A delegated token (it carries scopes) acts as its user; `/me` means that user.
        userId: typeof claims.scp === 'string' && typeof claims.oid === 'string' ? claims.oid : undefined,
      };
    } catch {
      return graphError(401, 'InvalidAuthenticationToken', 'Access token validation failure. Invalid audience, signature or expiry.');
    }
  }

  function mailboxOf(call: Call, segment: string): LocalCalendarPerson | Answer {
    const p = person(decodeURIComponent(segment));
    if (!p) return graphError(404, 'ErrorInvalidUser', `The requested user '${decodeURIComponent(segment)}' is invalid.`);
    if (call.tenantId && (p as { tenantId?: string }).tenantId && (p as { tenantId?: string }).tenantId !== call.tenantId) {
      return graphError(403, 'ErrorAccessDenied', 'Access is denied. Check credentials and try again.');
    }
    return p;
  }

  /** "a($filter=x),b" → ["a($filter=x)", "b"]: commas inside parentheses belong to their item. */
  function splitTopLevel(list: string): string[] {
    const items: string[] = [];
    let depth = 0;
    let current = '';
    for (const ch of list) {
      if (ch === ',' && depth === 0) {
        items.push(current.trim());
        current = '';
        continue;
      }
      if (ch === '(') depth += 1;
      if (ch === ')') depth -= 1;
      current += ch;
    }
    if (current.trim()) items.push(current.trim());
    return items;
  }

  function shape(e: StoredEvent, query: URLSearchParams): Record<string, unknown> {
    // Like Graph: open extensions and extended properties come back only when $expand asks for them.
    const { extensions, singleValueExtendedProperties, ...rest } = e.doc as { extensions?: { id: string }[]; singleValueExtendedProperties?: { id: string; value: string }[] } & Record<
      string,
      unknown
    >;
    let out: Record<string, unknown> = { '@odata.etag': `W/"${String(rest.changeKey)}"`, ...rest };
    const select = query.get('$select');
    if (select) {
      const keep = new Set(['id', '@odata.etag', ...select.split(',').map((s) => s.trim())]);
      out = Object.fromEntries(Object.entries(out).filter(([k]) => keep.has(k)));
    }
    // $expand may name several navigation properties, comma-separated at the top level (OData).
    const expands = splitTopLevel(query.get('$expand') ?? '');
    const extensionsExpand = expands.find((x) => /^extensions/i.test(x));
    const propertiesExpand = expands.find((x) => /^singleValueExtendedProperties/i.test(x));
    if (extensionsExpand) {
      const wanted = /\$filter=id eq '([^']+)'/i.exec(extensionsExpand)?.[1];
      out.extensions = (extensions ?? []).filter((x) => !wanted || x.id.toLowerCase() === wanted.toLowerCase());
    }
    if (propertiesExpand) {
      const wanted = /\$filter=id eq '([^']+)'/i.exec(propertiesExpand)?.[1];
      // Graph matches the property id case-insensitively; an event without it expands to nothing (the key is absent).
      const found = (singleValueExtendedProperties ?? []).filter((p) => !wanted || p.id.toLowerCase() === wanted.toLowerCase());
      if (found.length > 0) out.singleValueExtendedProperties = found;
    }
    return out;
  }

  async function getSchedule(call: Call): Promise<Answer> {
    const input = scheduleInput.safeParse(call.body);
    if (!input.success) return graphError(400, 'ErrorInvalidRequest', `The request body is not a valid getSchedule request: ${input.error.issues[0]?.message ?? ''}`);
    if (input.data.schedules.length > 100) return graphError(400, 'ErrorInvalidRequest', 'At most 100 schedules can be requested at once.');
    const start = parseDateTime(input.data.startTime);
    const end = parseDateTime(input.data.endTime);
    if (start === undefined || end === undefined || end <= start) return graphError(400, 'ErrorInvalidRequest', 'startTime and endTime must be valid and in order.');
    if (end - start > 62 * DAY) return graphError(400, 'ErrorInvalidRequest', 'The time range cannot exceed 62 days.');
    const interval = (input.data.availabilityViewInterval ?? 30) * 60_000;
    const value = await Promise.all(
      input.data.schedules.map(async (scheduleId) => {
        const p = person(scheduleId);
        if (!p) return { scheduleId, availabilityView: '', error: { message: 'The target mailbox could not be found.', responseCode: 'ErrorMailRecipientNotFound' } };
        const { events: stored, settings } = await events.schedule(p.personId, start, end);
        const items: { subject: string; status: ScheduleStatus; start: number; end: number; location: string }[] = [
          ...seededItems(p, { start, end }),
          ...stored
            .filter((e) => !e.isCancelled)
            .map((e) => ({ subject: String(e.doc.subject ?? ''), status: scheduleStatusOf(e.doc.showAs), start: e.start, end: e.end, location: String((e.doc.location as { displayName?: string } | undefined)?.displayName ?? '') })),
        ].sort((a, b) => a.start - b.start);
        // Each interval shows the weightiest status in it, as Graph's digits (0 free, 1 tentative,
        // 2 busy, 3 oof, 4 workingElsewhere); what blocks time outweighs what does not, by the same
        // table the booking core reads.
        const slots = new Uint8Array(Math.ceil((end - start) / interval));
        for (const item of items) {
          const first = Math.max(0, Math.floor((item.start - start) / interval));
          const last = Math.min(slots.length, Math.ceil((item.end - start) / interval));
          for (let i = first; i < last; i++) if (STATUS_WEIGHT[item.status] > STATUS_WEIGHT[DIGIT_STATUS[slots[i]!]!]) slots[i] = STATUS_DIGIT[item.status];
        }
        const view = slots.join('');
        const hours = effectiveSettings(p, settings).workingHours;
        return {
          scheduleId,
          availabilityView: view,
          scheduleItems: items.map((i) => ({ isPrivate: false, status: i.status, subject: i.subject, location: i.location, start: graphDateTime(i.start), end: graphDateTime(i.end) })),
          workingHours: hours,
        };
      }),
    );
    return {
      status: 200,
      headers: { 'Preference-Applied': 'outlook.timezone="UTC"' },
      body: { '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#Collection(microsoft.graph.scheduleInformation)', value },
    };
  }

  /** GET /users/{id}: the directory fields the app reads (id, displayName, mail, userPrincipalName). */
  function user(p: LocalCalendarPerson): Answer {
    return {
      status: 200,
      body: {
        '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#users(id,displayName,mail,userPrincipalName)/$entity',
        id: p.personId,
        displayName: p.displayName,
        mail: p.email,
        userPrincipalName: p.email,
      },
    };
  }

  /**
   * `GET /users/{id}/manager` as Graph answers it (user-list-manager): the manager as a directory
   * object with its `@odata.type`, only the `$select`ed properties when asked; a person without a
   * manager is 404 `Request_ResourceNotFound`.
   */
  function manager(call: Call, p: LocalCalendarPerson): Answer {
    const m = p.managerId ? person(p.managerId) : undefined;
    if (!m) return graphError(404, 'Request_ResourceNotFound', "Resource 'manager' does not exist or one of its queried reference-property objects are not present.");
    const all: Record<string, string> = { id: m.personId, displayName: m.displayName, mail: m.email, userPrincipalName: m.email };
    const select = (call.query.get('$select') ?? '').split(',').map((f) => f.trim()).filter((f) => f.length > 0);
    const fields = select.length > 0 ? select.filter((f) => f in all) : Object.keys(all);
    return {
      status: 200,
      body: {
        '@odata.context': `https://graph.microsoft.com/v1.0/$metadata#directoryObjects${select.length > 0 ? `(${select.join(',')})` : ''}/$entity`,
        '@odata.type': '#microsoft.graph.user',
        ...Object.fromEntries(fields.map((f) => [f, all[f]!])),
      },
    };
  }

  async function mailboxSettings(call: Call, p: LocalCalendarPerson): Promise<Answer> {
    const context = `https://graph.microsoft.com/v1.0/$metadata#users('${encodeURIComponent(p.email)}')/mailboxSettings`;
    const stored = await events.settings(p.personId);
    if (call.method === 'PATCH') {
      const patched = patchMailboxSettings(p, stored, call.body);
      if ('status' in patched) return graphError(patched.status, patched.code, patched.message);
      await events.saveSettings(p.personId, patched.settings);
      return { status: 200, body: { '@odata.context': context, ...patched.updated } };
    }
    const settings = effectiveSettings(p, stored);
    return { status: 200, body: { '@odata.context': context, timeZone: settings.timeZone, dateFormat: settings.dateFormat, timeFormat: settings.timeFormat, userPurpose: 'user', language: settings.language, delegateMeetingMessageDeliveryOptions: settings.delegateMeetingMessageDeliveryOptions, workingHours: settings.workingHours } };
  }

  /**
   * `GET /users/{id}/mailboxSettings/{setting}`: one setting, as Graph answers it (user-get-mailboxsettings):
   * an object setting (workingHours) is the object with its own `@odata.context`; a string setting
   * (timeZone, dateFormat, timeFormat) is `{ "@odata.context", "value" }`.
   */
  async function mailboxSetting(p: LocalCalendarPerson, setting: string): Promise<Answer> {
    const context = `https://graph.microsoft.com/v1.0/$metadata#users('${encodeURIComponent(p.email)}')/mailboxSettings/${setting}`;
    const settings = effectiveSettings(p, await events.settings(p.personId));
    if (setting === 'workingHours') return { status: 200, body: { '@odata.context': context, ...settings.workingHours } };
    if (setting === 'language') return { status: 200, body: { '@odata.context': context, ...settings.language } };
    if (setting === 'timeZone' || setting === 'dateFormat' || setting === 'timeFormat' || setting === 'delegateMeetingMessageDeliveryOptions') {
      return { status: 200, body: { '@odata.context': context, value: settings[setting] } };
    }
    return graphError(400, 'BadRequest', `Could not find a property named '${setting}' on type 'microsoft.graph.mailboxSettings'.`);
  }

  function eventTimes(input: { start?: { dateTime: string; timeZone: string }; end?: { dateTime: string; timeZone: string } }, current?: StoredEvent): { start: number; end: number } | Answer {
    if (!current && (!input.start || !input.end)) return graphError(400, 'ErrorInvalidRequest', 'An event needs start and end.');
    const start = input.start ? parseDateTime(input.start) : current!.start;
    const end = input.end ? parseDateTime(input.end) : current!.end;
    if (start === undefined || end === undefined) return graphError(400, 'ErrorInvalidRequest', 'start or end is not a valid dateTimeTimeZone.');
    if (end < start) return graphError(400, 'ErrorInvalidRequest', 'The end time must be after the start time.');
    return { start, end };
  }

  async function route(call: Call): Promise<Answer> {
    let segments = call.path.split('/').filter((s) => s.length > 0);
    const viaMe = segments[0] === 'me';
    if (viaMe) {
      if (!call.userId) return graphError(400, 'BadRequest', '/me request is only valid with delegated authentication flow.');
      segments = ['users', call.userId, ...segments.slice(1)];
    }
    if (segments[0] === 'subscriptions') return subscriptions.route(call.method, segments, call.body, call.tenantId);
    if (segments[0] === 'groups') {
      return transitiveMembersRoute({
        method: call.method,
        rest: segments.slice(1).map((s) => decodeURIComponent(s)),
        query: call.query,
        tenantId: call.tenantId,
        groups: options.groups ?? [],
        person: (id) => person(id),
        selfUrl: `${call.origin ?? ''}${basePath}/groups/${encodeURIComponent(decodeURIComponent(segments[1] ?? ''))}/transitiveMembers`,
      });
    }
    if (segments[0] === 'chats' && options.teamsApps) {
      return options.teamsApps.chatRoute({ method: call.method, rest: segments.slice(1), query: call.query, body: call.body, origin: call.origin ?? '' });
    }
    if (segments[0] !== 'users' || !segments[1]) return graphError(400, 'BadRequest', `Resource not found for the segment '${segments[0] ?? ''}'.`);
    const mailbox = mailboxOf(call, segments[1]);
    if ('status' in mailbox) return mailbox;
    const rest = segments.slice(2);
    if (rest.length === 0 && call.method === 'GET') return user(mailbox);
    if (rest[0] === 'teamwork' && rest[1] === 'sendActivityNotification' && rest.length === 2) {
      if (call.method !== 'POST') return graphError(405, 'BadRequest', `${call.method} is not supported here.`);
      return activityFeed.send(mailbox.personId, call.body);
    }
    if (rest[0] === 'manager' && rest.length === 1 && call.method === 'GET') return manager(call, mailbox);
    if (rest[0] === 'todo') {
      // Tasks.ReadWrite (delegated) reaches only the signed-in user's own To Do; the app's Tasks.ReadWrite.All reaches anyone's.
      if (call.userId && call.userId.toLowerCase() !== mailbox.personId.toLowerCase()) return graphError(403, 'ErrorAccessDenied', 'Access is denied. Check credentials and try again.');
      const self = `${call.origin ?? ''}${basePath}/${viaMe ? 'me' : `users/${encodeURIComponent(decodeURIComponent(segments[1]))}`}`;
      return todo.route({ method: call.method, rest: rest.slice(1), query: call.query, body: call.body, personId: mailbox.personId, self, ...(call.headers.prefer ? { prefer: call.headers.prefer } : {}) });
    }
    if (rest[0] === 'teamwork' && rest[1] === 'installedApps' && rest.length === 2 && options.teamsApps) {
      return options.teamsApps.personRoute({ method: call.method, person: mailbox, query: call.query, body: call.body });
    }
    if (rest[0] === 'onlineMeetings' && options.attendance) {
      const attendance = options.attendance;
      return onlineMeetingsRoute({ method: call.method, rest, query: call.query, organizerId: mailbox.personId, organizerEvents: () => events.list(mailbox.personId), attendance });
    }
    if (rest[0] === 'calendar' && rest[1] === 'getSchedule' && rest.length === 2 && call.method === 'POST') return getSchedule(call);
    if (rest[0] === 'mailboxSettings' && rest.length === 1 && (call.method === 'GET' || call.method === 'PATCH')) return mailboxSettings(call, mailbox);
    if (rest[0] === 'mailboxSettings' && rest.length === 2 && call.method === 'GET') return mailboxSetting(mailbox, rest[1]!);
    if (rest[0] === 'calendarView' && rest[1] === 'delta' && rest.length === 2 && call.method === 'GET') {
      return calendarViewDelta({
        events,
        mailbox: mailbox.personId,
        query: call.query,
        prefer: call.headers.prefer,
        selfUrl: `${call.origin ?? ''}${basePath}/users/${encodeURIComponent(decodeURIComponent(segments[1]))}/calendarView/delta`,
        shape: (e) => shape(e, new URLSearchParams()),
      });
    }
    if (rest[0] === 'calendarView' && rest.length === 1 && call.method === 'GET') {
      const from = Date.parse(call.query.get('startDateTime') ?? '');
      const to = Date.parse(call.query.get('endDateTime') ?? '');
      if (Number.isNaN(from) || Number.isNaN(to)) return graphError(400, 'ErrorInvalidParameter', 'startDateTime and endDateTime are required.');
      const own = await events.overlapping(mailbox.personId, from, to);
      return { status: 200, body: { value: own.map((e) => shape(e, call.query)) } };
    }
    const eventsAt = rest[0] === 'calendar' ? 2 : 1;
    if (rest[eventsAt - 1] !== 'events') return graphError(400, 'BadRequest', `Resource not found for the segment '${rest[0] ?? ''}'.`);
    const tail = rest.slice(eventsAt);
    if (tail.length === 0 && call.method === 'POST') {
      const input = eventInput.safeParse(call.body);
      if (!input.success) return graphError(400, 'ErrorInvalidRequest', `The event is not valid: ${input.error.issues[0]?.path.join('.')} ${input.error.issues[0]?.message ?? ''}`);
      const times = eventTimes(input.data);
      if ('status' in times) return times;
      const created = await mailboxEvents.create(mailbox, input.data, times.start, times.end);
      return { status: 201, body: shape(created, new URLSearchParams()) };
    }
    if (tail.length === 0 && call.method === 'GET') {
      const all = await events.list(mailbox.personId);
      const top = Math.min(Number(call.query.get('$top') ?? 10) || 10, 1000);
      const skip = Number(call.query.get('$skip') ?? 0) || 0;
      const page = all.slice(skip, skip + top);
      return {
        status: 200,
        body: {
          value: page.map((e) => shape(e, call.query)),
          ...(skip + top < all.length ? { '@odata.nextLink': `${basePath}/users/${encodeURIComponent(mailbox.personId)}/events?$top=${top}&$skip=${skip + top}` } : {}),
        },
      };
    }
    const eventId = decodeURIComponent(tail[0]!);
    const action = tail[1];
    const e = await events.get(mailbox.personId, eventId);
    if (!e) return itemNotFound();
    if (tail.length === 1 && call.method === 'GET') return { status: 200, body: shape(e, call.query) };
    if (tail.length === 1 && call.method === 'PATCH') {
      const input = eventInput.safeParse(call.body);
      if (!input.success) return graphError(400, 'ErrorInvalidRequest', `The update is not valid: ${input.error.issues[0]?.message ?? ''}`);
      const times = eventTimes(input.data, e);
      if ('status' in times) return times;
      const updated = await mailboxEvents.patch(e, input.data, times.start, times.end);
      return { status: 200, body: shape(updated, new URLSearchParams()) };
    }
    if (tail.length === 1 && call.method === 'DELETE') return mailboxEvents.delete(e);
    if (tail.length === 2 && call.method === 'POST' && (action === 'accept' || action === 'decline' || action === 'tentativelyAccept')) return mailboxEvents.respond(mailbox, e, action, call.body);
    if (tail.length === 2 && call.method === 'POST' && action === 'cancel') return mailboxEvents.cancel(e, call.body);
    return graphError(405, 'ErrorInvalidRequest', `${call.method} is not supported here.`);
  }

  /** One Graph call with fault injection; each request inside a $batch comes through here. */
  async function call(c: Call): Promise<Answer> {
    const fault: FaultKind | undefined = faults.only && !faults.only.test(`${c.method} ${c.path}`) ? undefined : drawFault(faults, stats);
    const retryAfter = String(faults.retryAfterSeconds ?? 1);
    if (fault === 'throttle') {
      return graphError(429, 'ApplicationThrottled', 'Application is over its MailboxConcurrency limit.', { 'Retry-After': retryAfter });
    }
    if (fault === 'unavailable') return graphError(503, 'ServiceUnavailable', 'The service is temporarily unavailable.', { 'Retry-After': retryAfter });
    try {
      const answer = await route(c);
      if (fault === 'lostAnswer') return graphError(503, 'ServiceUnavailable', 'The service is temporarily unavailable.', { 'Retry-After': retryAfter });
      return answer;
    } catch (error) {
      return graphError(500, 'InternalServerError', error instanceof Error ? error.message : 'local calendar failure');
    }
  }

  async function batch(body: unknown, tenantId: string | undefined, userId: string | undefined): Promise<Answer> {
    stats.batches++;
    const input = batchInput.safeParse(body);
    if (!input.success) return graphError(400, 'BadRequest', 'Invalid batch payload format.');
    if (input.data.requests.length > 20) return graphError(400, 'BadRequest', 'The number of batch requests cannot exceed 20.');
    const ids = new Set(input.data.requests.map((r) => r.id));
    if (ids.size !== input.data.requests.length) return graphError(400, 'BadRequest', 'Batch request ids must be unique.');
    const responses = await Promise.all(
      input.data.requests.map(async (r) => {
        const url = new URL(r.url.startsWith('/') ? r.url : `/${r.url}`, 'http://local');
        const answer = await call({
          method: r.method,
          path: decodeURI(url.pathname),
          query: url.searchParams,
          headers: Object.fromEntries(Object.entries(r.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v])),
          body: r.body,
          tenantId,
          userId,
        });
        return {
          id: r.id,
          status: answer.status,
          headers: { ...(answer.body !== undefined ? { 'Content-Type': 'application/json' } : {}), ...(answer.headers ?? {}) },
          ...(answer.body !== undefined ? { body: answer.body } : {}),
        };
      }),
    );
    return { status: 200, body: { responses } };
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    stats.http++;
    const send = (a: Answer) => {
      const text = a.body === undefined ? undefined : JSON.stringify(a.body);
      res.writeHead(a.status, {
        ...(text !== undefined ? { 'Content-Type': 'application/json; odata.metadata=minimal; charset=utf-8', 'Content-Length': String(Buffer.byteLength(text)) } : {}),
        'request-id': randomBytes(16).toString('hex'),
        ...(a.headers ?? {}),
      });
      res.end(text);
    };
    if (faults.latencyMs) await new Promise((r) => setTimeout(r, faults.latencyMs));
    const url = new URL(req.url ?? '/', 'http://local');
    if (!url.pathname.startsWith(basePath + '/')) return send(graphError(404, 'NotFound', `The local calendar answers under ${basePath}.`));
    const auth = await authenticate(req);
    if ('status' in auth) return send(auth);
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    let body: unknown;
    try {
      body = text.length > 0 ? JSON.parse(text) : undefined;
    } catch {
      return send(graphError(400, 'BadRequest', 'Unable to read JSON request payload.'));
    }
    const path = decodeURI(url.pathname.slice(basePath.length));
    if (path === '/$batch' && req.method === 'POST') return send(await batch(body, auth.tenantId, auth.userId));
    const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, String(v)]));
    send(await call({ method: req.method ?? 'GET', path, query: url.searchParams, headers, body, tenantId: auth.tenantId, userId: auth.userId, origin: `http://${req.headers.host ?? '127.0.0.1'}` }));
  }

  const handler = (req: IncomingMessage, res: ServerResponse): void => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ error: { code: 'InternalServerError', message: error instanceof Error ? error.message : 'local calendar failure' } }));
    });
  };
  return Object.assign(handler, { stats, faults, events, subscriptions, activityFeed });
}

export interface StartedLocalGraphCalendar {
  /** e.g. http://127.0.0.1:54321/local-graph/v1.0 — what GRAPH_BASE_URL would be. */
  readonly baseUrl: string;
  readonly handler: LocalGraphHandler;
  stop(): Promise<void>;
}

/** Standalone start on 127.0.0.1 (tests and benchmarks); `npm start` mounts the handler instead. */
export async function startLocalGraphCalendar(options: LocalGraphCalendarOptions & { readonly port?: number }): Promise<StartedLocalGraphCalendar> {
  const handler = localGraphCalendarHandler(options);
  const server = createServer(handler);
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    baseUrl: `http://127.0.0.1:${port}${(options.basePath ?? LOCAL_GRAPH_BASE_PATH).replace(/\/+$/, '')}`,
    handler,
    stop: () =>
      new Promise<void>((resolve) => {
        handler.subscriptions.stop();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The table client for the local calendar's events, from the app's storage connection string. */
export function localCalendarTable(connectionString: string, tableName = 'localgraphevents'): TableClient {
  const insecure = /DefaultEndpointsProtocol=http(;|$)/i.test(connectionString) || /TableEndpoint=http:/i.test(connectionString);
  return TableClient.fromConnectionString(connectionString, tableName, insecure ? { allowInsecureConnection: true } : {});
}

