/** One-click rescheduling from the "missed it?" card, over in-memory repositories and a fake calendar that implements the port. */
import { offerRebookTimes, rebookMissedMeeting, timesToRebook, type BookingDeps } from '../../../src/core/booking';
import type { CalendarPort, PersonCalendar } from '../../../src/core/ports/calendar';
import { ok, type Result } from '../../../src/core/result';
import type { Interval } from '../../../src/core/time/interval';
import { acceptAgreement, proposeAgreement } from '../../../src/core/usecases';
import { agreementFor, call, MentoringWorld, person, unwrap } from '../../fakes/mentoring-world';

/** The port with what these tests look at: the moves asked for, and busy times to answer. */
class MovingCalendar implements CalendarPort {
  readonly moves: { eventId: string; start: number; end: number }[] = [];
  busy: Interval[] = [];
  /** Runs during a move, as another request would in between. */
  duringMove?: () => Promise<void>;
  async getCalendars(query: Parameters<CalendarPort['getCalendars']>[0]): Promise<Result<PersonCalendar[]>> {
    return ok(query.people.map((p) => ({ personId: p.personId, timeZone: 'UTC', busy: this.busy })));
  }
  async createEvents() {
    return [];
  }
  async updateEventBodies() {
    return [];
  }
  async moveEvent(ref: { eventId: string }, start: number, end: number) {
    this.moves.push({ eventId: ref.eventId, start, end });
    const during = this.duringMove;
    this.duringMove = undefined;
    await during?.();
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
const stranger = person('stranger', 'Sam');
// Tuesday 10 March 2026, 09:00 UTC: inside both windows (10:00 Warsaw, 14:30 Kolkata); nobody joined.
const MISSED = Date.parse('2026-03-10T09:00:00Z');
const NOW = Date.parse('2026-03-11T10:00:00Z');
const NEXT_TUESDAY = Date.parse('2026-03-17T09:00:00Z');
const TUESDAY_AFTER = Date.parse('2026-03-24T09:00:00Z');

async function setUp(attendance: 'missed' | 'held' | 'none' = 'missed') {
  const world = new MentoringWorld();
  const relationship = await world.pair(mentor, mentee);
  const agreement = agreementFor(relationship, {
    mentee: { ...agreementFor(relationship).mentee, timeZone: 'Asia/Kolkata', meetingWindows: [{ weekday: 2, start: '14:00', end: '16:30' }] },
  });
  unwrap(await proposeAgreement(world.deps, call(mentor, { relationshipId: relationship.id, agreement, note: '' })));
  unwrap(await acceptAgreement(world.deps, call(mentee, { relationshipId: relationship.id, versionNumber: 1 })));
  await world.meeting(mentor, relationship, {
    id: 'm1',
    number: 1,
    start: MISSED,
    end: MISSED + 45 * 60_000,
    status: 'planned',
    eventId: 'event-m1',
    bookingState: 'booked',
    ...(attendance === 'none' ? {} : { attendance: { endedAt: MISSED + 45 * 60_000, outcome: attendance, joined: attendance === 'held' ? ['mentor', 'mentee'] : [] } }),
  });
  const calendar = new MovingCalendar();
  const deps: BookingDeps = {
    repos: world.repos,
    calendar,
    directory: { findPeople: async (_t, ids) => ok(ids.map((id) => ({ personId: id, email: `${id}@x.local`, displayName: id }))) },
  };
  const stored = async () => unwrap(await world.repos.relationships.meetings.get('tenant-a', relationship.id, 'm1'));
  return { world, relationship, calendar, deps, agreement, stored };
}

it('offers times inside both windows and the agreement, after the notice asked for', async () => {
  const { agreement } = await setUp();
  expect(timesToRebook(agreement, NOW).map((t) => new Date(t).toISOString())).toEqual([
    '2026-03-17T09:00:00.000Z',
    '2026-03-24T09:00:00.000Z',
  ]);
  // Monday 16 March, 10:00: the notice ends Tuesday 10:00, and 10:00–11:00 still holds 45 minutes.
  expect(timesToRebook(agreement, Date.parse('2026-03-16T10:00:00Z'))[0]).toBe(Date.parse('2026-03-17T10:00:00Z'));
  // At 10:30 only 30 minutes would be left that Tuesday, so the week after comes first.
  expect(timesToRebook(agreement, Date.parse('2026-03-16T10:30:00Z'))[0]).toBe(TUESDAY_AFTER);
});

it('moves the missed meeting to the chosen time, once: the event moves, the miss stays on record, attendance is cleared for the new time', async () => {
  const { relationship, calendar, deps, stored } = await setUp();
  const outcome = unwrap(await rebookMissedMeeting(deps, call(mentee, { relationshipId: relationship.id, meetingId: 'm1', start: NEXT_TUESDAY }, NOW)));
  expect(outcome).toMatchObject({ kind: 'booked', bookedBy: 'mentee', meeting: { start: NEXT_TUESDAY, end: NEXT_TUESDAY + 45 * 60_000, status: 'planned' } });
  expect(calendar.moves).toEqual([{ eventId: 'event-m1', start: NEXT_TUESDAY, end: NEXT_TUESDAY + 45 * 60_000 }]);
  const m = await stored();
  expect(m.attendance).toBeUndefined();
  expect(m.rebookedAfterMiss).toEqual({
    from: { start: MISSED, end: MISSED + 45 * 60_000 },
    attendance: { endedAt: MISSED + 45 * 60_000, outcome: 'missed', joined: [] },
    by: 'mentee',
    at: NOW,
  });
});

it('is idempotent: the same click again, or the partner choosing another time, is told what stands and moves nothing', async () => {
  const { relationship, calendar, deps, stored } = await setUp();
  unwrap(await rebookMissedMeeting(deps, call(mentee, { relationshipId: relationship.id, meetingId: 'm1', start: NEXT_TUESDAY }, NOW)));
  const before = await stored();
  const again = unwrap(await rebookMissedMeeting(deps, call(mentee, { relationshipId: relationship.id, meetingId: 'm1', start: NEXT_TUESDAY }, NOW + 1000)));
  expect(again).toMatchObject({ kind: 'alreadyBooked', bookedBy: 'mentee', meeting: { start: NEXT_TUESDAY } });
  const partner = unwrap(await rebookMissedMeeting(deps, call(mentor, { relationshipId: relationship.id, meetingId: 'm1', start: TUESDAY_AFTER }, NOW + 2000)));
  expect(partner).toMatchObject({ kind: 'alreadyBooked', bookedBy: 'mentee', meeting: { start: NEXT_TUESDAY } });
  expect(calendar.moves).toHaveLength(1);
  expect(await stored()).toEqual(before);
});

it.each([
  ['held', 'BOOKING.NOT_MISSED'],
  ['none', 'BOOKING.NOT_MISSED'],
] as const)('a meeting whose attendance is %s is not moved from the card (%s) and nothing changes', async (attendance, code) => {
  const { relationship, calendar, deps, stored } = await setUp(attendance);
  const before = await stored();
  expect(await rebookMissedMeeting(deps, call(mentee, { relationshipId: relationship.id, meetingId: 'm1', start: NEXT_TUESDAY }, NOW))).toMatchObject({
    ok: false,
    error: { code },
  });
  expect(calendar.moves).toEqual([]);
  expect(await stored()).toEqual(before);
});

it('refuses someone outside the pair as if the relationship did not exist, and moves nothing', async () => {
  const { relationship, calendar, deps, stored } = await setUp();
  const before = await stored();
  expect(await rebookMissedMeeting(deps, call(stranger, { relationshipId: relationship.id, meetingId: 'm1', start: NEXT_TUESDAY }, NOW))).toMatchObject({
    ok: false,
    error: { code: 'RELATIONSHIP.NOT_FOUND' },
  });
  expect(calendar.moves).toEqual([]);
  expect(await stored()).toEqual(before);
});

it.each([
  ['busy in a calendar', 'BOOKING.SLOT_BUSY', NEXT_TUESDAY, true],
  ['outside the windows (a forged time)', 'BOOKING.OUTSIDE_BOUNDARIES', Date.parse('2026-03-18T03:00:00Z'), false],
  ['inside the notice', 'BOOKING.TOO_SOON', NEXT_TUESDAY, false],
] as const)('a time %s is refused (%s); the meeting stays missed and can still be rebooked', async (_what, code, start, busy) => {
  const { relationship, calendar, deps, stored } = await setUp();
  if (busy) calendar.busy = [{ start: NEXT_TUESDAY - 30 * 60_000, end: NEXT_TUESDAY + 30 * 60_000 }];
  const now = code === 'BOOKING.TOO_SOON' ? NEXT_TUESDAY - 3_600_000 : NOW;
  const before = await stored();
  expect(await rebookMissedMeeting(deps, call(mentor, { relationshipId: relationship.id, meetingId: 'm1', start }, now))).toMatchObject({ ok: false, error: { code } });
  expect(calendar.moves).toEqual([]);
  expect(await stored()).toEqual(before);
  calendar.busy = [];
  expect(unwrap(await rebookMissedMeeting(deps, call(mentor, { relationshipId: relationship.id, meetingId: 'm1', start: TUESDAY_AFTER }, NOW))).kind).toBe('booked');
});

it('two people clicking different times at once: the first written stands, and the event goes back to it', async () => {
  const { relationship, calendar, deps, stored } = await setUp();
  // While the mentor's click moves the event, the mentee's click for another time lands first.
  calendar.duringMove = async () => {
    unwrap(await rebookMissedMeeting(deps, call(mentee, { relationshipId: relationship.id, meetingId: 'm1', start: TUESDAY_AFTER }, NOW)));
  };
  const mentors = unwrap(await rebookMissedMeeting(deps, call(mentor, { relationshipId: relationship.id, meetingId: 'm1', start: NEXT_TUESDAY }, NOW)));
  expect(mentors).toMatchObject({ kind: 'alreadyBooked', bookedBy: 'mentee', meeting: { start: TUESDAY_AFTER } });
  const end = (t: number) => t + 45 * 60_000;
  expect(calendar.moves).toEqual([
    { eventId: 'event-m1', start: NEXT_TUESDAY, end: end(NEXT_TUESDAY) },
    { eventId: 'event-m1', start: TUESDAY_AFTER, end: end(TUESDAY_AFTER) },
    { eventId: 'event-m1', start: TUESDAY_AFTER, end: end(TUESDAY_AFTER) },
  ]);
  expect((await stored()).start).toBe(TUESDAY_AFTER);
});

it('the card offers only times free in both calendars (buffers included), read in one free/busy call', async () => {
  const { relationship, calendar, deps } = await setUp();
  let reads = 0;
  const read = calendar.getCalendars.bind(calendar);
  calendar.getCalendars = async (query) => (reads++, read(query));
  const input = { tenantId: 'tenant-a', relationshipId: relationship.id, meetingId: 'm1' };
  expect(unwrap(await offerRebookTimes(deps, input, NOW))).toEqual([NEXT_TUESDAY, TUESDAY_AFTER]);
  // Busy until 5 minutes before the next Tuesday's time: inside the 10-minute buffer, so that day is skipped.
  calendar.busy = [{ start: NEXT_TUESDAY - 3_600_000, end: NEXT_TUESDAY - 5 * 60_000 }];
  expect(unwrap(await offerRebookTimes(deps, input, NOW))).toEqual([TUESDAY_AFTER]);
  // The missed meeting's own event (busy at its old time) does not count against it.
  calendar.busy = [{ start: MISSED, end: MISSED + 45 * 60_000 }];
  expect(unwrap(await offerRebookTimes(deps, input, Date.parse('2026-03-09T08:00:00Z')))).toContain(MISSED + 7 * 86_400_000);
  expect(reads).toBe(3);
});
