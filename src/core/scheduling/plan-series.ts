import { MINUTE, type Instant, type Interval } from '../time/interval';
import { formatLocalDate, parseLocalDate, weekdayOf, type DayNumber } from '../time/civil-date';
import { offsetAt, startOfLocalDay } from '../time/zoned-time';
import { clipIntervals, keepAtLeast, subtractIntervals, widenIntervals } from '../time/interval-algebra';
import { addCadence } from '../agreement/cadence';
import type { Cadence, LocalDate } from '../agreement/agreement';
import { agreementRange, computeStages, explainEmptyStages, narrowStages } from './availability';
import type { NoSlotReason } from './no-slot-reason';
import { neverOverlapInAgreement } from './agreement-overlap';
import { DEFAULT_GRANULARITY_MINUTES, type SchedulingInput } from './scheduling-input';
import {
  forEachSlotStart,
  latestMeeting,
  localStamp,
  meetingsSoFar,
  nextTargetDate,
  searchedTime,
  usualHabit,
  type MeetingHabit,
} from './series-boundaries';

export interface PlanSeriesInput extends SchedulingInput {
  /** Plan at most this many periods; the agreement's remaining meetings and end date also stop the series. */
  readonly count?: number;
}

/** One cadence period: local days [start, end) in the mentor's zone, as instants, and its target day. */
export interface SeriesPeriod {
  readonly start: Instant;
  readonly end: Instant;
  readonly targetDate: LocalDate;
}

export type SeriesEntry =
  | { readonly ok: true; readonly period: SeriesPeriod; readonly slot: Interval }
  | { readonly ok: false; readonly period: SeriesPeriod; readonly reason: NoSlotReason };

export type SeriesStop = 'REQUESTED_COUNT' | 'MEETING_COUNT_REACHED' | 'END_DATE_REACHED' | 'HORIZON_END' | 'BEFORE_FIRST_DATE' | 'WINDOWS_NEVER_OVERLAP';

export interface SeriesPlan {
  /** One entry per cadence period, in order: the meeting planned in it, or why none fits. */
  readonly entries: readonly SeriesEntry[];
  /**
   * Target dates (mentor's zone) of the meetings the count asks for whose periods lie beyond the
   * searched time (the planning horizon): planned once they come within range.
   */
  readonly deferred: readonly LocalDate[];
  /** Target dates of meetings the count asks for that would fall after the agreement's end date. */
  readonly afterEndDate: readonly LocalDate[];
  /** The planned meetings (the `ok` entries' slots), in order; they never overlap anything busy or each other. */
  readonly meetings: readonly Interval[];
  readonly stoppedBecause: SeriesStop;
  /** Set when nothing could be searched at all (count used up, end date passed, first date beyond the horizon). */
  readonly reason?: NoSlotReason;
}

/** Safety stop for a cadence loop; far beyond any real agreement (a daily cadence over ten years). */
const MAX_PERIODS = 4000;
const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;

/**
 * The next meetings of the series, one per cadence period. The first meeting of a new pair goes as
 * early as the boundaries allow; after that each period aims at the same weekday and local time
 * (the pair's habit, or the first meeting planned), moving only as far as the calendars force.
 * Periods tile the calendar: each runs from halfway after the previous target to halfway before the
 * next, so one displaced meeting never pulls the rhythm of the others.
 */
export function planSeries(input: PlanSeriesInput): SeriesPlan {
  const { agreement } = input;
  const zone = agreement.mentor.timeZone;
  const cadence = agreement.cadence;
  const remaining = agreement.meetingCount === undefined ? Number.POSITIVE_INFINITY : agreement.meetingCount - meetingsSoFar(input);
  const requested = input.count ?? Number.POSITIVE_INFINITY;
  const limit = Math.min(remaining, requested);
  // A period whose target day lies after the end date is not the agreement's any more.
  const lastDay = agreement.endDate === undefined ? undefined : parseLocalDate(agreement.endDate)!;

  const searched = searchedTime(input);
  if (!searched.ok) {
    const code = searched.error.code;
    if (code === 'SCHEDULING.BEFORE_FIRST_DATE') {
      // The most fundamental cause first: windows that never hold a meeting make the dates moot.
      const never = neverOverlapInAgreement(agreement);
      if (never) return { entries: [], meetings: [], deferred: [], afterEndDate: [], stoppedBecause: 'WINDOWS_NEVER_OVERLAP', reason: never };
      const later = laterTargets(cadence, nextTargetDate(input), 0, limit, lastDay);
      return { entries: [], meetings: [], ...later, stoppedBecause: 'BEFORE_FIRST_DATE', reason: searched.error };
    }
    const stoppedBecause: SeriesStop = code === 'SCHEDULING.MEETING_COUNT_REACHED' ? 'MEETING_COUNT_REACHED' : 'END_DATE_REACHED';
    return { entries: [], meetings: [], deferred: [], afterEndDate: [], stoppedBecause, reason: searched.error };
  }
  const stages = computeStages(input, searched.value);
  if (stages.windows.length === 0) {
    // Nothing shared in the searched time: if no week of the agreement shares a meeting either, that is
    // the cause for every meeting (none is deferred to a later that cannot hold it).
    const never = neverOverlapInAgreement(agreement);
    if (never) return { entries: [], meetings: [], deferred: [], afterEndDate: [], stoppedBecause: 'WINDOWS_NEVER_OVERLAP', reason: never };
  }
  const granularityMs = (input.options?.granularityMinutes ?? DEFAULT_GRANULARITY_MINUTES) * MINUTE;
  const bufferMs = agreement.bufferMinutes * MINUTE;
  const afterEnd = agreementRange(agreement).end <= input.horizon.end;

  const latest = latestMeeting(input);
  const hasHistory = latest !== undefined;
  let habit: MeetingHabit | undefined = hasHistory
    ? (usualHabit(input.previousMeetings ?? [], zone) ?? usualHabit(input.plannedMeetings ?? [], zone))
    : undefined;
  let anchorDate: DayNumber = hasHistory
    ? localStamp(zone, latest.start).date
    : Math.max(parseLocalDate(agreement.firstDate)!, localStamp(zone, Math.max(stages.earliestStart, searched.value.start)).date);
  let anchorIndex = hasHistory ? 0 : 1;
  const target = (k: number): DayNumber => onHabitWeekday(cadence, addCadence(cadence, anchorDate, k - anchorIndex), habit);
  const targetDayAfterRebase = (k: number): DayNumber => target(k) + Math.ceil((target(k + 1) - target(k)) / 2);

  const entries: SeriesEntry[] = [];
  const meetings: Interval[] = [];
  let chosenBusy: Interval[] = [];
  let previousEnd: DayNumber | undefined;
  let stoppedBecause: SeriesStop = 'HORIZON_END';
  let stoppedAt = MAX_PERIODS + 1;

  for (let k = 1; k <= MAX_PERIODS; k++) {
    stoppedAt = k;
    if (entries.length >= limit) {
      stoppedBecause = requested <= remaining ? 'REQUESTED_COUNT' : 'MEETING_COUNT_REACHED';
      break;
    }
    const targetDay = target(k);
    const nextDay = target(k + 1);
    let startDay: DayNumber;
    let endDay: DayNumber;
    if (habit === undefined) {
      // Until the pair's first meeting is placed, whole periods from the first date: as early as possible.
      startDay = targetDay;
      endDay = nextDay;
    } else {
      startDay = targetDay - Math.floor((targetDay - target(k - 1)) / 2);
      endDay = targetDay + Math.ceil((nextDay - targetDay) / 2);
    }
    if (previousEnd !== undefined && startDay < previousEnd) startDay = previousEnd;
    if (endDay <= startDay) endDay = startDay + 1;
    previousEnd = endDay;

    if (lastDay !== undefined && targetDay > lastDay) {
      stoppedBecause = 'END_DATE_REACHED';
      break;
    }
    const periodStart = startOfLocalDay(zone, startDay);
    const periodEnd = startOfLocalDay(zone, endDay);
    if (periodStart >= searched.value.end) {
      stoppedBecause = afterEnd ? 'END_DATE_REACHED' : 'HORIZON_END';
      break;
    }
    if (periodEnd <= searched.value.start) continue;
    // A period whose target day lies beyond the horizon is deferred whole rather than pulled early into
    // the part the horizon shows (a biweekly meeting a week early is not the agreement's rhythm).
    if (!afterEnd && periodEnd > searched.value.end && startOfLocalDay(zone, targetDay) >= searched.value.end) {
      stoppedBecause = 'HORIZON_END';
      break;
    }
    const period: SeriesPeriod = { start: periodStart, end: periodEnd, targetDate: formatLocalDate(targetDay) };

    const free = keepAtLeast(subtractIntervals(clipIntervals(stages.free, periodStart, periodEnd), chosenBusy), stages.meetingMs);
    let best: Instant | undefined;
    let bestDay = 0;
    let bestMinutes = 0;
    const habitMinutes = habit?.minutes;
    forEachSlotStart(free, stages.meetingMs, zone, granularityMs, (start) => {
      const wall = start + offsetAt(zone, start);
      const date = Math.floor(wall / DAY_MS);
      const day = Math.abs(date - targetDay);
      const minutes = habitMinutes === undefined ? 0 : Math.abs(Math.floor((wall - date * DAY_MS) / MINUTE_MS) - habitMinutes);
      if (best === undefined || day < bestDay || (day === bestDay && minutes < bestMinutes)) {
        best = start;
        bestDay = day;
        bestMinutes = minutes;
      }
    });
    if (best === undefined) {
      // A period the horizon cuts short is not empty, only unsearched: it is deferred with the rest.
      if (periodEnd > searched.value.end && !afterEnd) {
        stoppedBecause = 'HORIZON_END';
        break;
      }
      entries.push({ ok: false, period, reason: explainEmptyStages(input, narrowStages(stages, period, chosenBusy)) });
      continue;
    }
    const slot = { start: best, end: best + stages.meetingMs };
    entries.push({ ok: true, period, slot });
    meetings.push(slot);
    chosenBusy = widenIntervals(meetings, bufferMs, bufferMs);
    if (habit === undefined) {
      const local = localStamp(zone, best);
      habit = { weekday: local.weekday, minutes: local.minutes };
      anchorDate = local.date;
      anchorIndex = k;
      // The first period was searched whole; now that it has its meeting, it ends halfway to the next target.
      previousEnd = Math.max(local.date + 1, targetDayAfterRebase(k));
    }
  }
  const left = limit - entries.length;
  const later =
    stoppedBecause === 'HORIZON_END' || stoppedBecause === 'END_DATE_REACHED'
      ? laterTargetsFrom((k) => target(k), stoppedAt, left, lastDay)
      : { deferred: [], afterEndDate: [] };
  return { entries, meetings, ...later, stoppedBecause };
}

/**
 * The target dates of the `count` meetings still asked for from period `k` on: deferred while they
 * fall inside the agreement's dates, after the end date once they do not. Nothing when the count is
 * open-ended (no number of meetings asked for).
 */
function laterTargetsFrom(
  target: (k: number) => DayNumber,
  k: number,
  count: number,
  lastDay: DayNumber | undefined,
): { deferred: LocalDate[]; afterEndDate: LocalDate[] } {
  const deferred: LocalDate[] = [];
  const afterEndDate: LocalDate[] = [];
  if (!Number.isFinite(count)) return { deferred, afterEndDate };
  for (let i = 0; i < Math.min(count, MAX_PERIODS); i++) {
    const day = target(k + i);
    if (lastDay !== undefined && day > lastDay) afterEndDate.push(formatLocalDate(day));
    else deferred.push(formatLocalDate(day));
  }
  return { deferred, afterEndDate };
}

function laterTargets(cadence: Cadence, from: DayNumber, k: number, count: number, lastDay: DayNumber | undefined) {
  return laterTargetsFrom((i) => addCadence(cadence, from, i), k, count, lastDay);
}

/** For cadences that keep the weekday, the day nearest `date` (±3) on the habit's weekday. */
function onHabitWeekday(cadence: Cadence, date: DayNumber, habit: MeetingHabit | undefined): DayNumber {
  if (habit === undefined) return date;
  if (cadence.kind === 'everyNDays' && cadence.days % 7 !== 0) return date;
  const shift = ((((habit.weekday - weekdayOf(date)) % 7) + 10) % 7) - 3;
  return date + shift;
}
