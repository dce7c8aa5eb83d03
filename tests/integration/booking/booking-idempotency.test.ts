/**
 * Exactly one event per meeting, whatever happens between the request, the calendar and storage:
 * a retried request, a batch whose answers were lost, a calendar that timed out, and a crash after
 * the events were created but before storage recorded them.
 */
import { bookMeetings, syncCalendars, type BookingDeps } from '../../../src/core/booking';
import { MEETING_EXTENSION_NAME } from '../../../src/adapters/graph/graph-calendar.adapter';
import { GraphCalendarAdapter } from '../../../src/adapters/graph/graph-calendar.adapter';
import { createGraphClient } from '../../../src/adapters/graph/graph-client';
import type { CalendarPort } from '../../../src/core/ports/calendar';
import type { Relationship } from '../../../src/core/relationships/relationship';
import { weeklyAgreement, NOW } from './booking-agreements';
import { eventsOf, expectOk, startBookingWorld, type BookingWorld, type WorldPerson } from './booking-world';

let world: BookingWorld;
let mentor: WorldPerson;
let mentee: WorldPerson;
let relationship: Relationship;

beforeEach(async () => {
  world = await startBookingWorld([
    { name: 'Kacper Nowak', zone: 'Europe/Warsaw', outlookZone: 'Central European Standard Time' },
    { name: 'Margaret Hale', zone: 'America/New_York', outlookZone: 'Eastern Standard Time' },
  ]);
  [mentor, mentee] = world.people as [WorldPerson, WorldPerson];
  relationship = await world.pair(
    mentor,
    mentee,
    (m, e) =>
      weeklyAgreement(
        { id: m, zone: 'Europe/Warsaw', windows: [{ weekday: 2, start: '16:00', end: '18:00' }] },
        { id: e, zone: 'America/New_York', windows: [{ weekday: 2, start: '09:00', end: '13:00' }] },
      ),
    NOW,
  );
});
afterEach(() => world.stop());

const series = () => ({ principal: mentee.principal, now: NOW, input: { relationshipId: relationship.id, scope: 'series' as const } });

async function ourEvents() {
  const events = await eventsOf(world, mentee.personId);
  return events.filter((e) => !e.isCancelled);
}

function meetingIdsOf(events: Awaited<ReturnType<typeof ourEvents>>): string[] {
  return events.map((e) => (e.doc.extensions as { extensionName: string; meetingId: string }[]).find((x) => x.extensionName === MEETING_EXTENSION_NAME)!.meetingId).sort();
}

async function storedMeetings() {
  return expectOk(await world.repos.relationships.meetings.list(world.tenantId, relationship.id));
}

it('books the agreed series in the mentee’s calendar, one event per meeting, each booked with its event id', async () => {
  const outcome = expectOk(await bookMeetings(world.deps(), series()));
  expect(outcome.plannedNow).toHaveLength(6);
  expect(outcome.stillPending).toEqual([]);
  const meetings = await storedMeetings();
  expect(meetings.map((m) => m.bookingState)).toEqual(Array(6).fill('booked'));
  expect(meetings.map((m) => m.number)).toEqual([1, 2, 3, 4, 5, 6]);
  const events = await ourEvents();
  expect(events).toHaveLength(6);
  expect(meetingIdsOf(events)).toEqual(meetings.map((m) => m.id).sort());
  expect(new Set(meetings.map((m) => m.eventId))).toEqual(new Set(events.map((e) => e.id)));
  // The mentor is invited: each invite is an event of their own, with the organizer's iCalUId.
  const copies = await world.calendar.handler.events.overlapping(mentor.personId, NOW, NOW + 100 * 86_400_000);
  expect(copies).toHaveLength(6);
  expect(new Set(copies.map((c) => c.doc.iCalUId))).toEqual(new Set(events.map((e) => e.doc.iCalUId)));
  // Tuesdays at 16:00 in Warsaw (15:00 UTC in winter), weekly from 5 January.
  expect(meetings.map((m) => new Date(m.start).toISOString())).toEqual(
    ['2027-01-05', '2027-01-12', '2027-01-19', '2027-01-26', '2027-02-02', '2027-02-09'].map((d) => `${d}T15:00:00.000Z`),
  );
});

it('a retried request plans nothing new and creates no second event', async () => {
  expectOk(await bookMeetings(world.deps(), series()));
  const calls = world.calendar.handler.stats.calls;
  const again = expectOk(await bookMeetings(world.deps(), series()));
  expect(again.plannedNow).toEqual([]);
  expect(again.meetings).toHaveLength(6);
  expect(await ourEvents()).toHaveLength(6);
  expect(await storedMeetings()).toHaveLength(6);
  // Nothing was pending, so the retry did not even call the calendar.
  expect(world.calendar.handler.stats.calls).toBe(calls);
});

it('a booking whose calendar answers were lost (created, but the caller saw 503) ends with one event each', async () => {
  // getSchedule answers (one call: a weekly series of six reads 8 weeks); then every create takes effect but its answer is lost once.
  world.calendar.handler.faults.script = [null, ...Array(6).fill('lostAnswer')];
  const outcome = expectOk(await bookMeetings(world.deps(), series()));
  expect(outcome.stillPending).toEqual([]);
  expect(await ourEvents()).toHaveLength(6);
  expect((await storedMeetings()).every((m) => m.bookingState === 'booked')).toBe(true);
});

it('a booking retried after the calendar timed out ends with exactly one event per meeting', async () => {
  // The first attempt gives up after one try per create while every create is lost: the request fails
  // for the person (still pending), though Outlook has the events.
  const impatient = new GraphCalendarAdapter({
    tenantId: world.tenantId,
    client: createGraphClient({ baseUrl: world.calendar.baseUrl, accessToken: async () => 'local-test-token' }),
    batch: { maxAttempts: 1, fallbackRetrySeconds: 0 },
  });
  world.calendar.handler.faults.script = [null, ...Array(6).fill('lostAnswer')];
  const first = expectOk(await bookMeetings(world.deps({ calendar: impatient }), series()));
  expect(first.stillPending.map((p) => p.code)).toEqual(Array(6).fill('GRAPH.UNAVAILABLE'));
  expect((await storedMeetings()).map((m) => m.bookingState)).toEqual(Array(6).fill('pending'));
  expect(await ourEvents()).toHaveLength(6);

  const retry = expectOk(await bookMeetings(world.deps(), series()));
  expect(retry.plannedNow).toEqual([]);
  expect(retry.stillPending).toEqual([]);
  const meetings = await storedMeetings();
  expect(meetings.map((m) => m.bookingState)).toEqual(Array(6).fill('booked'));
  const events = await ourEvents();
  expect(events).toHaveLength(6);
  expect(new Set(meetings.map((m) => m.eventId))).toEqual(new Set(events.map((e) => e.id)));
});

it('a crash between the calendar call and the storage write is reconciled by the sync timer to one event each', async () => {
  class CrashAfterCreate implements CalendarPort {
    constructor(private readonly inner: CalendarPort) {}
    getCalendars = (q: Parameters<CalendarPort['getCalendars']>[0]) => this.inner.getCalendars(q);
    async createEvents(events: Parameters<CalendarPort['createEvents']>[0]): ReturnType<CalendarPort['createEvents']> {
      await this.inner.createEvents(events);
      throw new Error('process killed after the calendar call');
    }
    updateEventBodies = (u: Parameters<CalendarPort['updateEventBodies']>[0]) => this.inner.updateEventBodies(u);
    moveEvent = (...a: Parameters<CalendarPort['moveEvent']>) => this.inner.moveEvent(...a);
    cancelEvent = (...a: Parameters<CalendarPort['cancelEvent']>) => this.inner.cancelEvent(...a);
    getEventStates = (r: Parameters<CalendarPort['getEventStates']>[0]) => this.inner.getEventStates(r);
  }
  const crashing: BookingDeps = world.deps({ calendar: new CrashAfterCreate(world.adapter) });
  await expect(bookMeetings(crashing, series())).rejects.toThrow('process killed');
  expect((await storedMeetings()).map((m) => m.bookingState)).toEqual(Array(6).fill('pending'));
  expect(await ourEvents()).toHaveLength(6);

  const synced = expectOk(await syncCalendars(world.deps(), { tenantId: world.tenantId, relationshipIds: [relationship.id] }, NOW + 15 * 60_000));
  expect(synced.reconciled).toHaveLength(6);
  const meetings = await storedMeetings();
  expect(meetings.map((m) => m.bookingState)).toEqual(Array(6).fill('booked'));
  const events = await ourEvents();
  expect(events).toHaveLength(6);
  expect(new Set(meetings.map((m) => m.eventId))).toEqual(new Set(events.map((e) => e.id)));

  // And a person retrying the booking afterwards changes nothing.
  expectOk(await bookMeetings(world.deps(), series()));
  expect(await ourEvents()).toHaveLength(6);
});

it('two requests racing for the same series write the same meetings and one event each', async () => {
  const [a, b] = await Promise.all([bookMeetings(world.deps(), series()), bookMeetings(world.deps(), series())]);
  expectOk(a);
  expectOk(b);
  expect(await storedMeetings()).toHaveLength(6);
  expect(await ourEvents()).toHaveLength(6);
});
