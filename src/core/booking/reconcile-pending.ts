/**
 * Pending → calendar → booked. Every pending meeting is (re)created with its deterministic
 * transaction id, so whether the earlier attempt never reached the calendar, or created the event
 * and crashed before storing its id, the calendar answers with exactly one event, whose id is then
 * stored. Creates go out batched through the port.
 */
import type { Result } from '../result';
import type { ErrorCode } from '../error-codes';
import type { CalendarEventRef } from '../ports/calendar';
import type { Meeting } from '../relationships/meeting';
import { agendaOf, plannedEventOf, type BookingContext } from './booking-context';
import type { BookingDeps } from './booking-ports';
import { agendaDigest, isTransientCalendarError } from './booking-rules';
import { withoutVersion, writeMeeting } from './write-meeting';
import { inParallel, STORAGE_CONCURRENCY } from './in-parallel';

export interface ReconcileOutcome {
  readonly meetings: Meeting[];
  /** Meetings still pending after this attempt (throttled or unreachable calendar), with why. */
  readonly stillPending: { readonly meetingId: string; readonly code: ErrorCode }[];
  readonly failed: { readonly meetingId: string; readonly code: ErrorCode; readonly message: string }[];
}

/** Several contexts at once, so a timer or a cohort run books many pairs in shared batches. */
export async function reconcilePendingMany(
  deps: BookingDeps,
  work: readonly { readonly context: BookingContext; readonly meetings: readonly Meeting[] }[],
): Promise<Result<ReconcileOutcome>[]> {
  const flat = work.flatMap(({ context, meetings }) => meetings.map((meeting) => ({ context, meeting, agenda: agendaOf(context, meeting) })));
  const created = flat.length > 0 ? await deps.calendar.createEvents(flat.map((f) => plannedEventOf(f.context, f.meeting, f.agenda))) : [];
  const written = await inParallel(flat, STORAGE_CONCURRENCY, (f, i) => recordOutcome(deps, f.context, f.meeting, created[i]!, agendaDigest(f.agenda.subject, f.agenda.html)));
  let cursor = 0;
  return work.map(({ meetings }) => {
    const outcome: ReconcileOutcome = { meetings: [], stillPending: [], failed: [] };
    for (let k = 0; k < meetings.length; k++, cursor++) {
      const result = written[cursor]!;
      if (!result.ok) return result;
      outcome.meetings.push(result.value.meeting);
      const created1 = created[cursor]!;
      if (!created1.ok) {
        if (isTransientCalendarError(created1.error.code)) outcome.stillPending.push({ meetingId: meetings[k]!.id, code: created1.error.code });
        else outcome.failed.push({ meetingId: meetings[k]!.id, code: created1.error.code, message: created1.error.message });
      }
    }
    return { ok: true as const, value: outcome };
  });
}

async function recordOutcome(
  deps: BookingDeps,
  context: BookingContext,
  meeting: Meeting,
  created: Result<CalendarEventRef>,
  digest: string,
): Promise<Result<{ meeting: Meeting }>> {
  const relationshipId = context.aggregate.relationship.id;
  const written = await writeMeeting(deps, context.tenantId, relationshipId, meeting, (stored) => {
    // Another writer finished the booking (or the meeting was cancelled) meanwhile: nothing to add.
    if (stored.bookingState !== 'pending' || stored.status !== 'planned') return undefined;
    if (created.ok) {
      const { bookingError: _e, ...rest } = withoutVersion(stored);
      return {
        ...rest,
        bookingState: 'booked',
        eventId: created.value.eventId,
        organizerId: created.value.organizerId,
        ...(created.value.joinUrl ? { joinUrl: created.value.joinUrl } : {}),
        ...(created.value.iCalUId ? { iCalUId: created.value.iCalUId } : {}),
        agendaDigest: digest,
      };
    }
    const transient = isTransientCalendarError(created.error.code);
    return {
      ...withoutVersion(stored),
      bookingState: transient ? 'pending' : 'failed',
      bookingError: { code: created.error.code, message: created.error.message },
    };
  });
  return written.ok ? { ok: true, value: { meeting: written.value } } : written;
}
