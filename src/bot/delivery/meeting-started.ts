import { recordMeetingStart } from '../../core/delivery/meeting-ending-soon';
import type { MentoringRepositories } from '../../core/ports/repositories';
import { fail, ok, type Result } from '../../core/result';
import type { Instant } from '../../core/time/interval';
import { findMeeting } from './meeting-ended';

/** A Teams meetingStart event as the host read it from the activity. */
export interface MeetingStartEvent {
  readonly tenantId: string;
  /** from.aadObjectId: one of the pair, or the event is not ours. */
  readonly senderId: string;
  readonly joinUrl: string;
  /** Teams' meeting id (channelData.meeting.id), what in-meeting notifications are addressed to. */
  readonly teamsMeetingId: string;
  readonly serviceUrl: string;
  /** The meeting chat's conversation id. */
  readonly chatId: string;
  readonly startedAt: Instant;
}

export interface MeetingStartDeps {
  readonly repos: MentoringRepositories;
  readonly plan: (tenantId: string, relationshipId: string) => Promise<Result<unknown>>;
  readonly relationshipOfJoinUrl?: (tenantId: string, joinUrl: string) => Promise<string | undefined>;
}

/**
 * What a meetingStart event does: find the pair's meeting by its join URL among the sender's own
 * relationships (as for meetingEnd, never an id from the activity), record the Teams meeting it
 * names, and plan what is due, which now includes the in-meeting "5 minutes left" nudge to both.
 * A repeated event changes nothing (the first record stands; planning is idempotent).
 */
export async function handleMeetingStart(deps: MeetingStartDeps, event: MeetingStartEvent): Promise<Result<{ relationshipId: string; meetingId: string }>> {
  const found = await findMeeting(deps, event);
  if (!found.ok) return found;
  if (!found.value) return fail('BOT.MEETING_UNKNOWN', 'That meeting is not one of your mentoring meetings.');
  const { relationship, meeting } = found.value;
  const teams = { meetingId: event.teamsMeetingId, serviceUrl: event.serviceUrl, chatId: event.chatId, startedAt: event.startedAt };
  let current = meeting;
  for (let attempt = 0; attempt < 3; attempt++) {
    const next = recordMeetingStart(current, teams);
    if (!next) break;
    const written = await deps.repos.relationships.meetings.update(event.tenantId, relationship.id, next, current.version);
    if (written.ok) break;
    if (written.error.code !== 'STORAGE.CONFLICT') return written;
    // Someone wrote the meeting meanwhile (a sync, a second event): record on what is stored now.
    const again = await deps.repos.relationships.meetings.get(event.tenantId, relationship.id, meeting.id);
    if (!again.ok) return again;
    current = again.value;
  }
  const planned = await deps.plan(event.tenantId, relationship.id);
  if (!planned.ok) return planned;
  return ok({ relationshipId: relationship.id, meetingId: meeting.id });
}
