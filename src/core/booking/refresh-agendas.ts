/**
 * When goals, the roadmap or action items change, the invites of FUTURE booked meetings get the new
 * agenda (past ones keep what was discussed). Unchanged agendas are not sent again (digest), and the
 * updates of all meetings go out batched. Called by its endpoint after an edit, and by the calendar
 * sync timer for every watched relationship, so an edit reaches the invites within one sync period.
 */
import { ok, type Result } from '../result';
import type { Instant } from '../time/interval';
import type { Meeting } from '../relationships/meeting';
import { agendaOf, loadContext, type BookingContext } from './booking-context';
import type { BookingDeps } from './booking-ports';
import { agendaDigest, upcomingMeetings } from './booking-rules';
import { inParallel, STORAGE_CONCURRENCY } from './in-parallel';
import { withoutVersion, writeMeeting } from './write-meeting';
import type { ErrorCode } from '../error-codes';

export interface AgendaRefreshOutcome {
  readonly updated: readonly string[];
  readonly unchanged: readonly string[];
  readonly failed: readonly { readonly meetingId: string; readonly code: ErrorCode }[];
}

export async function refreshAgendas(deps: BookingDeps, input: { readonly tenantId: string; readonly relationshipId: string }, now: Instant): Promise<Result<AgendaRefreshOutcome>> {
  const context = await loadContext(deps, input.tenantId, input.relationshipId);
  if (!context.ok) return context;
  return refreshAgendasOf(deps, [{ context: context.value, meetings: context.value.aggregate.meetings }], now);
}

/** The agendas of several relationships at once (their meetings as currently known), in shared batches. */
export async function refreshAgendasOf(
  deps: BookingDeps,
  work: readonly { readonly context: BookingContext; readonly meetings: readonly Meeting[] }[],
  now: Instant,
): Promise<Result<AgendaRefreshOutcome>> {
  const rendered = work.flatMap(({ context, meetings }) =>
    upcomingMeetings(meetings, now)
      .filter((m): m is Meeting & { eventId: string } => m.bookingState !== 'pending' && m.eventId !== undefined)
      .map((meeting) => {
        const agenda = agendaOf(context, meeting);
        return { context, meeting, agenda, digest: agendaDigest(agenda.subject, agenda.html) };
      }),
  );
  const changed = rendered.filter((r) => r.meeting.agendaDigest !== r.digest);
  const results = await deps.calendar.updateEventBodies(
    changed.map((r) => ({ ref: { eventId: r.meeting.eventId, organizerId: r.meeting.organizerId }, bodyHtml: r.agenda.html })),
  );
  const written = await inParallel(changed, STORAGE_CONCURRENCY, async ({ context, meeting, digest }, i): Promise<Result<'updated' | 'failed'>> => {
    if (!results[i]!.ok) return ok('failed');
    const w = await writeMeeting(deps, context.tenantId, context.aggregate.relationship.id, meeting, (stored) => ({ ...withoutVersion(stored), agendaDigest: digest }));
    return w.ok ? ok('updated') : w;
  });
  const updated: string[] = [];
  const failed: { meetingId: string; code: ErrorCode }[] = [];
  for (let i = 0; i < changed.length; i++) {
    const w = written[i]!;
    if (!w.ok) return w;
    const r = results[i]!;
    if (w.value === 'updated') updated.push(changed[i]!.meeting.id);
    else if (!r.ok) failed.push({ meetingId: changed[i]!.meeting.id, code: r.error.code });
  }
  return ok({ updated, unchanged: rendered.filter((r) => !changed.includes(r)).map((r) => r.meeting.id), failed });
}
