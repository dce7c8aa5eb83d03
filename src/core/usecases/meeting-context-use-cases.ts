import { fail, ok, type Result } from '../result';
import type { Meeting } from '../relationships/meeting';
import { chatThreadIdOfJoinUrl, isMeetingChatId } from '../relationships/meeting-chat';
import type { MentoringDeps } from './deps';
import type { UseCaseCall } from './principal';

export interface MeetingOfChat {
  readonly relationshipId: string;
  readonly meeting: Meeting;
}

/**
 * Which of my mentoring meetings a Teams meeting chat belongs to (the side panel's context): looked
 * up among the caller's own relationships by the thread id their meetings' join links carry. A chat
 * that is not one of the caller's meetings is not found, whoever else's it is.
 */
export async function findMeetingOfChat(deps: Pick<MentoringDeps, 'repos'>, call: UseCaseCall<{ readonly chatId: string }>): Promise<Result<MeetingOfChat>> {
  const { principal, input } = call;
  if (!isMeetingChatId(input.chatId)) {
    return fail('MEETING_CONTEXT.INVALID_CHAT_ID', 'That is not a Teams meeting chat id (19:meeting_…@thread.v2). Open the app from the meeting.', { field: 'chatId' });
  }
  const mine = await deps.repos.relationships.listForPerson(principal.tenantId, principal.userId);
  if (!mine.ok) return mine;
  for (const relationship of mine.value) {
    if (relationship.mentorId !== principal.userId && relationship.menteeId !== principal.userId) continue;
    const meetings = await deps.repos.relationships.meetings.list(principal.tenantId, relationship.id);
    if (!meetings.ok) return meetings;
    const meeting = meetings.value.find((m) => m.status !== 'cancelled' && m.joinUrl !== undefined && chatThreadIdOfJoinUrl(m.joinUrl) === input.chatId);
    if (meeting) return ok({ relationshipId: relationship.id, meeting });
  }
  return fail('MEETING_CONTEXT.NOT_FOUND', 'This meeting is not one of your mentoring meetings, so the panel has nothing to show here.');
}
