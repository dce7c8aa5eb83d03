/**
 * Whether two people can ever hold a meeting of a given length: each person's stated windows, cut
 * to their working hours when they have them, each in their own zone, expanded over the programme's
 * span (a year and a week at most, which holds every clock change of every zone) and intersected.
 * Each person is expanded once (`availabilityOver`); a pair is then one merge of two sorted lists.
 */
import type { WeeklyWindow } from '../agreement/agreement';
import { formatLocalTime } from '../time/civil-date';
import { DAY, MINUTE, type Interval } from '../time/interval';
import { intersectIntervals, keepAtLeast } from '../time/interval-algebra';
import { expandWeeklyWindows } from '../time/weekly-windows';
import { instantToLocal } from '../time/zoned-time';

export interface PersonAvailability {
  /** IANA zone. */
  readonly timeZone: string;
  readonly meetingWindows: readonly WeeklyWindow[];
  /** When given, meetings also have to fall inside them. */
  readonly workingHours?: readonly WeeklyWindow[];
}

/** The instants a person can meet over `span`, sorted and disjoint. */
export function availabilityOver(person: PersonAvailability, span: Interval): Interval[] {
  const windows = expandWeeklyWindows(person.meetingWindows, person.timeZone, span);
  if (person.workingHours === undefined) return windows;
  return intersectIntervals(windows, expandWeeklyWindows(person.workingHours, person.timeZone, span));
}

/** The first instant both can start a meeting of `meetingMs`, or undefined when they never can. */
export function firstSharedStart(a: readonly Interval[], b: readonly Interval[], meetingMs: number): number | undefined {
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!;
    const y = b[j]!;
    const start = x.start > y.start ? x.start : y.start;
    const end = x.end < y.end ? x.end : y.end;
    if (end - start >= meetingMs) return start;
    if (x.end < y.end) i++;
    else j++;
  }
  return undefined;
}

export interface OverlapInZone {
  readonly timeZone: string;
  /** The shared stretches as that person's wall clock reads them. */
  readonly windows: readonly WeeklyWindow[];
}

/** A pair's shared time in one week that holds a meeting, read in both zones. */
export interface WeeklyOverlap {
  /** The week shown: the first week of the span with a shared stretch long enough. */
  readonly weekStart: number;
  readonly minutesPerWeek: number;
  readonly mentor: OverlapInZone;
  readonly mentee: OverlapInZone;
}

/**
 * The shared stretches (each at least a meeting long) in the week of the span holding the first
 * possible meeting. Weeks count from the span's start, so DST weeks show what they really hold.
 */
export function weeklyOverlap(
  mentor: { readonly timeZone: string; readonly intervals: readonly Interval[] },
  mentee: { readonly timeZone: string; readonly intervals: readonly Interval[] },
  span: Interval,
  meetingMs: number,
): WeeklyOverlap | undefined {
  const first = firstSharedStart(mentor.intervals, mentee.intervals, meetingMs);
  if (first === undefined) return undefined;
  const weekStart = span.start + Math.floor((first - span.start) / (7 * DAY)) * 7 * DAY;
  const week: Interval = { start: weekStart, end: weekStart + 7 * DAY };
  const inWeek = (list: readonly Interval[]): Interval[] =>
    list.filter((x) => x.end > week.start && x.start < week.end).map((x) => ({ start: Math.max(x.start, week.start), end: Math.min(x.end, week.end) }));
  const shared = keepAtLeast(intersectIntervals(inWeek(mentor.intervals), inWeek(mentee.intervals)), meetingMs);
  const minutesPerWeek = shared.reduce((sum, x) => sum + (x.end - x.start) / MINUTE, 0);
  return {
    weekStart,
    minutesPerWeek: Math.round(minutesPerWeek),
    mentor: { timeZone: mentor.timeZone, windows: shared.map((x) => asLocalWindow(x, mentor.timeZone)) },
    mentee: { timeZone: mentee.timeZone, windows: shared.map((x) => asLocalWindow(x, mentee.timeZone)) },
  };
}

function asLocalWindow(x: Interval, zone: string): WeeklyWindow {
  const from = instantToLocal(zone, x.start);
  const to = instantToLocal(zone, x.end);
  const window: WeeklyWindow = { weekday: from.weekday, start: formatLocalTime(from.minutes), end: formatLocalTime(to.minutes) };
  return to.date > from.date ? { ...window, endsNextDay: true } : window;
}

const QUARTER = 15 * MINUTE;
const WEEK_QUARTERS = 7 * 96;
const MASK_WORDS = WEEK_QUARTERS / 32;
/** 1970-01-05T00:00Z, a Monday: week slots count from any Monday midnight UTC. */
const MONDAY = 4 * DAY;

/**
 * A person's free time folded onto one UTC week in quarter hours: a slot is set when it is free in
 * ANY week of the span (touched at all, so windows off the quarter grid are not lost). Two people
 * can meet only if their folded weeks share a run of the meeting's quarters, so a pair failing this
 * test is never schedulable; a pair passing it still gets the exact check.
 */
export function foldedWeek(intervals: readonly Interval[]): Uint32Array {
  const mask = new Uint32Array(MASK_WORDS);
  for (const x of intervals) {
    const first = Math.floor((x.start - MONDAY) / QUARTER);
    const last = Math.ceil((x.end - MONDAY) / QUARTER);
    for (let q = first; q < last && q < first + WEEK_QUARTERS; q++) {
      const slot = ((q % WEEK_QUARTERS) + WEEK_QUARTERS) % WEEK_QUARTERS;
      mask[slot >>> 5]! |= 1 << (slot & 31);
    }
  }
  return mask;
}

/** Whether two folded weeks share `quarters` consecutive slots (around the week's end too). */
export function foldedWeeksCanMeet(a: Uint32Array, b: Uint32Array, quarters: number): boolean {
  let any = false;
  for (let w = 0; w < MASK_WORDS; w++) if ((a[w]! & b[w]!) !== 0) any = true;
  if (!any) return false;
  let run = 0;
  for (let s = 0; s < WEEK_QUARTERS + quarters; s++) {
    const slot = s % WEEK_QUARTERS;
    const word = slot >>> 5;
    if ((a[word]! & b[word]! & (1 << (slot & 31))) !== 0) {
      if (++run >= quarters) return true;
    } else run = 0;
  }
  return false;
}
