import { ATTENDANCE_WAIT, attendanceOutcome, recordAttendancePending, recordMeetingEnd } from '../../../src/core/delivery/meeting-end';
import { selectAttendanceFollowUps, selectCheckInNudges, selectCheckIns, type RelationshipSnapshot } from '../../../src/core/delivery/select-proactive-messages';
import type { Meeting } from '../../../src/core/relationships/meeting';
import type { Relationship } from '../../../src/core/relationships/relationship';

const at = (s: string): number => Date.parse(s);
const relationship = { id: 'r1', mentorId: 'mentor', menteeId: 'mentee', status: 'active' } as Relationship;
const base: Meeting = { id: 'm1', number: 1, start: at('2026-11-23T10:00:00Z'), end: at('2026-11-23T11:00:00Z'), status: 'planned', organizerId: 'mentor', joinUrl: 'https://join/m1', version: '1' };
const next: Meeting = { ...base, id: 'm2', number: 2, start: at('2026-11-30T10:00:00Z'), end: at('2026-11-30T11:00:00Z') };
const ended = (joined: string[] | undefined): Meeting => ({ ...recordMeetingEnd(base, relationship, at('2026-11-23T10:40:00Z'), joined), version: '2' });
const snapshot = (meetings: Meeting[]): RelationshipSnapshot => ({ tenantId: 't1', relationship, meetings, actionItems: [], checkIns: [], timeZoneOf: () => 'UTC' });
const kinds = (ms: { kind: string; personId: string }[]) => ms.map((m) => `${m.kind} ${m.personId}`);

it('the outcome counts only the pair: both, one, none, unknown', () => {
  expect(attendanceOutcome(relationship, ['mentor', 'mentee', 'guest'])).toBe('held');
  expect(attendanceOutcome(relationship, ['mentee', 'guest'])).toBe('halfAttended');
  expect(attendanceOutcome(relationship, ['guest'])).toBe('missed');
  expect(attendanceOutcome(relationship, undefined)).toBe('unknown');
  expect(ended(['guest', 'mentee']).attendance).toEqual({ endedAt: at('2026-11-23T10:40:00Z'), outcome: 'halfAttended', joined: ['mentee'] });
});

it('after the real end (before the scheduled one) the check-ins are due from the real end', () => {
  const now = at('2026-11-23T10:45:00Z');
  expect(selectCheckIns(snapshot([base, next]), now)).toEqual([]);
  const due = selectCheckIns(snapshot([ended(['mentor', 'mentee']), next]), now);
  expect(kinds(due)).toEqual(['checkin mentor', 'checkin mentee']);
  expect(due.map((m) => [m.notBefore, m.expiresAt])).toEqual([[at('2026-11-23T10:40:00Z'), next.start], [at('2026-11-23T10:40:00Z'), next.start]]);
});

it('one joined: a check-in (and later a nudge) only for them, "we missed you" for the other', () => {
  const s = snapshot([ended(['mentee']), next]);
  expect(kinds(selectCheckIns(s, at('2026-11-23T12:00:00Z')))).toEqual(['checkin mentee']);
  expect(kinds(selectCheckInNudges(s, at('2026-11-26T12:00:00Z')))).toEqual(['checkinNudge mentee']);
  expect(selectAttendanceFollowUps(s, at('2026-11-23T12:00:00Z'))).toEqual([
    { kind: 'missedYou', tenantId: 't1', personId: 'mentor', relationshipId: 'r1', meetingId: 'm1', idempotencyKey: 'missedyou|m1|mentor', notBefore: at('2026-11-23T10:40:00Z'), expiresAt: next.start },
  ]);
});

it('nobody joined: no check-in, no nudge; a "missed it?" card to both, for a week at most', () => {
  const s = snapshot([ended([])]);
  expect(selectCheckIns(s, at('2026-11-23T12:00:00Z'))).toEqual([]);
  expect(selectCheckInNudges(s, at('2026-11-26T12:00:00Z'))).toEqual([]);
  const cards = selectAttendanceFollowUps(s, at('2026-11-23T12:00:00Z'));
  expect(kinds(cards)).toEqual(['missedMeeting mentor', 'missedMeeting mentee']);
  expect(cards[0]!.expiresAt).toBe(at('2026-11-30T10:40:00Z'));
});

it('unknown attendance (no report) and the timer path without an event behave as before: both get it', () => {
  expect(kinds(selectCheckIns(snapshot([ended(undefined)]), at('2026-11-23T12:00:00Z')))).toEqual(['checkin mentor', 'checkin mentee']);
  expect(kinds(selectCheckIns(snapshot([base]), at('2026-11-23T12:00:00Z')))).toEqual(['checkin mentor', 'checkin mentee']);
  expect(selectAttendanceFollowUps(snapshot([ended(undefined), base]), at('2026-11-23T12:00:00Z'))).toEqual([]);
});

it('a late attendance report holds the check-ins (timer path included) until it is read or the wait runs out; then both get one', () => {
  const endedAt = at('2026-11-23T10:40:00Z');
  const pending: Meeting = { ...recordAttendancePending(base, endedAt, 1), version: '2' };
  expect(pending.attendancePending).toEqual({ endedAt, attempts: 1, until: endedAt + ATTENDANCE_WAIT });
  expect(ATTENDANCE_WAIT).toBe(42 * 60_000);
  // After the scheduled end (the timer's moment), still waiting for the report: nothing.
  expect(selectCheckIns(snapshot([pending, next]), at('2026-11-23T11:05:00Z'))).toEqual([]);
  // The report read: it decides (and the pending mark is gone).
  const read: Meeting = { ...recordMeetingEnd(pending, relationship, endedAt, ['mentee']), version: '3' };
  expect(read.attendancePending).toBeUndefined();
  expect(kinds(selectCheckIns(snapshot([read, next]), at('2026-11-23T11:05:00Z')))).toEqual(['checkin mentee']);
  // Never read (the retries lost): after the wait, both get the check-in, from the real end.
  const due = selectCheckIns(snapshot([pending, next]), endedAt + ATTENDANCE_WAIT);
  expect(kinds(due)).toEqual(['checkin mentor', 'checkin mentee']);
  expect(due[0]!.notBefore).toBe(endedAt);
});
