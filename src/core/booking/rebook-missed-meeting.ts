/**
 * One-click rescheduling from the "missed it?" card: the meeting nobody joined moves to one of the
 * offered times, through the same boundary and free/busy checks as any reschedule. Idempotent: the
 * first choice is kept, and any later click (the same person again, or the partner) is told what was
 * booked instead of moving the meeting a second time.
 */
import type { Agreement } from '../agreement/agreement';
import { fail, ok, type Result } from '../result';
import { DAY, HOUR, MINUTE, type Instant, type Interval } from '../time/interval';
import { overlaps, widenIntervals } from '../time/interval-algebra';
import type { Meeting } from '../relationships/meeting';
import { sharedWindows } from '../scheduling/agreement-overlap';
import type { UseCaseCall } from '../usecases/principal';
import { loadContext, loadContextForPerson, meetingNotFound } from './booking-context';
import type { BookingDeps } from './booking-ports';
import { insideBoundaries, upcomingMeetings } from './booking-rules';
import { moveInsideBoundaries, refOf } from './change-meeting';
import { withoutVersion } from './write-meeting';

export interface RebookMissedMeetingInput {
  readonly relationshipId: string;
  readonly meetingId: string;
  readonly start: Instant;
}

export interface RebookOutcome {
  /** `booked`: this call moved it; `alreadyBooked`: an earlier choice stands (see `meeting.start`). */
  readonly kind: 'booked' | 'alreadyBooked';
  readonly meeting: Meeting;
  /** Who chose the time that stands. */
  readonly bookedBy: string;
}

/**
 * The times the card offers: inside both windows and the agreement's dates, from the next whole hour
 * after the notice it asks for (so a click a little later still has its notice), one a day for two
 * weeks: the first time that holds the meeting in each shared stretch, and the same time on the
 * following days while a long stretch lasts. Only the agreement is read; the booking checks free/busy.
 */
export function timesToRebook(agreement: Agreement, now: Instant, count = 3): Instant[] {
  const from = Math.ceil((now + agreement.minimumNoticeHours * HOUR) / HOUR) * HOUR;
  const duration = agreement.meetingMinutes * MINUTE;
  const times: Instant[] = [];
  const days = new Set<number>();
  for (const stretch of sharedWindows(agreement, { start: from, end: from + 14 * DAY })) {
    for (let start = stretch.start; start + duration <= stretch.end && times.length < count; start += DAY) {
      const day = Math.floor(start / DAY);
      if (days.has(day) || !insideBoundaries(agreement, { start, end: start + duration })) continue;
      days.add(day);
      times.push(start);
    }
    if (times.length === count) break;
  }
  return times;
}

/**
 * The times the "missed it?" card offers as buttons: `timesToRebook`'s candidates (one a day, two
 * weeks) that are free in both calendars (buffers included) and clear of the pair's other meetings,
 * read in one free/busy call with the tenant's app-only access. The booking checks again on the click.
 */
export async function offerRebookTimes(
  deps: BookingDeps,
  input: { readonly tenantId: string; readonly relationshipId: string; readonly meetingId: string },
  now: Instant,
  count = 3,
): Promise<Result<Instant[]>> {
  const context = await loadContext(deps, input.tenantId, input.relationshipId);
  if (!context.ok) return context;
  const { agreement, mentor, mentee, aggregate } = context.value;
  const candidates = timesToRebook(agreement, now, 14);
  if (candidates.length === 0) return ok([]);
  const duration = agreement.meetingMinutes * MINUTE;
  const buffer = agreement.bufferMinutes * MINUTE;
  const calendars = await deps.calendar.getCalendars({
    requesterId: mentor.personId,
    people: [mentor, mentee],
    range: { start: candidates[0]! - buffer - HOUR, end: candidates.at(-1)! + duration + buffer + HOUR },
  });
  if (!calendars.ok) return calendars;
  const missed = aggregate.meetings.find((m) => m.id === input.meetingId);
  const others = upcomingMeetings(aggregate.meetings, now).filter((m) => m.id !== input.meetingId);
  // The missed meeting's own event still shows as busy at its old time; it is the one to move.
  const ownTime = (i: Interval) => missed !== undefined && i.start === missed.start && i.end === missed.end;
  const taken = widenIntervals([...others, ...calendars.value.flatMap((c) => c.busy.filter((i) => !ownTime(i)))], buffer, buffer);
  return ok(candidates.filter((start) => !taken.some((t) => overlaps(t, { start, end: start + duration }))).slice(0, count));
}

export async function rebookMissedMeeting(deps: BookingDeps, call: UseCaseCall<RebookMissedMeetingInput>): Promise<Result<RebookOutcome>> {
  const context = await loadContextForPerson(deps, call.principal, call.input.relationshipId);
  if (!context.ok) return context;
  const meeting = context.value.aggregate.meetings.find((m) => m.id === call.input.meetingId);
  if (!meeting) return meetingNotFound();
  if (meeting.rebookedAfterMiss) return ok({ kind: 'alreadyBooked', meeting, bookedBy: meeting.rebookedAfterMiss.by });
  const attendance = meeting.attendance;
  if (meeting.status !== 'planned' || attendance?.outcome !== 'missed') {
    return fail('BOOKING.NOT_MISSED', 'Only a meeting nobody joined is rebooked from this card; open the schedule to move other meetings.', {
      field: 'meetingId',
    });
  }
  let firstChoice: Meeting | undefined;
  const moved = await moveInsideBoundaries(deps, call, context.value, meeting, call.input.start, (stored, time) => {
    if (stored.rebookedAfterMiss) {
      firstChoice = stored;
      return undefined;
    }
    const { attendance: _missed, ...rest } = withoutVersion(stored);
    return {
      ...rest,
      start: time.start,
      end: time.end,
      outsideBoundaries: false,
      rebookedAfterMiss: { from: { start: stored.start, end: stored.end }, attendance, by: call.principal.userId, at: call.now },
    };
  });
  if (!moved.ok) return moved;
  const standing = firstChoice;
  if (standing?.rebookedAfterMiss) {
    // The partner chose another time between our read and our write: their choice stands, so the
    // event goes back to it (it was moved to ours a moment ago).
    if (standing.eventId !== undefined && standing.start !== call.input.start) {
      const back = await deps.calendar.moveEvent(refOf({ ...standing, eventId: standing.eventId }), standing.start, standing.end);
      if (!back.ok) return back;
    }
    return ok({ kind: 'alreadyBooked', meeting: standing, bookedBy: standing.rebookedAfterMiss.by });
  }
  return ok({ kind: 'booked', meeting: moved.value, bookedBy: call.principal.userId });
}
