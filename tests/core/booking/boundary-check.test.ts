/**
 * The guard's use case over in-memory repositories and a calendar that implements the port and records
 * what it is asked: the verdict is the agreement's, from storage alone; only a broken verdict reads the
 * calendars, over the span of the agreement's nearest times first, so its alternatives are also free.
 */
import { checkMeetingBoundaries, type BookingDeps } from '../../../src/core/booking';
import type { CalendarPort, FreeBusyQuery, PersonCalendar } from '../../../src/core/ports/calendar';
import { fail, ok, type Result } from '../../../src/core/result';
import type { Interval } from '../../../src/core/time/interval';
import { acceptAgreement, proposeAgreement } from '../../../src/core/usecases';
import { agreementFor, call, MentoringWorld, person, unwrap } from '../../fakes/mentoring-world';

const DAY = 86_400_000;
const MINUTE = 60_000;
const at = (iso: string) => Date.parse(iso);

class RecordingCalendar implements CalendarPort {
  readonly asked: FreeBusyQuery[] = [];
  constructor(
    private readonly busy: Readonly<Record<string, readonly Interval[]>> = {},
    private readonly down = false,
  ) {}
  async getCalendars(query: FreeBusyQuery): Promise<Result<PersonCalendar[]>> {
    this.asked.push(query);
    if (this.down) return fail('GRAPH.UNAVAILABLE', 'Microsoft Graph did not answer.');
    return ok(query.people.map((p) => ({ personId: p.personId, timeZone: 'UTC', busy: (this.busy[p.personId] ?? []).filter((b) => b.start < query.range.end && b.end > query.range.start) })));
  }
  async createEvents() {
    return [];
  }
  async updateEventBodies() {
    return [];
  }
  async moveEvent() {
    return ok(undefined);
  }
  async cancelEvent() {
    return ok(undefined);
  }
  async getEventStates() {
    return [];
  }
}

const mentor = person('mentor', 'Mira Mentor');
const mentee = person('mentee', 'Eli Mentee');

/**
 * Weekly; Mira's window Tue 10:00–12:00 Warsaw (09:00–11:00 UTC in March), Eli's Tue 14:00–16:30
 * Kolkata (08:30–11:00 UTC): on each Tuesday six 45-minute starts, 09:00 to 10:15 UTC. Meeting 1 is on
 * Tuesday 10 March at 09:00 UTC; no other meeting is planned.
 */
async function setUp(calendar: RecordingCalendar) {
  const world = new MentoringWorld();
  const relationship = await world.pair(mentor, mentee);
  unwrap(await proposeAgreement(world.deps, call(mentor, { relationshipId: relationship.id, agreement: agreementFor(relationship, { cadence: { kind: 'weekly' }, firstDate: '2026-03-03' }), note: '' })));
  unwrap(await acceptAgreement(world.deps, call(mentee, { relationshipId: relationship.id, versionNumber: 1 })));
  await world.meeting(mentee, relationship, { id: 'm1', number: 1, start: at('2026-03-10T09:00:00Z'), end: at('2026-03-10T09:45:00Z'), status: 'planned' });
  const directoryReads: string[][] = [];
  const deps: BookingDeps = {
    repos: world.repos,
    calendar,
    directory: {
      findPeople: async (_t, ids) => {
        directoryReads.push([...ids]);
        return ok(ids.map((id) => ({ personId: id, email: `${id}@x.local`, displayName: id })));
      },
    },
  };
  const check = (start: string, minutes = 45) =>
    checkMeetingBoundaries(deps, call(mentee, { relationshipId: relationship.id, meetingId: 'm1', start: at(start), end: at(start) + minutes * MINUTE }));
  return { check, directoryReads };
}

it('a time inside the agreement is answered from storage alone: no calendar, no directory', async () => {
  const calendar = new RecordingCalendar();
  const { check, directoryReads } = await setUp(calendar);
  const verdict = unwrap(await check('2026-03-10T09:30:00Z'));
  expect(verdict.ok).toBe(true);
  expect(verdict.callerRole).toBe('mentee');
  expect(verdict.localTimes.map((l) => [l.name, l.start, l.end])).toEqual([
    ['Mira Mentor', '2026-03-10T10:30:00+01:00', '2026-03-10T11:15:00+01:00'],
    ['Eli Mentee', '2026-03-10T15:00:00+05:30', '2026-03-10T15:45:00+05:30'],
  ]);
  expect(calendar.asked).toEqual([]);
  expect(directoryReads).toEqual([]);
});

it('a broken time reads both calendars once, over the span of the agreement’s nearest times only, and offers free times', async () => {
  const calendar = new RecordingCalendar();
  const { check } = await setUp(calendar);
  const verdict = unwrap(await check('2026-03-10T17:00:00Z'));
  expect(verdict.broken?.code).toBe('BOUNDARY.OUTSIDE_WINDOW');
  expect(calendar.asked).toHaveLength(1);
  const [query] = calendar.asked;
  expect(query!.people.map((p) => p.email)).toEqual(['mentor@x.local', 'mentee@x.local']);
  expect(query!.requesterId).toBe('mentee');
  // Twelve starts nearest to Tuesday 17:00: that Tuesday's and the next Tuesday's six each (10-minute buffer around them).
  expect([new Date(query!.range.start).toISOString(), new Date(query!.range.end).toISOString()]).toEqual(['2026-03-10T08:50:00.000Z', '2026-03-17T11:10:00.000Z']);
  expect(verdict.alternatives.map((a) => new Date(a.start).toISOString())).toEqual(['2026-03-10T10:15:00.000Z', '2026-03-10T10:00:00.000Z', '2026-03-10T09:45:00.000Z']);
});

it('alternatives keep the buffer around either person’s busy time', async () => {
  // Eli is busy 10:00–10:30 UTC on Tuesday 10 March: with the 10-minute buffer, only 09:00 (the meeting's own slot) is free
  // that day; the next nearest are the following Tuesday's first starts.
  const calendar = new RecordingCalendar({ mentee: [{ start: at('2026-03-10T10:00:00Z'), end: at('2026-03-10T10:30:00Z') }] });
  const { check } = await setUp(calendar);
  const verdict = unwrap(await check('2026-03-10T17:00:00Z'));
  expect(calendar.asked).toHaveLength(1);
  expect(verdict.alternatives.map((a) => new Date(a.start).toISOString())).toEqual(['2026-03-10T09:00:00.000Z', '2026-03-17T09:00:00.000Z', '2026-03-17T09:15:00.000Z']);
});

it('when the nearest times are busy, the whole search range is read once more and farther times are offered', async () => {
  // Mira is busy on both of the nearest Tuesdays.
  const calendar = new RecordingCalendar({ mentor: [{ start: at('2026-03-03T00:00:00Z'), end: at('2026-03-04T00:00:00Z') }, { start: at('2026-03-10T00:00:00Z'), end: at('2026-03-11T00:00:00Z') }, { start: at('2026-03-17T00:00:00Z'), end: at('2026-03-18T00:00:00Z') }] });
  const { check } = await setUp(calendar);
  const verdict = unwrap(await check('2026-03-10T17:00:00Z'));
  expect(calendar.asked).toHaveLength(2);
  expect(calendar.asked[1]!.range.end - calendar.asked[1]!.range.start).toBeGreaterThan(21 * DAY);
  expect(verdict.alternatives.map((a) => new Date(a.start).toISOString().slice(0, 10))).toEqual(['2026-03-24', '2026-03-24', '2026-03-24']);
});

it('a broken time whose calendars cannot be read answers the calendar’s failure, not a verdict without free times', async () => {
  const calendar = new RecordingCalendar({}, true);
  const { check } = await setUp(calendar);
  const answer = await check('2026-03-10T17:00:00Z');
  expect(answer.ok ? 'ok' : answer.error.code).toBe('GRAPH.UNAVAILABLE');
  // A time inside the agreement needs no calendar, so it is still answered.
  expect(unwrap(await check('2026-03-10T09:15:00Z')).ok).toBe(true);
});
