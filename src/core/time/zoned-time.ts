import { DAY, HOUR, MINUTE, type Instant, type Interval } from './interval';

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;
import { dayNumberFromCivil, formatLocalDate, pad2, weekdayOf, type DayNumber } from './civil-date';
import type { IsoWeekday } from '../agreement/agreement';

/**
 * Local wall-clock time ↔ UTC for IANA zones, from the runtime's zone database through Intl.
 *
 * Offsets are cached per zone and UTC day: one Intl call per day boundary, and a binary search only
 * on the rare days that contain a change. Every zone in use today changes its offset at most once a
 * day, which is what the cache assumes.
 *
 * The rule for wall-clock times that do not map to exactly one instant (documented once, used
 * everywhere): a local time L maps to the EARLIEST instant whose wall clock reads L or later.
 * - In a spring-forward gap (02:30 on the night Europe jumps 02:00 → 03:00) that is the moment of the
 *   jump (01:00Z, shown as 03:00).
 * - In a fall-back overlap (02:30 happens twice) that is the first occurrence (the summer-time one).
 * A local RANGE [from, to) maps to exactly the instants whose wall clock reads a time inside it, so a
 * window 01:00–03:00 on the autumn night covers 01:00–03:00 summer time and 02:00–03:00 winter time
 * again, and a window inside a gap covers nothing.
 */

interface DayOffsets {
  /** Offset (ms, local − UTC) at the start of the UTC day. */
  readonly before: number;
  /** Offset after `changeAt`; equal to `before` on days without a change. */
  readonly after: number;
  readonly changeAt: Instant;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
const offsetCache = new Map<string, Map<number, DayOffsets>>();

function formatterFor(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (f === undefined) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(zone, f);
  }
  return f;
}

function offsetFromIntl(zone: string, at: Instant): number {
  let year = 0;
  let month = 1;
  let day = 1;
  let hour = 0;
  let minute = 0;
  let second = 0;
  for (const part of formatterFor(zone).formatToParts(at)) {
    switch (part.type) {
      case 'year':
        year = Number(part.value);
        break;
      case 'month':
        month = Number(part.value);
        break;
      case 'day':
        day = Number(part.value);
        break;
      case 'hour':
        hour = Number(part.value);
        break;
      case 'minute':
        minute = Number(part.value);
        break;
      case 'second':
        second = Number(part.value);
        break;
      default:
        break;
    }
  }
  const wall = dayNumberFromCivil(year, month, day) * DAY + hour * HOUR + minute * MINUTE + second * 1000;
  return wall - (at - (((at % 1000) + 1000) % 1000));
}

function dayOffsets(zone: string, utcDay: number): DayOffsets {
  let zoneCache = offsetCache.get(zone);
  if (zoneCache === undefined) {
    zoneCache = new Map();
    offsetCache.set(zone, zoneCache);
  }
  let entry = zoneCache.get(utcDay);
  if (entry === undefined) {
    const start = utcDay * DAY_MS;
    const before = zoneCache.get(utcDay - 1)?.after ?? offsetFromIntl(zone, start);
    const after = zoneCache.get(utcDay + 1)?.before ?? offsetFromIntl(zone, start + DAY_MS);
    if (before === after) {
      entry = { before, after, changeAt: start + DAY_MS };
    } else {
      // The change happens on a whole minute: search for the first minute showing the new offset.
      let lo = 0;
      let hi = 1440;
      while (hi - lo > 1) {
        const mid = (lo + hi) >> 1;
        if (offsetFromIntl(zone, start + mid * MINUTE_MS) === before) lo = mid;
        else hi = mid;
      }
      entry = { before, after, changeAt: start + hi * MINUTE_MS };
    }
    zoneCache.set(utcDay, entry);
  }
  return entry;
}

/** The zone's offset from UTC (ms, local − UTC) at `at`. */
export function offsetAt(zone: string, at: Instant): number {
  const entry = dayOffsets(zone, Math.floor(at / DAY_MS));
  return at < entry.changeAt ? entry.before : entry.after;
}

/** A stretch of time with one offset. */
export interface OffsetSegment {
  readonly start: Instant;
  readonly end: Instant;
  readonly offset: number;
}

const segmentCache = new Map<string, readonly OffsetSegment[]>();
const SEGMENT_CACHE_LIMIT = 512;

/**
 * The stretches of one offset covering [from, to), in order. Cohorts plan many pairs over the same
 * horizon in the same few zones, so recent answers are kept.
 */
export function offsetSegments(zone: string, from: Instant, to: Instant): readonly OffsetSegment[] {
  const key = `${zone}|${from}|${to}`;
  const cached = segmentCache.get(key);
  if (cached !== undefined) return cached;
  const segments = computeSegments(zone, from, to);
  if (segmentCache.size >= SEGMENT_CACHE_LIMIT) segmentCache.clear();
  segmentCache.set(key, segments);
  return segments;
}

function computeSegments(zone: string, from: Instant, to: Instant): OffsetSegment[] {
  const segments: OffsetSegment[] = [];
  for (let day = Math.floor(from / DAY_MS); day * DAY_MS < to; day++) {
    const entry = dayOffsets(zone, day);
    const dayStart = Math.max(from, day * DAY_MS);
    const dayEnd = Math.min(to, (day + 1) * DAY_MS);
    appendSegment(segments, dayStart, Math.min(dayEnd, entry.changeAt), entry.before);
    appendSegment(segments, Math.max(dayStart, entry.changeAt), dayEnd, entry.after);
  }
  return segments;
}

function appendSegment(segments: OffsetSegment[], start: Instant, end: Instant, offset: number): void {
  if (end <= start) return;
  const last = segments[segments.length - 1];
  if (last !== undefined && last.offset === offset && last.end === start) {
    segments[segments.length - 1] = { start: last.start, end, offset };
  } else {
    segments.push({ start, end, offset });
  }
}

/** Offsets on Earth stay within −12h … +14h; a little slack keeps every candidate instant in view. */
export const OFFSET_SLACK = 15 * HOUR;

/**
 * The earliest instant whose wall clock in `zone` reads `wallMs` or later (see the rule above).
 * `wallMs` is the wall-clock reading expressed as if it were UTC epoch ms.
 */
export function wallClockToInstant(zone: string, wallMs: number): Instant {
  for (const segment of computeSegments(zone, wallMs - OFFSET_SLACK, wallMs + OFFSET_SLACK)) {
    const candidate = Math.max(segment.start, wallMs - segment.offset);
    if (candidate < segment.end) return candidate;
  }
  throw new Error(`No instant found for wall clock ${wallMs} in ${zone}`);
}

/** Local date + minutes after midnight in `zone` → instant (same rule as `wallClockToInstant`). */
export function localToInstant(zone: string, date: DayNumber, minutes: number): Instant {
  return wallClockToInstant(zone, date * DAY + minutes * MINUTE);
}

/** The instant the local day `date` begins in `zone`. */
export function startOfLocalDay(zone: string, date: DayNumber): Instant {
  return wallClockToInstant(zone, date * DAY);
}

/**
 * The instants whose wall clock in `zone` reads a time in [fromWallMs, toWallMs), sorted. Usually one
 * interval; none inside a gap; two when an autumn overlap repeats part of the range.
 */
export function wallClockRangeToIntervals(zone: string, fromWallMs: number, toWallMs: number): Interval[] {
  const out: Interval[] = [];
  for (const segment of computeSegments(zone, fromWallMs - OFFSET_SLACK, toWallMs + OFFSET_SLACK)) {
    const start = Math.max(segment.start, fromWallMs - segment.offset);
    const end = Math.min(segment.end, toWallMs - segment.offset);
    if (end <= start) continue;
    const last = out[out.length - 1];
    if (last !== undefined && last.end >= start) out[out.length - 1] = { start: last.start, end: Math.max(last.end, end) };
    else out.push({ start, end });
  }
  out.sort((a, b) => a.start - b.start);
  return out;
}

/** What a wall clock in `zone` shows at `at`. */
export interface LocalReading {
  readonly date: DayNumber;
  readonly weekday: IsoWeekday;
  /** Minutes after local midnight (seconds dropped). */
  readonly minutes: number;
  readonly offsetMinutes: number;
}

export function instantToLocal(zone: string, at: Instant): LocalReading {
  const offset = offsetAt(zone, at);
  const wall = at + offset;
  const date = Math.floor(wall / DAY);
  return {
    date,
    weekday: weekdayOf(date),
    minutes: Math.floor((wall - date * DAY) / MINUTE),
    offsetMinutes: offset / MINUTE,
  };
}

/** ISO 8601 with the zone's offset, e.g. "2026-03-30T09:00:00+02:00" (what people and tests read). */
export function formatInstantInZone(at: Instant, zone: string): string {
  const offset = offsetAt(zone, at);
  const wall = at + offset;
  const date = Math.floor(wall / DAY);
  const msOfDay = wall - date * DAY;
  const h = Math.floor(msOfDay / HOUR);
  const m = Math.floor((msOfDay % HOUR) / MINUTE);
  const s = Math.floor((msOfDay % MINUTE) / 1000);
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset) / MINUTE;
  return `${formatLocalDate(date)}T${pad2(h)}:${pad2(m)}:${pad2(s)}${sign}${pad2(Math.floor(abs / 60))}:${pad2(abs % 60)}`;
}
