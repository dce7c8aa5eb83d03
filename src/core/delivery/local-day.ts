import type { Instant, Interval } from '../time/interval';
import type { LocalDate } from '../agreement/agreement';

/**
 * A person's "day" for the two-messages-a-day rule is their own calendar day, so the limit resets at
 * their midnight, not at UTC midnight. Offsets come from the runtime's zone database (Intl), which
 * keeps the core free of I/O while following DST changes and half-hour zones.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(zone, f);
  }
  return f;
}

interface WallClock {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
}

function wallClockAt(at: Instant, zone: string): WallClock {
  const parts: Record<string, number> = {};
  for (const p of formatterFor(zone).formatToParts(at)) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  }
  return {
    year: parts.year ?? 0,
    month: parts.month ?? 1,
    day: parts.day ?? 1,
    hour: parts.hour ?? 0,
    minute: parts.minute ?? 0,
    second: parts.second ?? 0,
  };
}

/** Milliseconds the zone is ahead of UTC at `at`. */
export function zoneOffsetAt(at: Instant, zone: string): number {
  const w = wallClockAt(at, zone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return asUtc - (at - (at % 1000 + 1000) % 1000);
}

/** The person's calendar date at `at`, "YYYY-MM-DD". */
export function localDateOf(at: Instant, zone: string): LocalDate {
  const w = wallClockAt(at, zone);
  return `${String(w.year).padStart(4, '0')}-${String(w.month).padStart(2, '0')}-${String(w.day).padStart(2, '0')}`;
}

/** The first instant of a local date in `zone` (two passes settle the offset across a DST change). */
export function startOfLocalDate(date: LocalDate, zone: string): Instant {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const wallMidnight = Date.UTC(y, m - 1, d);
  let guess = wallMidnight - zoneOffsetAt(wallMidnight, zone);
  guess = wallMidnight - zoneOffsetAt(guess, zone);
  // Where midnight itself is skipped by a DST jump the day starts at the first existing instant.
  if (localDateOf(guess, zone) !== date) guess += zoneOffsetAt(guess + 86_400_000, zone) - zoneOffsetAt(guess, zone);
  return guess;
}

function nextDate(date: LocalDate): LocalDate {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return localDateOf(Date.UTC(y, m - 1, d + 1), 'UTC');
}

/** The person's local day that contains `at`, as a half-open UTC interval (23, 24 or 25 hours long). */
export function localDayAt(at: Instant, zone: string): Interval & { readonly date: LocalDate } {
  const date = localDateOf(at, zone);
  return { date, start: startOfLocalDate(date, zone), end: startOfLocalDate(nextDate(date), zone) };
}
