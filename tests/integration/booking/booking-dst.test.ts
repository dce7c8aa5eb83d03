/**
 * A weekly series across the European (28 March 2027) and US (14 March 2027) clock changes keeps
 * each person's local time: the plan follows wall clocks, not UTC.
 */
import { bookMeetings } from '../../../src/core/booking';
import { formatInstantInZone } from '../../../src/core/time/zoned-time';
import { weeklyAgreement } from './booking-agreements';
import { expectOk, startBookingWorld, type WorldPerson } from './booking-world';

const MARCH_1 = Date.UTC(2027, 2, 1, 8, 0); // Monday 1 March 2027

const local = (at: number, zone: string) => formatInstantInZone(at, zone);

async function bookSeries(mentorZone: string, menteeZone: string, mentorWindow: [string, string], menteeWindow: [string, string]) {
  const world = await startBookingWorld([
    { name: 'Mentor', zone: mentorZone },
    { name: 'Mentee', zone: menteeZone },
  ]);
  const [mentor, mentee] = world.people as [WorldPerson, WorldPerson];
  const relationship = await world.pair(
    mentor,
    mentee,
    (m, e) =>
      weeklyAgreement(
        { id: m, zone: mentorZone, windows: [{ weekday: 3, start: mentorWindow[0], end: mentorWindow[1] }] },
        { id: e, zone: menteeZone, windows: [{ weekday: 3, start: menteeWindow[0], end: menteeWindow[1] }] },
        { firstDate: '2027-03-02', meetingCount: 8 },
      ),
    MARCH_1,
  );
  expectOk(await bookMeetings(world.deps(), { principal: mentee.principal, now: MARCH_1, input: { relationshipId: relationship.id, scope: 'series' } }));
  const meetings = expectOk(await world.repos.relationships.meetings.list(world.tenantId, relationship.id));
  const events = await world.calendar.handler.events.list(mentee.personId);
  await world.stop();
  return { meetings, events };
}

it('London and Warsaw across the European change: both keep 09:00 and 10:00 every Wednesday', async () => {
  const { meetings, events } = await bookSeries('Europe/London', 'Europe/Warsaw', ['09:00', '10:00'], ['10:00', '11:00']);
  expect(meetings).toHaveLength(8);
  expect(meetings.map((m) => local(m.start, 'Europe/London'))).toEqual(
    ['03', '10', '17', '24'].map((d) => `2027-03-${d}T09:00:00+00:00`).concat(['03-31', '04-07', '04-14', '04-21'].map((d) => `2027-${d}T09:00:00+01:00`)),
  );
  expect(new Set(meetings.map((m) => local(m.start, 'Europe/Warsaw').slice(11, 16)))).toEqual(new Set(['10:00']));
  // The event in Outlook holds the same instants (UTC) as the meeting: 09:00 UTC, then 08:00 UTC.
  expect(events.map((e) => e.start).sort()).toEqual(meetings.map((m) => m.start).sort());
  expect(new Date(meetings[4]!.start).toISOString()).toBe('2027-03-31T08:00:00.000Z');
});

it('New York and Chicago across the US change: both keep 11:00 and 10:00 every Wednesday', async () => {
  const { meetings } = await bookSeries('America/New_York', 'America/Chicago', ['11:00', '12:00'], ['10:00', '11:00']);
  expect(meetings).toHaveLength(8);
  expect(new Set(meetings.map((m) => local(m.start, 'America/New_York').slice(11)))).toEqual(new Set(['11:00:00-05:00', '11:00:00-04:00']));
  expect(new Set(meetings.map((m) => local(m.start, 'America/Chicago').slice(11, 16)))).toEqual(new Set(['10:00']));
  expect(meetings.map((m) => new Date(m.start).getUTCHours())).toEqual([16, 16, 15, 15, 15, 15, 15, 15]);
});

it('Warsaw and New York across both changes: each meeting inside both windows; the mentor’s time never moves, the mentee’s only in the two weeks the changes differ', async () => {
  const { meetings } = await bookSeries('Europe/Warsaw', 'America/New_York', ['16:00', '17:00'], ['09:00', '12:00']);
  expect(meetings).toHaveLength(8);
  expect(new Set(meetings.map((m) => local(m.start, 'Europe/Warsaw').slice(11, 16)))).toEqual(new Set(['16:00']));
  // 10:00 in New York, except between 14 and 28 March when the US has changed and Europe has not.
  expect(meetings.map((m) => local(m.start, 'America/New_York').slice(0, 16))).toEqual([
    '2027-03-03T10:00',
    '2027-03-10T10:00',
    '2027-03-17T11:00',
    '2027-03-24T11:00',
    '2027-03-31T10:00',
    '2027-04-07T10:00',
    '2027-04-14T10:00',
    '2027-04-21T10:00',
  ]);
});
