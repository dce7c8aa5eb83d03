import { addCadence } from '../agreement/cadence';
import { formatLocalDate, parseLocalDate, type DayNumber } from '../time/civil-date';
import { DAY, MINUTE, type Instant, type Interval } from '../time/interval';
import { offsetAt } from '../time/zoned-time';
import { ok, type Result } from '../result';
import { agreementRange } from './availability';
import type { NoSlotReason } from './no-slot-reason';
import type { SchedulingInput } from './scheduling-input';

/** The pair's habit: the weekday and local time (mentor's zone) they meet most often. */
export interface MeetingHabit {
  readonly weekday: number;
  readonly minutes: number;
}

export interface LocalStamp {
  readonly date: DayNumber;
  readonly weekday: number;
  readonly minutes: number;
}

/** Allocation-light local reading used in hot loops (same result as `instantToLocal`). */
export function localStamp(zone: string, at: Instant): LocalStamp {
  const wall = at + offsetAt(zone, at);
  const date = Math.floor(wall / DAY);
  return { date, weekday: ((((date + 3) % 7) + 7) % 7) + 1, minutes: Math.floor((wall - date * DAY) / MINUTE) };
}

/** Most frequent weekday + time among `meetings`; ties go to the most recent. */
export function usualHabit(meetings: readonly Interval[], zone: string): MeetingHabit | undefined {
  const counts = new Map<string, { habit: MeetingHabit; count: number; latest: Instant }>();
  for (const m of meetings) {
    const s = localStamp(zone, m.start);
    const key = `${s.weekday}@${s.minutes}`;
    const entry = counts.get(key);
    if (entry === undefined) counts.set(key, { habit: { weekday: s.weekday, minutes: s.minutes }, count: 1, latest: m.start });
    else counts.set(key, { habit: entry.habit, count: entry.count + 1, latest: Math.max(entry.latest, m.start) });
  }
  let best: { habit: MeetingHabit; count: number; latest: Instant } | undefined;
  for (const entry of counts.values()) {
    if (best === undefined || entry.count > best.count || (entry.count === best.count && entry.latest > best.latest)) best = entry;
  }
  return best?.habit;
}

export function latestMeeting(input: SchedulingInput): Interval | undefined {
  let latest: Interval | undefined;
  for (const m of [...(input.previousMeetings ?? []), ...(input.plannedMeetings ?? [])]) {
    if (latest === undefined || m.start > latest.start) latest = m;
  }
  return latest;
}

export function meetingsSoFar(input: SchedulingInput): number {
  return (input.previousMeetings?.length ?? 0) + (input.plannedMeetings?.length ?? 0);
}

/** The local date (mentor's zone) the cadence asks the next meeting for. */
export function nextTargetDate(input: SchedulingInput): DayNumber {
  const latest = latestMeeting(input);
  const first = parseLocalDate(input.agreement.firstDate)!;
  if (latest === undefined) return first;
  return Math.max(first, addCadence(input.agreement.cadence, localStamp(input.agreement.mentor.timeZone, latest.start).date, 1));
}

/**
 * The time to search: the calendars' horizon inside the agreement's dates; or why there is none
 * (the meetings are all used, the end date has passed, the first date is beyond the horizon).
 */
export function searchedTime(input: SchedulingInput): Result<Interval, NoSlotReason> {
  const { agreement } = input;
  // Programming errors, not user input: a caller always reads calendars for a bounded time.
  if (!Number.isFinite(input.horizon.start) || !Number.isFinite(input.horizon.end)) {
    throw new Error('Scheduling needs a finite horizon (the time the calendars were read for).');
  }
  const granularity = input.options?.granularityMinutes;
  if (granularity !== undefined && (!Number.isInteger(granularity) || granularity <= 0)) {
    throw new Error(`granularityMinutes must be a whole number above zero (got ${granularity}).`);
  }
  const soFar = meetingsSoFar(input);
  if (agreement.meetingCount !== undefined && soFar >= agreement.meetingCount) {
    return {
      ok: false,
      error: {
        code: 'SCHEDULING.MEETING_COUNT_REACHED',
        message: `All ${agreement.meetingCount} agreed meetings are held or planned. Extend the agreement to meet again.`,
        meetingCount: agreement.meetingCount,
        meetingsSoFar: soFar,
      },
    };
  }
  const range = agreementRange(agreement);
  if (range.end <= Math.max(input.horizon.start, input.now)) {
    return {
      ok: false,
      error: {
        code: 'SCHEDULING.END_DATE_REACHED',
        message: `The agreement ended on ${agreement.endDate}. Extend the end date to plan more meetings.`,
        endDate: agreement.endDate ?? formatLocalDate(0),
      },
    };
  }
  const searched = { start: Math.max(range.start, input.horizon.start), end: Math.min(range.end, input.horizon.end) };
  if (searched.end <= searched.start) {
    return {
      ok: false,
      error: {
        code: 'SCHEDULING.BEFORE_FIRST_DATE',
        message: `Meetings start on ${agreement.firstDate}, after the time searched. Search from ${agreement.firstDate} on.`,
        firstDate: agreement.firstDate,
        searched: input.horizon,
      },
    };
  }
  return ok(searched);
}

/** Calls `visit` for every slot start: each free stretch's start, then the local grid (mentor's zone). */
export function forEachSlotStart(
  free: readonly Interval[],
  meetingMs: number,
  zone: string,
  granularityMs: number,
  visit: (start: Instant) => void,
): void {
  for (const stretch of free) {
    const last = stretch.end - meetingMs;
    if (last < stretch.start) continue;
    visit(stretch.start);
    const offset = offsetAt(zone, stretch.start);
    let t = Math.ceil((stretch.start + offset) / granularityMs) * granularityMs - offset;
    if (t === stretch.start) t += granularityMs;
    for (; t <= last; t += granularityMs) visit(t);
  }
}
