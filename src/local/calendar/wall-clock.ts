/**
 * Wall-clock helpers for expanding the demo calendars, in the shapes the generator wants; the zone
 * arithmetic itself is the core's (src/core/time/zoned-time.ts), so the demo calendars follow the same
 * DST rule as scheduling.
 */
import { civilFromDayNumber, dayNumberFromCivil } from '../../core/time/civil-date';
import { instantToLocal, localToInstant } from '../../core/time/zoned-time';

/**
 * The local stack's clock with LOCAL_CLOCK_START: it shows `start` when the stack starts and then
 * runs at the real pace, so timers and the calendar see time pass from that instant.
 */
export function runningClockFrom(start: number, realNow: () => number = Date.now): { now(): number } {
  const startedAt = realNow();
  return { now: () => start + (realNow() - startedAt) };
}

/** The instant at which the wall clock in `zone` shows the given date and minute of the day. */
export function wallClockToUtc(year: number, month: number, day: number, minuteOfDay: number, zone: string): number {
  return localToInstant(zone, dayNumberFromCivil(year, month, day), minuteOfDay);
}

/** The local calendar date (y, m, d) and ISO weekday in `zone` at `instant`. */
export function localDate(instant: number, zone: string): { year: number; month: number; day: number; weekday: number } {
  const local = instantToLocal(zone, instant);
  return { ...civilFromDayNumber(local.date), weekday: local.weekday };
}
