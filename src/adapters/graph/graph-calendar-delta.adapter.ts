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
import { fromThrown, graphInvalidResponse } from './graph-errors';
import { pathOf } from './graph-client';

const page = z.looseObject({
  '@odata.nextLink': z.string().optional(),
  '@odata.deltaLink': z.string().optional(),
  value: z.array(z.looseObject({ id: z.string().min(1), '@removed': z.looseObject({ reason: z.string() }).optional() })),
});


/** A round is at most this many pages (Graph's default page holds 10 events; a year of meetings fits). */
const MAX_PAGES = 200;

export class GraphCalendarDeltaAdapter implements CalendarChangeFeed {
  constructor(private readonly client: Client) {}

  async readChanges(mailboxId: string, cursor: string | undefined, window: { start: number; end: number }): Promise<Result<CalendarDelta>> {
    const operation = 'read the calendar’s changes';
    let url = cursor !== undefined ? pathOf(cursor) :
      `/users/${encodeURIComponent(mailboxId)}/calendarView/delta?startDateTime=${new Date(window.start).toISOString()}&endDateTime=${new Date(window.end).toISOString()}`;
    const changed: string[] = [];
    const removed: string[] = [];
    for (let n = 0; n < MAX_PAGES; n++) {
      let raw: unknown;
      try {
        raw = await this.client.api(url).header('Prefer', 'odata.maxpagesize=100').get();
      } catch (cause) {
        return fromThrown(cause, operation);
      }
      const parsed = page.safeParse(raw);
      if (!parsed.success) return graphInvalidResponse(operation, parsed.error.issues[0]?.message ?? '');
      for (const item of parsed.data.value) (item['@removed'] ? removed : changed).push(item.id);
      const deltaLink = parsed.data['@odata.deltaLink'];
      if (deltaLink) return ok({ changed, removed, cursor: deltaLink });
      const next = parsed.data['@odata.nextLink'];
      if (!next) return graphInvalidResponse(operation, 'a delta page without nextLink or deltaLink');
      url = pathOf(next);
    }
    return graphInvalidResponse(operation, `more than ${MAX_PAGES} pages in one round`);
  }
}
