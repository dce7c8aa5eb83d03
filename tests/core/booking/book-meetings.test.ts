/** The booking use case over in-memory repositories and a fake calendar that implements the port. */
import { bookMeetings, type BookingDeps } from '../../../src/core/booking';
import type { CalendarEventRef, CalendarPort, PersonCalendar, PlannedMeetingEvent } from '../../../src/core/ports/calendar';
import { ok, type Result } from '../../../src/core/result';
import { acceptAgreement, proposeAgreement } from '../../../src/core/usecases';
import { agreementFor, call, MentoringWorld, person, unwrap } from '../../fakes/mentoring-world';

class FakeCalendar implements CalendarPort {
  readonly created: PlannedMeetingEvent[] = [];
  async getCalendars(query: Parameters<CalendarPort['getCalendars']>[0]): Promise<Result<PersonCalendar[]>> {
    return ok(query.people.map((p) => ({ personId: p.personId, timeZone: p.personId === 'mentor' ? 'Europe/Warsaw' : 'Asia/Kolkata', busy: [] })));
  }
  async createEvents(events: readonly PlannedMeetingEvent[]): Promise<Result<CalendarEventRef>[]> {
    this.created.push(...events);
    return events.map((e) => ok({ eventId: `event-${e.meetingId}`, organizerId: e.organizer.personId }));
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

async function setUp(overrides: Parameters<typeof agreementFor>[1] = {}) {
  const world = new MentoringWorld();
  const relationship = await world.pair(mentor, mentee);
  unwrap(await proposeAgreement(world.deps, call(mentor, { relationshipId: relationship.id, agreement: agreementFor(relationship, overrides), note: '' })));
  unwrap(await acceptAgreement(world.deps, call(mentee, { relationshipId: relationship.id, versionNumber: 1 })));
  const calendar = new FakeCalendar();
  const deps: BookingDeps = {
    repos: world.repos,
    calendar,
    directory: { findPeople: async (_t, ids) => ok(ids.map((id) => ({ personId: id, email: `${id}@x.local`, displayName: id }))) },
  };
  return { world, relationship, calendar, deps };
}

it('books the next meeting in the mentee’s calendar with the mentor invited, inside both windows', async () => {
  const { relationship, calendar, deps } = await setUp();
  const outcome = unwrap(await bookMeetings(deps, call(mentee, { relationshipId: relationship.id, scope: 'next' })));
  expect(outcome.meetings).toHaveLength(1);
  expect(calendar.created.map((e) => [e.organizer.personId, e.attendees.map((a) => a.personId)])).toEqual([['mentee', ['mentor']]]);
  // The first Tuesday from 9 March 2026: 10:00–12:00 Warsaw (09–11 UTC) ∩ 14:00–16:30 Kolkata (08:30–11:00 UTC).
  expect(new Date(outcome.meetings[0]!.start).toISOString()).toBe('2026-03-10T09:00:00.000Z');
});

it('the mentor organizes when the host says so', async () => {
  const { relationship, calendar, deps } = await setUp();
  unwrap(await bookMeetings({ ...deps, settings: { organizer: 'mentor' } }, call(mentee, { relationshipId: relationship.id, scope: 'next' })));
  expect(calendar.created[0]!.organizer.personId).toBe('mentor');
});

it('refuses, when proposed, an agreement whose windows never hold one meeting, showing both people’s windows in both zones', async () => {
  // Before issue 10 such an agreement was signed and only booking said so; now the proposal is refused.
  const world = new MentoringWorld();
  const relationship = await world.pair(mentor, mentee);
  const proposed = await proposeAgreement(
    world.deps,
    call(mentor, {
      relationshipId: relationship.id,
      agreement: agreementFor(relationship, { mentee: { ...agreementFor({ mentorId: 'mentor', menteeId: 'mentee' }).mentee, meetingWindows: [{ weekday: 2, start: '20:00', end: '21:00' }] } }),
      note: '',
    }),
  );
  expect(proposed.ok ? 'ok' : [proposed.error.code, Object.keys(proposed.error.details ?? {}).sort()]).toEqual([
    'SCHEDULING.WINDOWS_NEVER_OVERLAP',
    ['longestOverlapMinutes', 'meetingMinutes', 'menteeView', 'mentorView', 'problems', 'searched'],
  ]);
  expect(unwrap(await world.repos.relationships.getAggregate('tenant-a', relationship.id)).agreementVersions).toEqual([]);
});

it('refuses a stranger and a count out of range without touching anything', async () => {
  const { relationship, calendar, deps } = await setUp();
  const stranger = await bookMeetings(deps, call(person('someone'), { relationshipId: relationship.id, scope: 'next' }));
  expect(stranger.ok ? 'ok' : stranger.error.code).toBe('RELATIONSHIP.NOT_FOUND');
  const count = await bookMeetings(deps, call(mentee, { relationshipId: relationship.id, scope: 'series', count: 0 }));
  expect(count.ok ? 'ok' : count.error.code).toBe('BOOKING.INVALID_COUNT');
  expect(calendar.created).toEqual([]);
});
