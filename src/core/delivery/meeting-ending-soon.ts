import type { Meeting, TeamsMeetingRef } from '../relationships/meeting';
import { MINUTE, type Instant } from '../time/interval';
import { idempotencyKeys, type ProactiveMessage } from './bot-message';
import type { RelationshipSnapshot } from './select-proactive-messages';

/** The in-meeting nudge goes this long before the scheduled end. */
export const ENDING_SOON_LEAD = 5 * MINUTE;

/** Still going as far as we know: Teams said it started, and neither its end nor a cancellation arrived. */
export const meetingInProgress = (m: Meeting): boolean =>
  m.status === 'planned' && m.teamsMeeting !== undefined && m.attendance === undefined && m.attendancePending === undefined;

/**
 * Why an in-meeting nudge about `meeting` (planned for the scheduled end `end`) can no longer be
 * sent, or undefined when it still can. Checked again just before the send: the meeting may have
 * been cancelled, ended early or moved since the nudge was planned.
 */
export function endingSoonObstacle(meeting: Meeting | undefined, end: Instant): 'MEETING_CANCELLED' | 'MEETING_ENDED' | 'MEETING_MOVED' | 'NOT_IN_TEAMS' | undefined {
  if (!meeting || meeting.status === 'cancelled') return 'MEETING_CANCELLED';
  if (meeting.attendance !== undefined || meeting.attendancePending !== undefined || meeting.status === 'held') return 'MEETING_ENDED';
  if (meeting.end !== end) return 'MEETING_MOVED';
  if (!meeting.teamsMeeting) return 'NOT_IN_TEAMS';
  return undefined;
}

/**
 * "5 minutes left: capture your action items", to each of the pair inside the Teams meeting, five
 * minutes before its scheduled end: for every meeting Teams said started and that has not ended,
 * from the moment it started (so the nudge waits in the queue, due at end − 5 min, gone at the end).
 * Selected again by every planning of the relationship, it keeps its key, so it is queued once.
 */
export function selectEndingSoonNudges(snapshot: RelationshipSnapshot, now: Instant): ProactiveMessage[] {
  if (snapshot.relationship.status !== 'active') return [];
  return snapshot.meetings
    .filter((m) => meetingInProgress(m) && now < m.end)
    .flatMap((m) =>
      [snapshot.relationship.mentorId, snapshot.relationship.menteeId].map<ProactiveMessage>((personId) => ({
        kind: 'meetingEndingSoon',
        tenantId: snapshot.tenantId,
        personId,
        relationshipId: snapshot.relationship.id,
        meetingId: m.id,
        idempotencyKey: idempotencyKeys.meetingEndingSoon(m.id, personId, m.end),
        notBefore: m.end - ENDING_SOON_LEAD,
        expiresAt: m.end,
      })),
    );
}

/** The meeting as recorded when Teams says it started; a second event changes nothing. */
export function recordMeetingStart(meeting: Meeting, teams: TeamsMeetingRef): Omit<Meeting, 'version'> | undefined {
  if (meeting.teamsMeeting) return undefined;
  const { version: _version, ...rest } = meeting;
  return { ...rest, teamsMeeting: teams };
}
