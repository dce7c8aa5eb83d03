import type { Relationship } from '../relationships/relationship';
import type { AttendanceOutcome, Meeting, MeetingAttendance } from '../relationships/meeting';
import { DAY, type Instant } from '../time/interval';

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
  const { version: _version, ...rest } = meeting;
  const pair = [relationship.mentorId, relationship.menteeId];
  const outcome = attendanceOutcome(relationship, joined);
  const attendance: MeetingAttendance = { endedAt, outcome, joined: pair.filter((p) => joined?.includes(p)) };
  return { ...rest, status: outcome === 'missed' ? rest.status : 'held', attendance };
}

/** When the meeting really ended: Teams' meetingEnd when it came, the scheduled end otherwise (the timer path). */
export const endOf = (m: Meeting): Instant => m.attendance?.endedAt ?? m.end;

/** Who gets a check-in for a meeting: both, unless Teams told us who joined (then only they). */
export function checkInRecipients(m: Meeting, pair: readonly string[]): readonly string[] {
  const a = m.attendance;
  if (!a || a.outcome === 'unknown') return pair;
  return pair.filter((p) => a.joined.includes(p));
}

