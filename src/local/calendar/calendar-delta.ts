/**
 * `GET /users/{id}/calendarView/delta` of the local calendar, in Graph's shape (event: delta):
 * the first round lists the events in [startDateTime, endDateTime); each page ends with an
 * `@odata.nextLink` ($skiptoken) or, on the last, an `@odata.deltaLink` ($deltatoken); a later round
 * from the deltaLink lists what changed since, deleted ones (and ones moved out of the range) as
 * `{ id, "@removed": { reason: "deleted" } }`. `Prefer: odata.maxpagesize` sets the page size.
 * The tokens carry the mailbox, the range and the change sequence already seen.
 */
import { z } from 'zod';
import type { CalendarEventTable, StoredEvent } from './calendar-event-table';
import { graphError, type Answer } from './graph-answer';

const DEFAULT_PAGE = 50;
const MAX_PAGE = 1000;

const Token = z.object({ m: z.string(), s: z.number(), e: z.number(), q: z.number(), first: z.boolean() });
type Token = z.infer<typeof Token>;

const encode = (t: Token) => Buffer.from(JSON.stringify(t)).toString('base64url');
function decode(text: string): Token | undefined {
  try {
    const parsed = Token.safeParse(JSON.parse(Buffer.from(text, 'base64url').toString('utf8')));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

function pageSize(prefer: string | undefined): number {
  const size = Number(/odata\.maxpagesize=(\d+)/i.exec(prefer ?? '')?.[1] ?? DEFAULT_PAGE);
  return Math.min(MAX_PAGE, Math.max(1, size || DEFAULT_PAGE));
}

export async function calendarViewDelta(options: {
  readonly events: CalendarEventTable;
  readonly mailbox: string;
  readonly query: URLSearchParams;
  readonly prefer: string | undefined;
  /** e.g. https://…/v1.0/users/{id}/calendarView/delta, for the links. */
  readonly selfUrl: string;
  readonly shape: (e: StoredEvent) => Record<string, unknown>;
}): Promise<Answer> {
  const { events, mailbox, query } = options;
  const tokenText = query.get('$deltatoken') ?? query.get('$skiptoken');
  let token: Token;
  if (tokenText !== null) {
    const decoded = decode(tokenText);
    if (!decoded || decoded.m !== mailbox.toLowerCase()) return graphError(400, 'SyncStateNotFound', 'The sync state generation is not found. Restart the round without a token.');
    token = decoded;
  } else {
    const start = Date.parse(query.get('startDateTime') ?? query.get('startdatetime') ?? '');
    const end = Date.parse(query.get('endDateTime') ?? query.get('enddatetime') ?? '');
    if (Number.isNaN(start) || Number.isNaN(end)) return graphError(400, 'ErrorInvalidParameter', 'startDateTime and endDateTime are required for a calendarView delta.');
    if (end <= start) return graphError(400, 'ErrorInvalidParameter', 'endDateTime must be after startDateTime.');
    token = { m: mailbox.toLowerCase(), s: start, e: end, q: 0, first: true };
  }
  const limit = pageSize(options.prefer);
  const { events: changed, removed } = await events.changedSince(mailbox, token.q);
  type Item = { seq: number; body: Record<string, unknown> };
  const items: Item[] = [];
  for (const e of changed) {
    const inRange = e.start < token.e && e.end > token.s;
    if (inRange) items.push({ seq: e.seq ?? 0, body: { '@odata.type': '#microsoft.graph.event', ...options.shape(e) } });
    else if (!token.first) items.push({ seq: e.seq ?? 0, body: { '@odata.type': '#microsoft.graph.event', id: e.id, '@removed': { reason: 'deleted' } } });
  }
  if (!token.first) for (const r of removed) items.push({ seq: r.seq, body: { '@odata.type': '#microsoft.graph.event', id: r.id, '@removed': { reason: 'deleted' } } });
  items.sort((a, b) => a.seq - b.seq);
  const page = items.slice(0, limit);
  const more = items.length > limit;
  const seen = page.length > 0 ? page[page.length - 1]!.seq : token.q;
  const next: Token = { ...token, q: seen };
  const link = more ? { '@odata.nextLink': `${options.selfUrl}?$skiptoken=${encode(next)}` } : { '@odata.deltaLink': `${options.selfUrl}?$deltatoken=${encode({ ...next, first: false })}` };
  return {
    status: 200,
    body: { '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#Collection(event)', ...link, value: page.map((i) => i.body) },
  };
}
