/**
 * The Outlook pane's second way in. Exchange copies the organizer's invite to each attendee without the
 * add-in's custom properties, so on an attendee's copy the pane has no ids; it has the invite's
 * iCalendar UID, which every copy shares. This finds the caller's meeting with that UID among the
 * caller's own relationships only: anyone else's meeting, or an unknown UID, is the same not-found.
 */
import { fail, ok, type Result } from '../result';
import type { MentoringRepositories } from '../ports/repositories';
import type { UseCaseCall } from '../usecases/principal';

export async function findMeetingByICalUId(
  deps: { readonly repos: MentoringRepositories },
  call: UseCaseCall<{ readonly iCalUId: string }>,
): Promise<Result<{ readonly relationshipId: string; readonly meetingId: string }>> {
  const { principal, input } = call;
  const mine = await deps.repos.relationships.listForPerson(principal.tenantId, principal.userId);
  if (!mine.ok) return mine;
  const wanted = input.iCalUId.trim().toLowerCase();
  // Newest relationships first: a UID is unique, so the order only decides how soon it is found.
  for (const relationship of [...mine.value].reverse()) {
    const meetings = await deps.repos.relationships.meetings.list(principal.tenantId, relationship.id);
    if (!meetings.ok) return meetings;
    const found = meetings.value.find((m) => m.iCalUId?.toLowerCase() === wanted);
    if (found) return ok({ relationshipId: relationship.id, meetingId: found.id });
  }
  return fail('BOOKING.MEETING_NOT_FOUND', 'None of your mentoring meetings has this invite: it is not a mentoring meeting, or it was booked before the add-in could recognise it.', {
    field: 'iCalUId',
  });
}
