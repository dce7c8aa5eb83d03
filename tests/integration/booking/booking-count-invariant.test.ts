/**
 * The count invariant on real parts (Table Storage on Azurite, the Graph adapter over HTTP against the
 * local calendar, which refuses getSchedule ranges over 62 days as Graph does): after any booking call
 * `booked + pending + failed + unplaced + deferred == requested`. A year of weekly meetings is planned
 * whole; a configured planning horizon defers the rest with target dates, and the sync timer's part
 * (bookDeferred) books them once in range.
 */
import { bookCohort, bookDeferred, bookMeetings, proposeMeetingSlots, type BookingOutcome, type SyncRegister, type UnbookedMeeting } from '../../../src/core/booking';
import { ok } from '../../../src/core/result';
import { DAY } from '../../../src/core/time/interval';
import { weeklyAgreement, NOW } from './booking-agreements';
import { expectOk, startBookingWorld, type BookingWorld, type WorldPerson } from './booking-world';

class MemoryRegister implements SyncRegister {
  readonly deferred = new Map<string, readonly string[]>();
  readonly watched = new Set<string>();
  async record(_t: string, id: string) {
    this.watched.add(id);
    return ok(undefined);
  }
  readonly unplaced = new Map<string, readonly UnbookedMeeting[]>();
  async recordDeferred(_t: string, id: string, deferred: readonly string[], unplaced: readonly UnbookedMeeting[]) {
    this.deferred.set(id, deferred);
    this.unplaced.set(id, unplaced);
    return ok(undefined);
  }
  async readUnbooked(_t: string, id: string) {
    const deferred = this.deferred.get(id);
    return ok(deferred ? { deferred, unplaced: this.unplaced.get(id) ?? [] } : undefined);
  }
}

function accounted(o: BookingOutcome): number {
  return o.meetings.length + o.failed.length + o.unplaced.length + o.deferred.length;
}

let world: BookingWorld;
let mentor: WorldPerson;
let mentee: WorldPerson;

beforeEach(async () => {
  world = await startBookingWorld([
    { name: 'Kacper Nowak', zone: 'Europe/Warsaw', seeded: false },
    { name: 'Margaret Hale', zone: 'America/New_York', seeded: false },
  ]);
  [mentor, mentee] = world.people as [WorldPerson, WorldPerson];
});
afterEach(() => world.stop());

const pairWith = (overrides: Parameters<typeof weeklyAgreement>[2]) =>
  world.pair(
    mentor,
    mentee,
    (m, e) =>
      weeklyAgreement(
        { id: m, zone: 'Europe/Warsaw', windows: [{ weekday: 2, start: '14:00', end: '19:00' }] },
        { id: e, zone: 'America/New_York', windows: [{ weekday: 2, start: '08:00', end: '13:00' }] },
        overrides,
      ),
    NOW,
  );

it('books a whole year of weekly meetings (52) through both clock changes, reading free/busy in windows of at most 62 days', async () => {
  const relationship = await pairWith({ meetingCount: 52 });
  const outcome = expectOk(await bookMeetings(world.deps(), { principal: mentee.principal, now: NOW, input: { relationshipId: relationship.id, scope: 'series' } }));
  expect(outcome.requested).toBe(52);
  expect(accounted(outcome)).toBe(52);
  expect(outcome.meetings).toHaveLength(52);
  expect(outcome.meetings.every((m) => m.bookingState === 'booked')).toBe(true);
  expect([outcome.unplaced, outcome.deferred]).toEqual([[], []]);
});

it('a planning horizon defers the meetings beyond it with their target dates; the timer books them once in range', async () => {
  const relationship = await pairWith({ meetingCount: 52 });
  const register = new MemoryRegister();
  const deps = world.deps({ syncRegister: register, settings: { horizonDays: 120 } });
  const outcome = expectOk(await bookMeetings(deps, { principal: mentee.principal, now: NOW, input: { relationshipId: relationship.id, scope: 'series' } }));
  expect(outcome.requested).toBe(52);
  expect(accounted(outcome)).toBe(52);
  expect(outcome.meetings.length).toBeGreaterThanOrEqual(16);
  expect(outcome.meetings.every((m) => m.start < NOW + 120 * DAY)).toBe(true);
  expect(outcome.deferred).toHaveLength(52 - outcome.meetings.length);
  // Weekly target dates (Tuesdays, the pair's habit), continuing the series without a gap.
  const lastBooked = outcome.meetings.at(-1)!.start;
  expect(Date.parse(`${outcome.deferred[0]!.targetDate}T12:00:00Z`) - lastBooked).toBeLessThan(8 * DAY);
  expect(outcome.deferred.every((d) => new Date(`${d.targetDate}T12:00:00Z`).getUTCDay() === 2)).toBe(true);
  expect(outcome.deferred[0]).toMatchObject({ code: 'BOOKING.DEFERRED_BEYOND_HORIZON', message: expect.stringMatching(/booked automatically/) });
  expect(register.watched.has(relationship.id)).toBe(true);
  expect(register.deferred.get(relationship.id)).toEqual(outcome.deferred.map((d) => d.targetDate));
  // Booking "the next meeting" meanwhile plans nothing beyond it, so it leaves the series' deferred meetings recorded.
  expectOk(await bookMeetings(deps, { principal: mentee.principal, now: NOW, input: { relationshipId: relationship.id, scope: 'next' } }));
  expect(register.deferred.get(relationship.id)).toEqual(outcome.deferred.map((d) => d.targetDate));

  // Ten weeks on, the timer books what came within range; every meeting is still accounted for.
  const later = NOW + 70 * DAY;
  const [again] = await bookDeferred(deps, { tenantId: world.tenantId, pairs: [{ relationshipId: relationship.id, deferred: register.deferred.get(relationship.id)! }] }, later);
  const second = expectOk(again!);
  const all = expectOk(await world.repos.relationships.meetings.list(world.tenantId, relationship.id)).filter((m) => m.status !== 'cancelled');
  expect(all.every((m) => m.bookingState === 'booked')).toBe(true);
  expect(all.length + second.deferred.length).toBe(52);
  expect(all.length).toBeGreaterThan(outcome.meetings.length);
  expect(all.every((m) => m.start < later + 120 * DAY)).toBe(true);
  expect(register.deferred.get(relationship.id)).toEqual(second.deferred.map((d) => d.targetDate));
  // The calendar holds exactly one event per meeting.
  const events = (await world.calendar.handler.events.list(mentee.personId)).filter((e) => !e.isCancelled && e.doc.transactionId);
  expect(events).toHaveLength(all.length);
});

it('the programme path (bookCohort) records its pairs before booking and their deferred meetings, and the timer books them once in range', async () => {
  const relationship = await pairWith({ meetingCount: 52 });
  const register = new MemoryRegister();
  const deps = world.deps({ syncRegister: register, settings: { horizonDays: 120 } });
  const [first] = await bookCohort(deps, { tenantId: world.tenantId, relationshipIds: [relationship.id], scope: 'series' }, NOW);
  const outcome = expectOk(first!);
  expect(accounted(outcome)).toBe(52);
  expect(outcome.deferred.length).toBeGreaterThan(0);
  expect(register.watched.has(relationship.id)).toBe(true);
  expect(register.deferred.get(relationship.id)).toEqual(outcome.deferred.map((d) => d.targetDate));

  const later = NOW + 70 * DAY;
  const [again] = await bookDeferred(deps, { tenantId: world.tenantId, pairs: [{ relationshipId: relationship.id, deferred: register.deferred.get(relationship.id)! }] }, later);
  const second = expectOk(again!);
  const all = expectOk(await world.repos.relationships.meetings.list(world.tenantId, relationship.id)).filter((m) => m.status !== 'cancelled');
  expect(all.length).toBeGreaterThan(outcome.meetings.length);
  expect(all.length + second.deferred.length).toBe(52);
  expect(register.deferred.get(relationship.id)).toEqual(second.deferred.map((d) => d.targetDate));
});

it('meetings the end date leaves out are unplaced with END_DATE_REACHED and words to act on', async () => {
  const relationship = await pairWith({ meetingCount: 10, endDate: '2027-02-02' });
  const outcome = expectOk(await bookMeetings(world.deps(), { principal: mentee.principal, now: NOW, input: { relationshipId: relationship.id, scope: 'series' } }));
  expect(outcome.requested).toBe(10);
  expect(accounted(outcome)).toBe(10);
  // Tuesdays 5, 12, 19, 26 Jan and 2 Feb 2027 fit; five do not.
  expect(outcome.meetings).toHaveLength(5);
  expect(outcome.unplaced.map((u) => u.code)).toEqual(Array(5).fill('SCHEDULING.END_DATE_REACHED'));
  expect(outcome.unplaced[0]!.message).toMatch(/Extend the end date or agree fewer meetings/);
});

it('a series whose first date lies beyond the horizon is deferred whole, never answered BEFORE_FIRST_DATE', async () => {
  const relationship = await pairWith({ meetingCount: 4, firstDate: '2027-09-07' });
  const outcome = expectOk(
    await bookMeetings(world.deps({ settings: { horizonDays: 60 } }), { principal: mentee.principal, now: NOW, input: { relationshipId: relationship.id, scope: 'series' } }),
  );
  expect(outcome.requested).toBe(4);
  expect(outcome.meetings).toEqual([]);
  expect(outcome.deferred.map((d) => d.targetDate)).toEqual(['2027-09-07', '2027-09-14', '2027-09-21', '2027-09-28']);
});

it('proposes slots for a series that starts eight months ahead, reading one getSchedule window from its first date', async () => {
  const relationship = await pairWith({ meetingCount: 4, firstDate: '2027-09-07' });
  const before = world.calendar.handler.stats.calls;
  const proposal = expectOk(await proposeMeetingSlots(world.deps(), { principal: mentee.principal, now: NOW, input: { relationshipId: relationship.id } }));
  expect(world.calendar.handler.stats.calls - before).toBe(1);
  expect(proposal.targetDate).toBe('2027-09-07');
  expect(new Date(proposal.slots[0]!.start).toISOString().slice(0, 10)).toBe('2027-09-07');
});
