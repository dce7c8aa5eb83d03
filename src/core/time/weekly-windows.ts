import type { Interval } from './interval';
import { parseLocalTime, weekdayOf } from './civil-date';
import { OFFSET_SLACK, offsetSegments } from './zoned-time';

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;
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
 * Each occurrence covers exactly the instants whose wall clock reads a time inside the window (the
 * rule in zoned-time.ts), so clock changes shorten or lengthen it the way a person's day really changes.
 * The zone's offsets over the range are looked up once; each occurrence is then plain arithmetic.
 */
export function expandWeeklyWindows(windows: readonly WeeklyWindow[], zone: string, range: Interval): Interval[] {
  const grouped = byWeekday(windows);
  const out: Interval[] = [];
  // Occurrences on the days around the range can reach into it (zone offsets, windows past midnight).
  const firstDay = Math.floor(range.start / DAY_MS) - 2;
  const lastDay = Math.floor((range.end - 1) / DAY_MS) + 1;
  const segments = offsetSegments(zone, firstDay * DAY_MS - OFFSET_SLACK, (lastDay + 2) * DAY_MS + OFFSET_SLACK);
  let first = 0;
  for (let day = firstDay; day <= lastDay; day++) {
    const list = grouped[weekdayOf(day)]!;
    for (let w = 0; w < list.length; w++) {
      const window = list[w]!;
      const fromWall = day * DAY_MS + window.startMinutes * MINUTE_MS;
      const toWall = day * DAY_MS + window.endMinutes * MINUTE_MS;
      while (first < segments.length && segments[first]!.end <= fromWall - OFFSET_SLACK) first++;
      for (let i = first; i < segments.length; i++) {
        const segment = segments[i]!;
        if (segment.start >= toWall + OFFSET_SLACK) break;
        let start = fromWall - segment.offset;
        let end = toWall - segment.offset;
        if (start < segment.start) start = segment.start;
        if (end > segment.end) end = segment.end;
        if (start < range.start) start = range.start;
        if (end > range.end) end = range.end;
        if (start < end) out.push({ start, end });
      }
    }
  }
  return normalizeIntervals(out);
}
