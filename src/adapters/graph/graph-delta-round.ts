/**
 * One round of a Graph delta query: the first page, every `@odata.nextLink` followed, until the page
 * with the `@odata.deltaLink` (the next round's start). Shared by the calendar and To Do delta reads.
 */
import type { Client } from '@microsoft/microsoft-graph-client';
import { z } from 'zod';
import { ok, type Result } from '../../core/result';
import { fromThrown, graphInvalidResponse } from './graph-errors';

/**
 * Graph's links are absolute (https://graph.microsoft.com/v1.0/…); the client is bound to
 * GRAPH_BASE_URL, so a link is followed by its path after the version segment.
 */
export function pathOfLink(link: string): string {
  return /\/v1\.0(\/.*)$/.exec(link)?.[1] ?? link;
}

export async function readDeltaRound<T extends z.ZodType>(input: {
  readonly client: Client;
  readonly firstUrl: string;
  readonly item: T;
  readonly operation: string;
  readonly maxPages: number;
  /** How a nextLink is followed (default: its path). */
  readonly follow?: (link: string) => string;
}): Promise<Result<{ items: z.infer<T>[]; deltaLink: string }>> {
  const page = z.looseObject({ '@odata.nextLink': z.string().optional(), '@odata.deltaLink': z.string().optional(), value: z.array(input.item) });
  const follow = input.follow ?? pathOfLink;
  const items: z.infer<T>[] = [];
  let url = input.firstUrl;
  for (let n = 0; n < input.maxPages; n++) {
    let raw: unknown;
    try {
      raw = await input.client.api(url).header('Prefer', 'odata.maxpagesize=100').get();
    } catch (cause) {
      return fromThrown(cause, input.operation);
    }
    const parsed = page.safeParse(raw);
    if (!parsed.success) return graphInvalidResponse(input.operation, parsed.error.issues[0]?.message ?? '');
    items.push(...(parsed.data.value as z.infer<T>[]));
    const deltaLink = parsed.data['@odata.deltaLink'];
    if (deltaLink) return ok({ items, deltaLink });
    const next = parsed.data['@odata.nextLink'];
    if (!next) return graphInvalidResponse(input.operation, 'a delta page without nextLink or deltaLink');
    url = follow(next);
  }
  return graphInvalidResponse(input.operation, `more than ${input.maxPages} pages in one round`);
}
