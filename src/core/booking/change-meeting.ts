/** Reschedule inside the boundaries, or cancel with a comment — both for a signed-in member of the pair. */
import { fail, ok, type Result } from '../result';
import { HOUR, MINUTE, type Instant } from '../time/interval';
import { overlaps, widenIntervals } from '../time/interval-algebra';
import { STORAGE_NOT_FOUND } from '../ports/repositories';
import type { CalendarEventRef } from '../ports/calendar';
import type { Meeting } from '../relationships/meeting';
import type { UseCaseCall } from '../usecases/principal';
import { loadContextForPerson, meetingNotFound, type BookingContext } from './booking-context';
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
}

async function loadChangeable(
  deps: BookingDeps,
  call: UseCaseCall<{ relationshipId: string; meetingId: string; version?: string }>,
): Promise<Result<{ context: BookingContext; meeting: Meeting }>> {
  const context = await loadContextForPerson(deps, call.principal, call.input.relationshipId);
  if (!context.ok) return context;
  const meeting = context.value.aggregate.meetings.find((m) => m.id === call.input.meetingId);
  if (!meeting) return meetingNotFound();
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
async function ensureBooked(deps: BookingDeps, context: BookingContext, meeting: Meeting): Promise<Result<Meeting & { eventId: string }>> {
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

const refOf = (m: Meeting & { eventId: string }): CalendarEventRef => ({ eventId: m.eventId, organizerId: m.organizerId });

export async function rescheduleMeeting(deps: BookingDeps, call: UseCaseCall<RescheduleMeetingInput>): Promise<Result<Meeting>> {
  const loaded = await loadChangeable(deps, call);
  if (!loaded.ok) return loaded;
  const { context, meeting } = loaded.value;
  const { agreement } = context;
  const time = { start: call.input.start, end: call.input.start + agreement.meetingMinutes * MINUTE };
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
  return writeMeeting(deps, context.tenantId, context.aggregate.relationship.id, booked.value, (stored) => ({
    ...withoutVersion(stored),
    start: time.start,
    end: time.end,
    outsideBoundaries: false,
  }));
}

export async function cancelMeeting(deps: BookingDeps, call: UseCaseCall<CancelMeetingInput>): Promise<Result<Meeting>> {
  const comment = call.input.comment.trim();
  if (comment.length === 0 || comment.length > 500) {
    return fail('BOOKING.COMMENT_REQUIRED', 'Say in a few words (up to 500 characters) why the meeting is cancelled; your partner sees it in Outlook.', {
      field: 'comment',
    });
  }
  const loaded = await loadChangeable(deps, call);
  if (!loaded.ok) return loaded;
  const { context, meeting } = loaded.value;
  const booked = await ensureBooked(deps, context, meeting);
  if (!booked.ok && booked.error.code !== 'BOOKING.NOT_IN_CALENDAR') return booked;
  if (booked.ok) {
    const cancelled = await deps.calendar.cancelEvent(refOf(booked.value), comment);
    // Already deleted in Outlook: the goal (no event) is reached.
    if (!cancelled.ok && cancelled.error.code !== 'GRAPH.NOT_FOUND') return cancelled;
  }
  const current = booked.ok ? booked.value : meeting;
  const written = await writeMeeting(deps, context.tenantId, context.aggregate.relationship.id, current, (stored) =>
    stored.status === 'cancelled' ? undefined : { ...withoutVersion(stored), status: 'cancelled', cancelledAt: call.now, cancelReason: comment },
  );
  if (!written.ok && written.error.code === STORAGE_NOT_FOUND) return meetingNotFound();
  return written;
}
