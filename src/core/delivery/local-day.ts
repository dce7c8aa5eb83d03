import type { Instant, Interval } from '../time/interval';
import type { LocalDate } from '../agreement/agreement';
import { formatLocalDate, parseLocalDate } from '../time/civil-date';
import { instantToLocal, startOfLocalDay } from '../time/zoned-time';

/**
 * A person's "day" for the two-messages-a-day rule is their own calendar day, so the limit resets at
 * their midnight, not at UTC midnight. The zone arithmetic is scheduling's (src/core/time), so the
 * bot and the scheduler agree on DST changes and half-hour zones.
 */

/** The person's calendar date at `at`, "YYYY-MM-DD". */
export function localDateOf(at: Instant, zone: string): LocalDate {
  return formatLocalDate(instantToLocal(zone, at).date);
}

/** The first instant of a local date in `zone` (where midnight is skipped, the first instant that exists). */
export function startOfLocalDate(date: LocalDate, zone: string): Instant {
  const day = parseLocalDate(date);
  if (day === undefined) throw new Error(`Not a local date: ${date}`);
  return startOfLocalDay(zone, day);
}

/** The person's local day that contains `at`, as a half-open UTC interval (23, 24 or 25 hours long). */
export function localDayAt(at: Instant, zone: string): Interval & { readonly date: LocalDate } {
  const day = instantToLocal(zone, at).date;
  return { date: formatLocalDate(day), start: startOfLocalDay(zone, day), end: startOfLocalDay(zone, day + 1) };
}
