/** Reschedule inside the boundaries, or cancel with a comment — both for a signed-in member of the pair. */
import { fail, ok, type Result } from '../result';
import { HOUR, MINUTE, type Instant } from '../time/interval';
import { overlaps, widenIntervals } from '../time/interval-algebra';
import { isWildcardVersion, STORAGE_NOT_FOUND, wildcardVersionRefused } from '../ports/repositories';
import type { CalendarEventRef } from '../ports/calendar';
import type { Meeting } from '../relationships/meeting';
import type { UseCaseCall } from '../usecases/principal';
import { loadContext, loadContextForPerson, meetingNotFound, type BookingContext } from './booking-context';
import type { ErrorCode } from '../error-codes';
import type { BookingDeps } from './booking-ports';
import { insideBoundaries, upcomingMeetings } from './booking-rules';
import { reconcilePendingMany } from './reconcile-pending';
import { withoutVersion, writeMeeting } from './write-meeting';

export interface RescheduleMeetingInput {
  readonly relationshipId: string;
  readonly meetingId: string;
  readonly start: Instant;
  readonly version?: string;
}

export interface CancelMeetingInput {
  readonly relationshipId: string;
  readonly meetingId: string;
  readonly comment: string;
  /** The meeting's version as the caller read it; a different stored version is `STORAGE.CONFLICT`. */
  readonly version?: string;
}

async function loadChangeable(
  deps: BookingDeps,
  call: UseCaseCall<{ relationshipId: string; meetingId: string; version?: string }>,
  needsActive = true,
): Promise<Result<{ context: BookingContext; meeting: Meeting }>> {
  const context = await loadContextForPerson(deps, call.principal, call.input.relationshipId, needsActive);
  if (!context.ok) return context;
  const meeting = context.value.aggregate.meetings.find((m) => m.id === call.input.meetingId);
  if (!meeting) return meetingNotFound();
  if (call.input.version !== undefined && isWildcardVersion(call.input.version)) return wildcardVersionRefused();
  if (call.input.version !== undefined && call.input.version !== meeting.version) {
    return fail('STORAGE.CONFLICT', 'The meeting changed in the meantime. Reload to see the latest and try again.', { field: 'version' });
  }
  if (meeting.status !== 'planned') {
    return fail('BOOKING.MEETING_NOT_PLANNED', `This meeting is ${meeting.status}; only planned meetings can be changed.`, { field: 'meetingId' });
  }
  if (meeting.start <= call.now) return fail('BOOKING.MEETING_STARTED', 'This meeting has already started; it can no longer be changed.', { field: 'meetingId' });
  return ok({ context: context.value, meeting });
}

/** A pending meeting may already have its event (a crash after the create): finish the booking first. */
export async function ensureBooked(deps: BookingDeps, context: BookingContext, meeting: Meeting): Promise<Result<Meeting & { eventId: string }>> {
  let current = meeting;
  if (current.bookingState === 'pending' || current.eventId === undefined) {
    const [reconciled] = await reconcilePendingMany(deps, [{ context, meetings: [current] }]);
    if (!reconciled!.ok) return reconciled!;
    const pending = reconciled!.value.stillPending[0] ?? reconciled!.value.failed[0];
    if (pending) return fail(pending.code, 'Outlook could not be reached to book this meeting; try again in a few minutes.');
    current = reconciled!.value.meetings[0]!;
  }
  if (current.eventId === undefined) return fail('BOOKING.NOT_IN_CALENDAR', 'This meeting is not in the calendar yet; try again in a few minutes.');
  return ok(current as Meeting & { eventId: string });
}

export const refOf = (m: Meeting & { eventId: string }): CalendarEventRef => ({ eventId: m.eventId, organizerId: m.organizerId });

export async function rescheduleMeeting(deps: BookingDeps, call: UseCaseCall<RescheduleMeetingInput>): Promise<Result<Meeting>> {
  const loaded = await loadChangeable(deps, call);
  if (!loaded.ok) return loaded;
  return moveInsideBoundaries(deps, call, loaded.value.context, loaded.value.meeting, call.input.start, (stored, time) => ({
    ...withoutVersion(stored),
    start: time.start,
    end: time.end,
    outsideBoundaries: false,
  }));
}

/**
 * Moves the meeting's event to `start` once the time passes every boundary check (the agreement's
 * windows and dates, the notice, the buffer around the pair's other meetings, both calendars' free/busy),
 * then records it with `change` (applied again to a re-read meeting on a write conflict; undefined
 * leaves the stored meeting as it is).
 */
export async function moveInsideBoundaries(
  deps: BookingDeps,
  call: UseCaseCall<unknown>,
  context: BookingContext,
  meeting: Meeting,
  start: Instant,
  change: (stored: Meeting, time: { start: Instant; end: Instant }) => Omit<Meeting, 'version'> | undefined,
): Promise<Result<Meeting>> {
  const { agreement } = context;
  const time = { start, end: start + agreement.meetingMinutes * MINUTE };
  if (!insideBoundaries(agreement, time)) {
    return fail('BOOKING.OUTSIDE_BOUNDARIES', 'That time is outside the meeting windows you both agreed (or outside the agreement’s dates). Pick a proposed slot.', {
      field: 'start',
    });
  }
  const earliest = call.now + agreement.minimumNoticeHours * HOUR;
  if (time.start < earliest) {
    return fail('BOOKING.TOO_SOON', `The agreement asks for ${agreement.minimumNoticeHours} hours' notice; pick a later time.`, {
      field: 'start',
      details: { earliestStart: earliest },
    });
  }
  const buffer = agreement.bufferMinutes * MINUTE;
  const others = upcomingMeetings(context.aggregate.meetings, call.now).filter((m) => m.id !== meeting.id);
  if (widenIntervals(others, buffer, buffer).some((o) => overlaps(o, time))) {
    return fail('BOOKING.SLOT_BUSY', 'That time is too close to another meeting of yours; pick a proposed slot.', { field: 'start' });
  }
  const calendars = await deps.calendar.getCalendars({
    requesterId: call.principal.userId,
    people: [context.mentor, context.mentee],
    range: { start: time.start - buffer - HOUR, end: time.end + buffer + HOUR },
  });
  if (!calendars.ok) return calendars;
  // The meeting's own event shows as busy in both calendars; it is the one being moved.
  const ownTime = (i: { start: Instant; end: Instant }) => i.start === meeting.start && i.end === meeting.end;
  const busy = calendars.value.flatMap((c) => c.busy.filter((i) => !ownTime(i)));
  if (widenIntervals(busy, buffer, buffer).some((b) => overlaps(b, time))) {
    return fail('BOOKING.SLOT_BUSY', 'One of you is busy then (buffers included); pick a proposed slot.', { field: 'start' });
  }
  const booked = await ensureBooked(deps, context, meeting);
  if (!booked.ok) return booked;
  const moved = await deps.calendar.moveEvent(refOf(booked.value), time.start, time.end);
  if (!moved.ok) return moved;
  return writeMeeting(deps, context.tenantId, context.aggregate.relationship.id, booked.value, (stored) => change(stored, time));
}

export async function cancelMeeting(deps: BookingDeps, call: UseCaseCall<CancelMeetingInput>): Promise<Result<Meeting>> {
  const comment = call.input.comment.trim();
  if (comment.length === 0 || comment.length > 500) {
    return fail('BOOKING.COMMENT_REQUIRED', 'Say in a few words (up to 500 characters) why the meeting is cancelled; your partner sees it in Outlook.', {
      field: 'comment',
    });
  }
  // A closed relationship's meetings can still be cancelled (closing cancels them; this finishes what it could not).
  const loaded = await loadChangeable(deps, call, false);
  if (!loaded.ok) return loaded;
  const { context, meeting } = loaded.value;
  const written = await cancelInCalendar(deps, context, meeting, comment, call.now);
  if (!written.ok && written.error.code === STORAGE_NOT_FOUND) return meetingNotFound();
  return written;
}

/** Cancels the meeting's event in Outlook (Graph /cancel, the comment goes to the attendees) and records it cancelled. */
async function cancelInCalendar(deps: BookingDeps, context: BookingContext, meeting: Meeting, comment: string, now: Instant): Promise<Result<Meeting>> {
  const booked = await ensureBooked(deps, context, meeting);
  if (!booked.ok && booked.error.code !== 'BOOKING.NOT_IN_CALENDAR') return booked;
  if (booked.ok) {
    const cancelled = await deps.calendar.cancelEvent(refOf(booked.value), comment);
    // Already deleted in Outlook: the goal (no event) is reached.
    if (!cancelled.ok && cancelled.error.code !== 'GRAPH.NOT_FOUND') return cancelled;
  }
  const current = booked.ok ? booked.value : meeting;
  return writeMeeting(deps, context.tenantId, context.aggregate.relationship.id, current, (stored) =>
    stored.status === 'cancelled' ? undefined : { ...withoutVersion(stored), status: 'cancelled', cancelledAt: now, cancelReason: comment },
  );
}

export const CLOSED_RELATIONSHIP_COMMENT = 'The mentoring relationship was closed, so this meeting is cancelled. Thank you for the time you spent together.';

export interface ClosingCleanup {
  /** Future meetings now cancelled in Outlook and on record. */
  readonly cancelled: readonly string[];
  /** Future meetings Outlook could not cancel this time (the sync timer tries again), with why. */
  readonly left: readonly { readonly meetingId: string; readonly code: ErrorCode }[];
}

/**
 * Closing cleans up: every future planned meeting of a closed relationship is cancelled in Outlook
 * with a comment to both people; meetings that have started or were held stay as they are. Called
 * when the relationship is closed and by every sync run, so what Outlook refused once is finished later.
 */
export async function cancelMeetingsOfClosed(deps: BookingDeps, context: BookingContext, now: Instant): Promise<Result<ClosingCleanup>> {
  if (context.aggregate.relationship.status !== 'closed') return ok({ cancelled: [], left: [] });
  const future = context.aggregate.meetings.filter((m) => m.status === 'planned' && m.start > now);
  const cancelled: string[] = [];
  const left: { meetingId: string; code: ErrorCode }[] = [];
  for (const meeting of future) {
    const done = await cancelInCalendar(deps, context, meeting, CLOSED_RELATIONSHIP_COMMENT, now);
    if (done.ok) cancelled.push(meeting.id);
    else left.push({ meetingId: meeting.id, code: done.error.code });
  }
  return ok({ cancelled, left });
}

/** For the API after a close: the relationship's context, then the cleanup. */
export async function cancelMeetingsAfterClosing(deps: BookingDeps, tenantId: string, relationshipId: string, now: Instant): Promise<Result<ClosingCleanup>> {
  const context = await loadContext(deps, tenantId, relationshipId);
  if (!context.ok) return context.error.code === 'BOOKING.NO_ACTIVE_AGREEMENT' ? ok({ cancelled: [], left: [] }) : context;
  return cancelMeetingsOfClosed(deps, context.value, now);
}
