import { MINUTE, type Instant, type Interval } from '../time/interval';
import { formatLocalDate } from '../time/civil-date';
import { ok, type Result } from '../result';
import type { LocalDate } from '../agreement/agreement';
import { computeStages, explainEmptyStages } from './availability';
import type { NoSlotReason } from './no-slot-reason';
import { neverOverlapInAgreement } from './agreement-overlap';
import { DEFAULT_GRANULARITY_MINUTES, DEFAULT_MAX_SLOTS, type SchedulingInput } from './scheduling-input';
import { forEachSlotStart, localStamp, nextTargetDate, searchedTime, usualHabit } from './series-boundaries';

export interface SlotProposal {
  /** Best first. Every slot is inside every boundary of the agreement for both people. */
  readonly slots: readonly Interval[];
  /** The date (mentor's zone) the cadence asks for; slots closest to it rank first. */
  readonly targetDate: LocalDate;
  readonly searched: Interval;
}

interface Candidate {
  readonly start: Instant;
  readonly dayDistance: number;
  readonly weekdayMiss: number;
  readonly minuteDistance: number;
}

/**
 * Slots for the pair's next meeting, ranked: closest to the cadence's target date, then the pair's
 * usual weekday and time (from meetings held), then earlier first. When none exists, the reason.
 */
export function proposeSlots(input: SchedulingInput): Result<SlotProposal, NoSlotReason> {
  const searched = searchedTime(input);
  if (!searched.ok) {
    // Windows that never hold a meeting are more fundamental than a first date beyond the search.
    const never = searched.error.code === 'SCHEDULING.BEFORE_FIRST_DATE' ? neverOverlapInAgreement(input.agreement) : undefined;
    return never ? { ok: false, error: never } : searched;
  }
  const stages = computeStages(input, searched.value);
  if (stages.free.length === 0) return { ok: false, error: explainEmptyStages(input, stages) };

  const zone = input.agreement.mentor.timeZone;
  const target = nextTargetDate(input);
  const habit = usualHabit(input.previousMeetings ?? [], zone) ?? usualHabit(input.plannedMeetings ?? [], zone);
  const granularityMs = (input.options?.granularityMinutes ?? DEFAULT_GRANULARITY_MINUTES) * MINUTE;

  const candidates: Candidate[] = [];
  forEachSlotStart(stages.free, stages.meetingMs, zone, granularityMs, (start) => {
    const local = localStamp(zone, start);
    candidates.push({
      start,
      dayDistance: Math.abs(local.date - target),
      weekdayMiss: habit === undefined || habit.weekday === local.weekday ? 0 : 1,
      minuteDistance: habit === undefined ? 0 : Math.abs(local.minutes - habit.minutes),
    });
  });
  candidates.sort(
    (a, b) =>
      a.dayDistance - b.dayDistance || a.weekdayMiss - b.weekdayMiss || a.minuteDistance - b.minuteDistance || a.start - b.start,
  );
  const slots = candidates
    .slice(0, input.options?.maxSlots ?? DEFAULT_MAX_SLOTS)
    .map((c) => ({ start: c.start, end: c.start + stages.meetingMs }));
  return ok({ slots, targetDate: formatLocalDate(target), searched: searched.value });
}
