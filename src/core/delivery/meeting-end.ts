import type { Relationship } from '../relationships/relationship';
import type { AttendanceOutcome, Meeting, MeetingAttendance } from '../relationships/meeting';
import { DAY, MINUTE, type Instant } from '../time/interval';

/**
 * Teams writes a meeting's attendance report some minutes after it ends. When the meetingEnd event
 * finds none yet, the report is read again after each of these delays (about half an hour in all);
 * then the meeting is recorded as `unknown` and both get the check-in, as when the report is unreadable.
 */
export const ATTENDANCE_RETRY_DELAYS: readonly number[] = [2 * MINUTE, 5 * MINUTE, 10 * MINUTE, 15 * MINUTE];

/** Check-ins wait for a late report until this long after the end (the retries, plus slack for a slow queue). */
export const ATTENDANCE_WAIT = ATTENDANCE_RETRY_DELAYS.reduce((a, b) => a + b, 0) + 10 * MINUTE;

/** The meeting while its report is late: check-ins wait for it until `until`. */
export function recordAttendancePending(meeting: Meeting, endedAt: Instant, attempts: number): Omit<Meeting, 'version'> {
  const { version: _version, ...rest } = meeting;
  return { ...rest, attendancePending: { endedAt, attempts, until: endedAt + ATTENDANCE_WAIT } };
}

/** Check-ins and nudges hold back while a late attendance report is still awaited. */
export const awaitingAttendance = (m: Meeting, now: Instant): boolean =>
  m.attendance === undefined && m.attendancePending !== undefined && m.attendancePending.until > now;

/** A "missed it" card is worth sending for a week at most, or until the next meeting begins. */
export const MISSED_CARD_LIFETIME = 7 * DAY;

/** The outcome for the pair from who joined (anyone else in the meeting does not count). */
export function attendanceOutcome(relationship: Pick<Relationship, 'mentorId' | 'menteeId'>, joined: readonly string[] | undefined): AttendanceOutcome {
  if (joined === undefined) return 'unknown';
  const count = [relationship.mentorId, relationship.menteeId].filter((p) => joined.includes(p)).length;
  return count === 2 ? 'held' : count === 1 ? 'halfAttended' : 'missed';
}

/**
 * The meeting as recorded when Teams says it ended: who of the pair joined (undefined when the
 * attendance report could not be read) and when. Only the pair's own ids are kept.
 */
export function recordMeetingEnd(meeting: Meeting, relationship: Pick<Relationship, 'mentorId' | 'menteeId'>, endedAt: Instant, joined: readonly string[] | undefined): Omit<Meeting, 'version'> {
  const { version: _version, attendancePending: _pending, ...rest } = meeting;
  const pair = [relationship.mentorId, relationship.menteeId];
  const outcome = attendanceOutcome(relationship, joined);
  const attendance: MeetingAttendance = { endedAt, outcome, joined: pair.filter((p) => joined?.includes(p)) };
  return { ...rest, status: outcome === 'missed' ? rest.status : 'held', attendance };
}

/** When the meeting really ended: Teams' meetingEnd when it came, the scheduled end otherwise (the timer path). */
export const endOf = (m: Meeting): Instant => m.attendance?.endedAt ?? m.attendancePending?.endedAt ?? m.end;

/** Who gets a check-in for a meeting: both, unless Teams told us who joined (then only they). */
export function checkInRecipients(m: Meeting, pair: readonly string[]): readonly string[] {
  const a = m.attendance;
  if (!a || a.outcome === 'unknown') return pair;
  return pair.filter((p) => a.joined.includes(p));
}

