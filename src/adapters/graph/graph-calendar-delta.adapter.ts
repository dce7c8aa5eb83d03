/**
 * Delta queries on a mailbox's calendar view (event: delta), app-only: a first round
 * `GET /users/{id}/calendarView/delta?startDateTime=…&endDateTime=…`, every `@odata.nextLink` page
 * followed, and the `@odata.deltaLink` kept as the cursor of the next read. `@removed` items are
 * deletions (or events moved out of the window).
 */
import type { Client } from '@microsoft/microsoft-graph-client';
import { z } from 'zod';
import type { CalendarChangeFeed, CalendarDelta } from '../../core/ports/calendar-subscriptions';
import { ok, type Result } from '../../core/result';
import { pathOfLink, readDeltaRound } from './graph-delta-round';

const item = z.looseObject({ id: z.string().min(1), '@removed': z.looseObject({ reason: z.string() }).optional() });

/** A round is at most this many pages (Graph's default page holds 10 events; a year of meetings fits). */
const MAX_PAGES = 200;

export class GraphCalendarDeltaAdapter implements CalendarChangeFeed {
  constructor(private readonly client: Client) {}

  async readChanges(mailboxId: string, cursor: string | undefined, window: { start: number; end: number }): Promise<Result<CalendarDelta>> {
    const firstUrl = cursor !== undefined ? pathOfLink(cursor) :
      `/users/${encodeURIComponent(mailboxId)}/calendarView/delta?startDateTime=${new Date(window.start).toISOString()}&endDateTime=${new Date(window.end).toISOString()}`;
    const round = await readDeltaRound({ client: this.client, firstUrl, item, operation: 'read the calendar’s changes', maxPages: MAX_PAGES });
    if (!round.ok) return round;
    const changed: string[] = [];
    const removed: string[] = [];
    for (const e of round.value.items) (e['@removed'] ? removed : changed).push(e.id);
    return ok({ changed, removed, cursor: round.value.deltaLink });
  }
}
