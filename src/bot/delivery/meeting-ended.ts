import { recordMeetingEnd } from '../../core/delivery/meeting-end';
import type { AttendanceOutcome } from '../../core/relationships/meeting';
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
  readonly log?: (event: string, details: Record<string, unknown>) => void;
}

/**
 * What a meetingEnd event does: find the pair's meeting by its join URL among the sender's own
 * relationships (never trusting an id from the activity), read who joined, record the real end and
 * the outcome, and queue what is due (check-ins to those who joined, or the missed-meeting cards).
 * A repeated event reads nothing again: the first record stands and planning is idempotent.
 */
export async function handleMeetingEnd(deps: MeetingEndDeps, event: MeetingEndEvent): Promise<Result<{ relationshipId: string; meetingId: string; outcome: AttendanceOutcome }>> {
  const relationships = await deps.repos.relationships.listForPerson(event.tenantId, event.senderId);
  if (!relationships.ok) return relationships;
  for (const rel of relationships.value) {
    const meetings = await deps.repos.relationships.meetings.list(event.tenantId, rel.id);
    if (!meetings.ok) return meetings;
    const meeting = meetings.value.find((m) => m.joinUrl === event.joinUrl && m.status !== 'cancelled');
    if (!meeting) continue;
    if (!meeting.attendance) {
      let joined: string[] | undefined;
      const port = deps.attendanceFor(event.tenantId);
      const read = port.ok ? await port.value.whoJoined(meeting.organizerId, event.joinUrl) : port;
      if (read.ok) joined = read.value;
      else deps.log?.('attendance not read; check-ins go to both', { tenantId: event.tenantId, meetingId: meeting.id, code: read.error.code });
      const updated = await deps.repos.relationships.meetings.update(event.tenantId, rel.id, recordMeetingEnd(meeting, rel, event.endedAt, joined), meeting.version);
      if (!updated.ok && updated.error.code !== 'STORAGE.CONFLICT') return updated;
    }
    const current = await deps.repos.relationships.meetings.get(event.tenantId, rel.id, meeting.id);
    if (!current.ok) return current;
    const planned = await deps.plan(event.tenantId, rel.id);
    if (!planned.ok) return planned;
    return ok({ relationshipId: rel.id, meetingId: meeting.id, outcome: current.value.attendance?.outcome ?? 'unknown' });
  }
  return fail('BOT.MEETING_UNKNOWN', 'That meeting is not one of your mentoring meetings.');
}
