import { DAY, MINUTE, type Interval } from './interval';
import { parseLocalTime, weekdayOf } from './civil-date';
import { wallClockRangeToIntervals } from './zoned-time';
import { normalizeIntervals } from './interval-algebra';
import type { WeeklyWindow } from '../agreement/agreement';

/** A weekly window with its times parsed; `endMinutes` > 1440 when it crosses midnight. */
export interface ParsedWindow {
  readonly weekday: number;
  readonly startMinutes: number;
  readonly endMinutes: number;
}

/**
 * Parses "HH:mm" times. `end` before `start` means the window runs past midnight into the next day.
 * Throws on malformed times: agreements and calendars reach the core already validated.
 */
export function parseWeeklyWindow(window: WeeklyWindow): ParsedWindow {
  const start = parseLocalTime(window.start);
  const end = parseLocalTime(window.end);
  if (start === undefined || end === undefined) throw new Error(`Malformed weekly window ${JSON.stringify(window)}`);
  return { weekday: window.weekday, startMinutes: start, endMinutes: end <= start ? end + 1440 : end };
}

/** Length in minutes of a window on a day without a clock change. */
export function windowMinutes(window: WeeklyWindow): number {
  const parsed = parseWeeklyWindow(window);
  return parsed.endMinutes - parsed.startMinutes;
}

const parsedCache = new WeakMap<readonly WeeklyWindow[], ParsedWindow[][]>();

function byWeekday(windows: readonly WeeklyWindow[]): ParsedWindow[][] {
  let grouped = parsedCache.get(windows);
  if (grouped === undefined) {
    grouped = [[], [], [], [], [], [], [], []];
    for (const w of windows) grouped[w.weekday]!.push(parseWeeklyWindow(w));
    for (const list of grouped) list.sort((a, b) => a.startMinutes - b.startMinutes);
    parsedCache.set(windows, grouped);
  }
  return grouped;
}

/**
 * The concrete UTC intervals of weekly windows (in `zone`) that fall inside `range`, sorted and merged.
 * Each occurrence covers exactly the instants whose wall clock reads a time inside the window, so
 * clock changes shorten or lengthen it the way a person's day really changes.
 */
export function expandWeeklyWindows(windows: readonly WeeklyWindow[], zone: string, range: Interval): Interval[] {
  const grouped = byWeekday(windows);
  const out: Interval[] = [];
  // A day's windows can start up to 14h before its UTC date and the previous day's may run past midnight.
  const firstDay = Math.floor(range.start / DAY) - 2;
  const lastDay = Math.floor((range.end - 1) / DAY) + 1;
  for (let day = firstDay; day <= lastDay; day++) {
    for (const w of grouped[weekdayOf(day)]!) {
      const pieces = wallClockRangeToIntervals(zone, day * DAY + w.startMinutes * MINUTE, day * DAY + w.endMinutes * MINUTE);
      for (const p of pieces) {
        const start = p.start > range.start ? p.start : range.start;
        const end = p.end < range.end ? p.end : range.end;
        if (start < end) out.push({ start, end });
      }
    }
  }
  return normalizeIntervals(out);
}
