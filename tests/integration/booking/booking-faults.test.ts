/**
 * With 20% of Graph calls answered 429 or 503 (each request inside a $batch drawn on its own), every
 * requested meeting is booked exactly once: the adapter retries inner failures after Retry-After,
 * and what is still pending after that is finished by the sync timer with the same transaction ids.
 */
import { bookCohort, syncCalendars } from '../../../src/core/booking';
import { MEETING_EXTENSION_NAME } from '../../../src/adapters/graph/graph-calendar.adapter';
import { seededRandom } from '../../../src/local/calendar/fault-plan';
import { weeklyAgreement, NOW } from './booking-agreements';
import { expectOk, startBookingWorld, type PersonSpec, type WorldPerson } from './booking-world';

const PAIRS = 12;

it('books 12 pairs × 6 meetings exactly once each with 20% of calls throttled or unavailable', async () => {
  // Empty calendars: the demo calendars vary with each (random) person id and can leave a pair a week
  // with no slot, which is a true no-slot answer, not what this test is about (faults).
  const specs: PersonSpec[] = [];
  for (let i = 0; i < PAIRS; i++) {
    specs.push({ name: `Mentor ${i}`, zone: 'Europe/Warsaw', outlookZone: 'Central European Standard Time', seeded: false });
    specs.push({ name: `Mentee ${i}`, zone: 'America/New_York', outlookZone: 'Eastern Standard Time', seeded: false });
  }
  const world = await startBookingWorld(specs);
  try {
    const relationships = [];
    for (let i = 0; i < PAIRS; i++) {
      const mentor = world.people[2 * i]!;
      const mentee = world.people[2 * i + 1]!;
      relationships.push(
        await world.pair(
          mentor,
          mentee,
          (m, e) =>
            weeklyAgreement(
              { id: m, zone: 'Europe/Warsaw', windows: [2, 3, 4].map((weekday) => ({ weekday: weekday as 2 | 3 | 4, start: '14:00', end: '19:00' })) },
              { id: e, zone: 'America/New_York', windows: [2, 3, 4].map((weekday) => ({ weekday: weekday as 2 | 3 | 4, start: '08:00', end: '13:00' })) },
            ),
          NOW,
        ),
      );
    }
    const ids = relationships.map((r) => r.id);
    Object.assign(world.calendar.handler.faults, { rate: 0.2, kinds: ['throttle', 'unavailable'], random: seededRandom(20), retryAfterSeconds: 0 });

    const outcomes = await bookCohort(world.deps(), { tenantId: world.tenantId, relationshipIds: ids, scope: 'series' }, NOW);
    for (const o of outcomes) expectOk(o);
    // Whatever the adapter gave up on stays pending; the timer finishes it (faults still on).
    for (let run = 1; run <= 5; run++) {
      const pending = (await Promise.all(ids.map(async (id) => expectOk(await world.repos.relationships.meetings.list(world.tenantId, id))))).flat().filter((m) => m.bookingState === 'pending');
      if (pending.length === 0) break;
      expectOk(await syncCalendars(world.deps(), { tenantId: world.tenantId, relationshipIds: ids }, NOW + run * 15 * 60_000));
    }
    expect(world.calendar.handler.stats.faults).toBeGreaterThan(10);
    world.calendar.handler.faults.rate = 0;

    for (let i = 0; i < PAIRS; i++) {
      const mentee = world.people[2 * i + 1] as WorldPerson;
      const meetings = expectOk(await world.repos.relationships.meetings.list(world.tenantId, ids[i]!));
      expect(meetings).toHaveLength(6);
      expect(meetings.every((m) => m.bookingState === 'booked' && m.eventId)).toBe(true);
      const events = (await world.calendar.handler.events.list(mentee.personId)).filter((e) => e.doc.transactionId);
      const byMeeting = new Map<string, number>();
      for (const e of events) {
        const id = (e.doc.extensions as { extensionName: string; meetingId: string }[]).find((x) => x.extensionName === MEETING_EXTENSION_NAME)!.meetingId;
        byMeeting.set(id, (byMeeting.get(id) ?? 0) + 1);
      }
      expect([...byMeeting.values()]).toEqual(Array(6).fill(1));
      expect([...byMeeting.keys()].sort()).toEqual(meetings.map((m) => m.id).sort());
    }
  } finally {
    await world.stop();
  }
}, 120_000);
