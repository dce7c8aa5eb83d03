import { ENDING_SOON_LEAD, endingSoonObstacle, recordMeetingStart, selectEndingSoonNudges } from '../../../src/core/delivery/meeting-ending-soon';
import { recordAttendancePending, recordMeetingEnd } from '../../../src/core/delivery/meeting-end';
import type { RelationshipSnapshot } from '../../../src/core/delivery/select-proactive-messages';
import type { Meeting, TeamsMeetingRef } from '../../../src/core/relationships/meeting';
import type { Relationship } from '../../../src/core/relationships/relationship';

const at = (s: string): number => Date.parse(s);
const relationship = { id: 'r1', mentorId: 'mentor', menteeId: 'mentee', status: 'active' } as Relationship;
const teams: TeamsMeetingRef = { meetingId: 'MCMx', serviceUrl: 'https://smba.trafficmanager.net/emea/', chatId: '19:meeting_x@thread.v2', startedAt: at('2026-11-23T10:01:00Z') };
const planned: Meeting = { id: 'm1', number: 1, start: at('2026-11-23T10:00:00Z'), end: at('2026-11-23T10:45:00Z'), status: 'planned', organizerId: 'mentor', joinUrl: 'https://join/m1', version: '1' };
const started: Meeting = { ...recordMeetingStart(planned, teams)!, version: '2' };
const snapshot = (meetings: Meeting[], rel: Relationship = relationship): RelationshipSnapshot => ({ tenantId: 't1', relationship: rel, meetings, actionItems: [], checkIns: [], timeZoneOf: () => 'UTC' });
const during = at('2026-11-23T10:02:00Z');

it('once Teams said the meeting started: one nudge per person, due at the scheduled end − 5 min, gone at the end', () => {
  expect(ENDING_SOON_LEAD).toBe(5 * 60_000);
  expect(selectEndingSoonNudges(snapshot([started]), during)).toEqual(
    ['mentor', 'mentee'].map((personId) => ({
      kind: 'meetingEndingSoon',
      tenantId: 't1',
      personId,
      relationshipId: 'r1',
      meetingId: 'm1',
      idempotencyKey: `endingsoon|m1|${personId}|${at('2026-11-23T10:45:00Z')}`,
      notBefore: at('2026-11-23T10:40:00Z'),
      expiresAt: at('2026-11-23T10:45:00Z'),
    })),
  );
});

it('none for a meeting not started in Teams, cancelled, ended (or awaiting its report), past its end, or a relationship no longer active', () => {
  const { version: _v, ...rest } = started;
  expect(selectEndingSoonNudges(snapshot([planned]), during)).toEqual([]);
  expect(selectEndingSoonNudges(snapshot([{ ...rest, status: 'cancelled', version: '3' }]), during)).toEqual([]);
  expect(selectEndingSoonNudges(snapshot([{ ...recordMeetingEnd(started, relationship, during, ['mentor', 'mentee']), version: '3' }]), during)).toEqual([]);
  expect(selectEndingSoonNudges(snapshot([{ ...recordAttendancePending(started, during, 1), version: '3' }]), during)).toEqual([]);
  expect(selectEndingSoonNudges(snapshot([started]), started.end)).toEqual([]);
  expect(selectEndingSoonNudges(snapshot([started], { ...relationship, status: 'closed' } as Relationship), during)).toEqual([]);
});

it('a second meetingStart changes nothing; a moved meeting is a new moment (another key)', () => {
  expect(recordMeetingStart(started, { ...teams, startedAt: during })).toBeUndefined();
  const moved: Meeting = { ...started, end: started.end + 15 * 60_000 };
  expect(selectEndingSoonNudges(snapshot([moved]), during).map((m) => m.idempotencyKey)).toEqual([`endingsoon|m1|mentor|${moved.end}`, `endingsoon|m1|mentee|${moved.end}`]);
});

it('just before sending, the meeting as stored says whether it still can go', () => {
  const { version: _v, ...rest } = started;
  expect(endingSoonObstacle(started, started.end)).toBeUndefined();
  expect(endingSoonObstacle(undefined, started.end)).toBe('MEETING_CANCELLED');
  expect(endingSoonObstacle({ ...rest, status: 'cancelled', version: '3' }, started.end)).toBe('MEETING_CANCELLED');
  expect(endingSoonObstacle({ ...recordMeetingEnd(started, relationship, during, ['mentor']), version: '3' }, started.end)).toBe('MEETING_ENDED');
  expect(endingSoonObstacle(started, started.end - 60_000)).toBe('MEETING_MOVED');
  expect(endingSoonObstacle(planned, planned.end)).toBe('NOT_IN_TEAMS');
});
