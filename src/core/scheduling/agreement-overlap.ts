/**
 * Whether an agreement can ever hold a meeting: both people's windows, each in their own zone, share
 * the agreed duration on some day of the agreement. Checked over every week of the agreement's dates
 * (a year at most, which holds every clock change of every zone), so a pair whose only overlap
 * vanishes in DST weeks is still plannable, and one whose overlap exists only there is too.
 */
import type { Agreement } from '../agreement/agreement';
import { addCadence } from '../agreement/cadence';
import { parseLocalDate } from '../time/civil-date';
import { DAY, MINUTE, type Instant, type Interval } from '../time/interval';
import { intersectIntervals, keepAtLeast } from '../time/interval-algebra';
import { expandWeeklyWindows } from '../time/weekly-windows';
import { formatInstantInZone, startOfLocalDay } from '../time/zoned-time';
import { agreementRange, windowsNeverOverlapReason } from './availability';
import type { NoSlotReason } from './no-slot-reason';

/** A year and a week: every zone's clock changes fall inside, whatever day it starts. */
const LONGEST_CHECK_DAYS = 373;

/** The time the agreement's meetings can fall in: its dates, or as long as its count needs, a year and a week at most. */
export function agreementSpan(agreement: Agreement): Interval {
  const range = agreementRange(agreement);
  const first = parseLocalDate(agreement.firstDate)!;
  let end = range.start + LONGEST_CHECK_DAYS * DAY;
  if (agreement.meetingCount !== undefined) {
    // A series of n meetings runs n cadence periods from the first date (dates holding in both zones, as agreementRange's).
    const afterLast = addCadence(agreement.cadence, first, agreement.meetingCount) + 1;
    end = Math.min(end, startOfLocalDay(agreement.mentor.timeZone, afterLast), startOfLocalDay(agreement.mentee.timeZone, afterLast));
  }
  end = Math.max(Math.min(end, range.end), range.start + 7 * DAY);
  return { start: range.start, end };
}

/** Stretches both windows share that hold the meeting, inside `range`. */
export function sharedWindows(agreement: Agreement, range: Interval): Interval[] {
  return keepAtLeast(
    intersectIntervals(
      expandWeeklyWindows(agreement.mentor.meetingWindows, agreement.mentor.timeZone, range),
      expandWeeklyWindows(agreement.mentee.meetingWindows, agreement.mentee.timeZone, range),
    ),
    agreement.meetingMinutes * MINUTE,
  );
}

/** The reason when no week of the agreement holds one meeting for both; undefined when some week does. */
export function neverOverlapInAgreement(agreement: Agreement): Extract<NoSlotReason, { code: 'SCHEDULING.WINDOWS_NEVER_OVERLAP' }> | undefined {
  const span = agreementSpan(agreement);
  if (sharedWindows(agreement, span).length > 0) return undefined;
  const zone = agreement.mentor.timeZone;
  const during = `in any week of the agreement (${formatInstantInZone(span.start, zone)} to ${formatInstantInZone(span.end, zone)})`;
  return windowsNeverOverlapReason(agreement, span, during);
}

/**
 * A few times to meet again after a missed meeting: the start of each shared stretch from `from`
 * on, one a day, for two weeks. Only the agreement's windows are read, not the calendars; the
 * schedule still checks free/busy when one is booked.
 */
export function timesInsideAgreement(agreement: Agreement, from: Instant, count = 3): Instant[] {
  const stretches = sharedWindows(agreement, { start: from, end: from + 14 * DAY });
  const times: Instant[] = [];
  const days = new Set<number>();
  for (const stretch of stretches) {
    const day = Math.floor(stretch.start / DAY);
    if (days.has(day)) continue;
    days.add(day);
    times.push(stretch.start);
    if (times.length === count) break;
  }
  return times;
}
