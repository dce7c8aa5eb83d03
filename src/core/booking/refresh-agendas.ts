/**
 * When goals, the roadmap or action items change, the invites of FUTURE booked meetings get the new
 * agenda (past ones keep what was discussed). Unchanged agendas are not sent again (digest), and the
 * updates of all meetings go out batched.
 */
import { ok, type Result } from '../result';
import type { Instant } from '../time/interval';
import type { Meeting } from '../relationships/meeting';
import { agendaOf, loadContext } from './booking-context';
import type { BookingDeps } from './booking-ports';
import { agendaDigest, upcomingMeetings } from './booking-rules';
import { withoutVersion, writeMeeting } from './write-meeting';

export interface AgendaRefreshOutcome {
  readonly updated: readonly string[];
  readonly unchanged: readonly string[];
  readonly failed: readonly { readonly meetingId: string; readonly code: string }[];
}

export async function refreshAgendas(deps: BookingDeps, input: { readonly tenantId: string; readonly relationshipId: string }, now: Instant): Promise<Result<AgendaRefreshOutcome>> {
  const context = await loadContext(deps, input.tenantId, input.relationshipId);
  if (!context.ok) return context;
  const future = upcomingMeetings(context.value.aggregate.meetings, now).filter(
    (m): m is Meeting & { eventId: string } => m.bookingState !== 'pending' && m.eventId !== undefined,
  );
  const rendered = future.map((meeting) => {
    const agenda = agendaOf(context.value, meeting);
    return { meeting, agenda, digest: agendaDigest(agenda.subject, agenda.html) };
  });
  const changed = rendered.filter((r) => r.meeting.agendaDigest !== r.digest);
  const results = await deps.calendar.updateEventBodies(
    changed.map((r) => ({ ref: { eventId: r.meeting.eventId, organizerId: r.meeting.organizerId }, bodyHtml: r.agenda.html })),
  );
  const updated: string[] = [];
  const failed: { meetingId: string; code: string }[] = [];
  for (let i = 0; i < changed.length; i++) {
    const { meeting, digest } = changed[i]!;
    const result = results[i]!;
    if (!result.ok) {
      failed.push({ meetingId: meeting.id, code: result.error.code });
      continue;
    }
    const written = await writeMeeting(deps, input.tenantId, input.relationshipId, meeting, (stored) => ({ ...withoutVersion(stored), agendaDigest: digest }));
    if (!written.ok) return written;
    updated.push(meeting.id);
  }
  return ok({ updated, unchanged: rendered.filter((r) => !changed.includes(r)).map((r) => r.meeting.id), failed });
}
