/**
 * Pages of a list that only grows (action items, check-ins, agreement versions). A page is cut at a
 * position key, not an offset, so an item added while someone pages does not shift the next page.
 */
export const PAGE_SIZE_DEFAULT = 50;
export const PAGE_SIZE_MAX = 100;

export interface PageRequest {
  readonly pageSize?: number;
  /** The position key of the last item of the previous page. */
  readonly after?: string;
}

export interface Page<T> {
  readonly items: readonly T[];
  /** The position key to continue after; absent on the last page. */
  readonly nextAfter?: string;
}

/** `keyOf` must order the items the way the list is read (ascending, unique). */
export function pageOf<T>(items: readonly T[], keyOf: (item: T) => string, request: PageRequest): Page<T> {
  const size = Math.min(Math.max(1, Math.trunc(request.pageSize ?? PAGE_SIZE_DEFAULT)), PAGE_SIZE_MAX);
  const keyed = items.map((item) => ({ item, key: keyOf(item) })).sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const after = request.after;
  const rest = after === undefined ? keyed : keyed.filter((k) => k.key > after);
  const page = rest.slice(0, size);
  const last = page[page.length - 1];
  return { items: page.map((k) => k.item), ...(rest.length > size && last ? { nextAfter: last.key } : {}) };
}

/** A position key for "oldest first": the instant, zero-padded so strings sort as numbers, then the id. */
export function chronologicalKey(instant: number, id: string): string {
  return `${String(Math.max(0, Math.trunc(instant))).padStart(16, '0')}|${id}`;
}
