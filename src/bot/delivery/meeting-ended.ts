import { ATTENDANCE_RETRY_DELAYS, recordAttendancePending, recordMeetingEnd } from '../../core/delivery/meeting-end';
import type { AttendanceOutcome, Meeting } from '../../core/relationships/meeting';
import type { Relationship } from '../../core/relationships/relationship';
import type { AttendanceRetry, MeetingAttendancePort } from '../../core/ports/meeting-attendance';
export type { AttendanceRetry } from '../../core/ports/meeting-attendance';
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
  /**
   * Reads a late report again after `delayMs` (a queue message hidden that long). Without it a late
   * report is treated as unreadable at once: both get the check-in.
   */
  readonly retryLater?: (retry: AttendanceRetry, delayMs: number) => Promise<Result<void>>;
  /** The waits between reads of a late report; production's `ATTENDANCE_RETRY_DELAYS` unless a test shortens them. */
  readonly retryDelays?: readonly number[];
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
export async function findMeeting(deps: Pick<MeetingEndDeps, 'repos' | 'relationshipOfJoinUrl'>, event: Pick<MeetingEndEvent, 'tenantId' | 'senderId' | 'joinUrl'>): Promise<Result<Found | undefined>> {
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

export type MeetingEndOutcome = AttendanceOutcome | 'awaitingReport';

const outcomeOf = (m: Meeting): MeetingEndOutcome => m.attendance?.outcome ?? (m.attendancePending ? 'awaitingReport' : 'unknown');

/**
 * What a meetingEnd event does: find the pair's meeting by its join URL among the sender's own
 * relationships (never trusting an id from the activity), read who joined, record the real end and
 * the outcome, and queue what is due (check-ins to those who joined, or the missed-meeting cards).
 * A report Teams has not written yet is read again later (`retryAttendance`), check-ins waiting for it.
 * A repeated event reads nothing again: the first record stands and planning is idempotent.
 */
export async function handleMeetingEnd(
  deps: MeetingEndDeps,
  event: MeetingEndEvent,
): Promise<Result<{ relationshipId: string; meetingId: string; outcome: MeetingEndOutcome }>> {
  const found = await findMeeting(deps, event);
  if (!found.ok) return found;
  if (!found.value) return fail('BOT.MEETING_UNKNOWN', 'That meeting is not one of your mentoring meetings.');
  const { relationship: rel, meeting } = found.value;
  let current: Meeting = meeting;
  if (!meeting.attendance && !meeting.attendancePending) {
    const recorded = await readAndRecord(deps, event.tenantId, rel, meeting, event.endedAt, 0);
    if (!recorded.ok) return recorded;
    current = recorded.value;
  }
  const planned = await deps.plan(event.tenantId, rel.id);
  if (!planned.ok) return planned;
  return ok({ relationshipId: rel.id, meetingId: meeting.id, outcome: outcomeOf(current) });
}

/**
 * A queued read of a late report: records the attendance once the report is there (and queues what
 * is due), reads again later while the retries last, and then records `unknown` (check-ins to both,
 * as with an unreadable report). A meeting recorded meanwhile (another event, an earlier retry) is left as it is.
 */
export async function retryAttendance(deps: MeetingEndDeps, retry: AttendanceRetry): Promise<Result<MeetingEndOutcome>> {
  const rel = await deps.repos.relationships.get(retry.tenantId, retry.relationshipId);
  if (!rel.ok) return rel;
  const meeting = await deps.repos.relationships.meetings.get(retry.tenantId, retry.relationshipId, retry.meetingId);
  if (!meeting.ok) return meeting;
  if (meeting.value.attendance || meeting.value.status === 'cancelled') return ok(outcomeOf(meeting.value));
  const recorded = await readAndRecord(deps, retry.tenantId, rel.value, meeting.value, retry.endedAt, retry.attempt);
  if (!recorded.ok) return recorded;
  const planned = await deps.plan(retry.tenantId, retry.relationshipId);
  if (!planned.ok) return planned;
  return ok(outcomeOf(recorded.value));
}

/** One read of the report; `earlier` reads found none. Writes the attendance, or the pending mark and the next read; the meeting as stored after. */
async function readAndRecord(deps: MeetingEndDeps, tenantId: string, rel: Relationship, meeting: Meeting, endedAt: Instant, earlier: number): Promise<Result<Meeting>> {
  const port = deps.attendanceFor(tenantId);
  const read = port.ok ? await port.value.whoJoined(meeting.organizerId, meeting.joinUrl ?? '') : port;
  const delays = deps.retryDelays ?? ATTENDANCE_RETRY_DELAYS;
  if (!read.ok && read.error.code === 'ATTENDANCE.NOT_YET_AVAILABLE' && deps.retryLater && earlier < delays.length) {
    const pending = await write(deps, tenantId, rel, meeting, recordAttendancePending(meeting, endedAt, earlier + 1));
    if (!pending.ok) return pending;
    // Another event or retry wrote the meeting meanwhile: that one carries on.
    if (pending.value.attendance || pending.value.attendancePending?.attempts !== earlier + 1) return pending;
    const queued = await deps.retryLater({ tenantId, relationshipId: rel.id, meetingId: meeting.id, endedAt, attempt: earlier + 1 }, delays[earlier]!);
    if (queued.ok) return pending;
    // No later read can come: decide now, as for an unreadable report.
    deps.log?.('late attendance report: the retry could not be queued; check-ins go to both', { tenantId, meetingId: meeting.id, code: queued.error.code });
    return write(deps, tenantId, rel, pending.value, recordMeetingEnd(pending.value, rel, endedAt, undefined));
  }
  if (!read.ok) {
    deps.log?.(read.error.code === 'ATTENDANCE.NOT_YET_AVAILABLE' ? 'attendance report still missing after the retries; check-ins go to both' : 'attendance not read; check-ins go to both', {
      tenantId,
      meetingId: meeting.id,
      code: read.error.code,
      reads: earlier + 1,
    });
  }
  return write(deps, tenantId, rel, meeting, recordMeetingEnd(meeting, rel, endedAt, read.ok ? read.value : undefined));
}

/** Writes with the meeting's version; when another event (or a sync) wrote first, its record stands. */
async function write(deps: MeetingEndDeps, tenantId: string, rel: Relationship, meeting: Meeting, next: Omit<Meeting, 'version'>): Promise<Result<Meeting>> {
  const updated = await deps.repos.relationships.meetings.update(tenantId, rel.id, next, meeting.version);
  if (updated.ok || updated.error.code !== 'STORAGE.CONFLICT') return updated;
  return deps.repos.relationships.meetings.get(tenantId, rel.id, meeting.id);
}
