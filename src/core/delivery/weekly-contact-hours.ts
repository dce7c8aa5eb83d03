import type { IsoWeekday, LocalDate, LocalTime, WeeklyWindow } from '../agreement/agreement';
import { DAY, type Instant } from '../time/interval';
import type { DeliveryRecipient, NextContactMoment } from './contact-hours';
import { localDateOf, zoneOffsetAt } from './local-day';

/** The instant a local wall-clock time on a local date has in `zone` (two passes settle DST). */
export function instantOfLocal(date: LocalDate, time: LocalTime, zone: string): Instant {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const [hh, mm] = time.split(':').map(Number) as [number, number];
  const wall = Date.UTC(y, m - 1, d, hh, mm);
  const first = wall - zoneOffsetAt(wall, zone);
  return wall - zoneOffsetAt(first, zone);
}

function addDays(date: LocalDate, days: number): LocalDate {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return localDateOf(Date.UTC(y, m - 1, d + days), 'UTC');
}

function isoWeekdayOf(date: LocalDate): IsoWeekday {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  // 1970-01-01 was a Thursday (ISO weekday 4).
  const days = Math.floor(Date.UTC(y, m - 1, d) / DAY);
  return ((((days + 3) % 7) + 7) % 7 + 1) as IsoWeekday;
}

function windowOn(date: LocalDate, w: WeeklyWindow, zone: string): { start: Instant; end: Instant } {
  const start = instantOfLocal(date, w.start, zone);
  const endDate = w.end <= w.start ? addDays(date, 1) : date;
  return { start, end: instantOfLocal(endDate, w.end, zone) };
}

/**
 * Contact hours as the agreement states them: weekly windows in the person's own zone, a window whose
 * end is not after its start running past midnight. Looks one day back (for a window that began
 * yesterday and is still open) and a week ahead.
 */
export const nextContactMomentFromWeeklyWindows: NextContactMoment = (person: DeliveryRecipient, at: Instant) => {
  const today = localDateOf(at, person.timeZone);
  let best: Instant | undefined;
  for (let offset = -1; offset <= 8; offset++) {
    const date = addDays(today, offset);
    const weekday = isoWeekdayOf(date);
    for (const w of person.contactHours) {
      if (w.weekday !== weekday) continue;
      const span = windowOn(date, w, person.timeZone);
      if (span.start <= at && at < span.end) return at;
      if (span.start > at && (best === undefined || span.start < best)) best = span.start;
    }
  }
  return best !== undefined && best - at <= 9 * DAY ? best : undefined;
};
