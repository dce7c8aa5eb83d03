/**
 * Paging at the edge: the continuation token a client gets back is where its page ended, as
 * base64url JSON, so clients pass it on and never build it; a token this API did not give out is a
 * field error.
 */
import type { z } from 'zod';
import type { PageQuery } from '../contracts';
import type { Page, PageRequest } from '../core/growth/paging';
import { fail, ok, type Result } from '../core/result';

export function toContinuationToken(after: string | undefined): string | undefined {
  return after === undefined ? undefined : Buffer.from(JSON.stringify({ after }), 'utf8').toString('base64url');
}

function fromContinuationToken(token: string): string | undefined {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
    const after = (parsed as { after?: unknown } | null)?.after;
    return typeof after === 'string' && after.length > 0 && after.length <= 300 ? after : undefined;
  } catch {
    return undefined;
  }
}

/** The core's page request from the parsed query. */
export function pageRequestOf(query: z.infer<typeof PageQuery>): Result<PageRequest> {
  const after = query.continuationToken === undefined ? undefined : fromContinuationToken(query.continuationToken);
  if (query.continuationToken !== undefined && after === undefined) {
    return fail('HTTP.INVALID_QUERY', 'The continuationToken is not one this API gave out. Start again from the first page (leave it out).', {
      field: 'continuationToken',
    });
  }
  return ok({ ...(query.pageSize ? { pageSize: Number(query.pageSize) } : {}), ...(after !== undefined ? { after } : {}) });
}

/** The page as the list's body: its items under `key`, and the token for the next page if there is one. */
export function pageBody<T, D>(key: string, page: Page<T>, toDto: (item: T) => D): Record<string, unknown> {
  const token = toContinuationToken(page.nextAfter);
  return { [key]: page.items.map(toDto), ...(token !== undefined ? { continuationToken: token } : {}) };
}
