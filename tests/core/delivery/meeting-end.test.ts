import { attendanceOutcome, recordMeetingEnd } from '../../../src/core/delivery/meeting-end';
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
