import { recordMeetingEnd } from '../../core/delivery/meeting-end';
import type { AttendanceOutcome, Meeting } from '../../core/relationships/meeting';
import type { Relationship } from '../../core/relationships/relationship';
import type { MeetingAttendancePort } from '../../core/ports/meeting-attendance';
import type { MentoringRepositories } from '../../core/ports/repositories';
import { fail, ok, type Result } from '../../core/result';
import type { Instant } from '../../core/time/interval';

/** A Teams meetingEnd event as the host read it from the activity. */
export interface MeetingEndEvent {
  readonly tenantId: string;
  /** The person Teams names as the sender (from.aadObjectId): one of the pair, or the event is not ours. */
  readonly senderId: string;
  readonly joinUrl: string;
  readonly endedAt: Instant;
}

export interface MeetingEndDeps {
  readonly repos: MentoringRepositories;
  /** App-only attendance reports for the tenant; a failure means "unknown": both get the check-in. */
  readonly attendanceFor: (tenantId: string) => Result<MeetingAttendancePort>;
  readonly plan: (tenantId: string, relationshipId: string) => Promise<Result<unknown>>;
  /**
   * The relationship a join URL was recorded for (one point read), when the store keeps that index:
   * a hint, checked against the relationship as stored; without it, or when it does not hold, the
   * sender's relationships are searched.
   */
  readonly relationshipOfJoinUrl?: (tenantId: string, joinUrl: string) => Promise<string | undefined>;
  readonly log?: (event: string, details: Record<string, unknown>) => void;
}

type Found = { readonly relationship: Relationship; readonly meeting: Meeting };

const isMember = (rel: Relationship, personId: string) => rel.mentorId === personId || rel.menteeId === personId;
const meetingWith = (meetings: readonly Meeting[], joinUrl: string) => meetings.find((m) => m.joinUrl === joinUrl && m.status !== 'cancelled');

/**
 * The sender's meeting with that join URL. Through the join URL index: one point read, then the
 * relationship's aggregate (which planning reads next anyway), checked: the sender is one of the
 * pair and the meeting as stored has that join URL. Otherwise among the sender's own relationships.
 * Never an id from the activity.
 */
async function findMeeting(deps: MeetingEndDeps, event: MeetingEndEvent): Promise<Result<Found | undefined>> {
  const hinted = deps.relationshipOfJoinUrl ? await deps.relationshipOfJoinUrl(event.tenantId, event.joinUrl) : undefined;
  if (hinted !== undefined) {
    const aggregate = await deps.repos.relationships.getAggregate(event.tenantId, hinted);
    if (aggregate.ok && isMember(aggregate.value.relationship, event.senderId)) {
      const meeting = meetingWith(aggregate.value.meetings, event.joinUrl);
      if (meeting) return ok({ relationship: aggregate.value.relationship, meeting });
    }
  }
  const relationships = await deps.repos.relationships.listForPerson(event.tenantId, event.senderId);
  if (!relationships.ok) return relationships;
  for (const relationship of relationships.value) {
    const meetings = await deps.repos.relationships.meetings.list(event.tenantId, relationship.id);
    if (!meetings.ok) return meetings;
    const meeting = meetingWith(meetings.value, event.joinUrl);
    if (meeting) return ok({ relationship, meeting });
  }
  return ok(undefined);
}

/**
 * What a meetingEnd event does: find the pair's meeting by its join URL among the sender's own
 * relationships (never trusting an id from the activity), read who joined, record the real end and
 * the outcome, and queue what is due (check-ins to those who joined, or the missed-meeting cards).
 * A repeated event reads nothing again: the first record stands and planning is idempotent.
 */
export async function handleMeetingEnd(deps: MeetingEndDeps, event: MeetingEndEvent): Promise<Result<{ relationshipId: string; meetingId: string; outcome: AttendanceOutcome }>> {
  const found = await findMeeting(deps, event);
  if (!found.ok) return found;
  if (!found.value) return fail('BOT.MEETING_UNKNOWN', 'That meeting is not one of your mentoring meetings.');
  const { relationship: rel, meeting } = found.value;
  let current: Meeting = meeting;
  if (!meeting.attendance) {
    let joined: string[] | undefined;
    const port = deps.attendanceFor(event.tenantId);
    const read = port.ok ? await port.value.whoJoined(meeting.organizerId, event.joinUrl) : port;
    if (read.ok) joined = read.value;
    else deps.log?.('attendance not read; check-ins go to both', { tenantId: event.tenantId, meetingId: meeting.id, code: read.error.code });
    const updated = await deps.repos.relationships.meetings.update(event.tenantId, rel.id, recordMeetingEnd(meeting, rel, event.endedAt, joined), meeting.version);
    if (updated.ok) current = updated.value;
    else {
      if (updated.error.code !== 'STORAGE.CONFLICT') return updated;
      // Another event (or a sync) wrote first: its record stands.
      const stored = await deps.repos.relationships.meetings.get(event.tenantId, rel.id, meeting.id);
      if (!stored.ok) return stored;
      current = stored.value;
    }
  }
  const planned = await deps.plan(event.tenantId, rel.id);
  if (!planned.ok) return planned;
  return ok({ relationshipId: rel.id, meetingId: meeting.id, outcome: current.attendance?.outcome ?? 'unknown' });
}
