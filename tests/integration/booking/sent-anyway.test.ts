/**
 * "Send anyway" on real parts (Table Storage on Azurite, the Graph adapter over HTTP against the local
 * calendar): booking writes the add-in's custom properties; the organizer moves one meeting outside the
 * agreement after the Outlook guard warned about exactly that time (the add-in's saveAsync leaves
 * `boundaryWarnedTime` in the same custom properties, which Outlook sends with the item), and moves
 * another outside without a warning. The sync records the first as an agreed move, not flagged, and
 * flags only the second. A warning about an earlier time, then a move elsewhere, is still flagged.
 */
import { GraphCalendarAdapter, addInCustomPropertiesId } from '../../../src/adapters/graph/graph-calendar.adapter';
import { createGraphClient } from '../../../src/adapters/graph/graph-client';
import { bookMeetings, syncCalendars } from '../../../src/core/booking';
import type { Relationship } from '../../../src/core/relationships/relationship';
import { DAY, HOUR } from '../../../src/core/time/interval';
import { NOW, weeklyAgreement } from './booking-agreements';
import { expectOk, startBookingWorld, type BookingWorld, type WorldPerson } from './booking-world';

const ADD_IN_ID = '7E1A2B3C-4D5E-4F60-8A7B-9C0D1E2F3A01';
let world: BookingWorld;
let mentor: WorldPerson;
let mentee: WorldPerson;
let relationship: Relationship;
let calendar: GraphCalendarAdapter;

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
        { meetingCount: 3 },
      ),
    NOW,
  );
  calendar = new GraphCalendarAdapter({
    tenantId: world.tenantId,
    client: createGraphClient({ baseUrl: world.calendar.baseUrl, accessToken: async () => 'local-test-token' }),
    batch: { fallbackRetrySeconds: 0, maxAttempts: 12 },
    addInId: ADD_IN_ID,
  });
});
afterEach(() => world.stop());

const meetings = async () => expectOk(await world.repos.relationships.meetings.list(world.tenantId, relationship.id));
const iso = (t: number) => new Date(t).toISOString();

/** What Outlook does when the organizer edits the time and sends: the new time, and the item's custom properties as the add-in saved them. */
async function organizerSends(eventId: string, start: number, customProperties?: Record<string, string>): Promise<void> {
  const body = {
    start: { dateTime: iso(start).slice(0, 19), timeZone: 'UTC' },
    end: { dateTime: iso(start + HOUR).slice(0, 19), timeZone: 'UTC' },
    ...(customProperties ? { singleValueExtendedProperties: [{ id: addInCustomPropertiesId(ADD_IN_ID), value: JSON.stringify(customProperties) }] } : {}),
  };
  const response = await fetch(`${world.calendar.baseUrl}/users/${mentee.personId}/events/${encodeURIComponent(eventId)}`, {
    method: 'PATCH',
    headers: { authorization: 'Bearer outlook-user', 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  await response.text();
  expect(response.status).toBe(200);
}

it('a move sent anyway after the guard warned about that time is an agreed move; one without a warning is flagged', async () => {
  expectOk(await bookMeetings(world.deps({ calendar }), { principal: mentee.principal, now: NOW, input: { relationshipId: relationship.id, scope: 'series' } }));
  const [first, second, third] = await meetings();
  const ids = (m: typeof first) => ({ relationshipId: relationship.id, meetingId: m!.id });
  // Booking wrote the ids the add-in reads.
  const stored = (await world.calendar.handler.events.get(mentee.personId, first!.eventId!))!.doc.singleValueExtendedProperties as { value: string }[];
  expect(JSON.parse(stored[0]!.value)).toEqual(ids(first));

  const warned = first!.start + 3 * HOUR; // 19:00 Warsaw: outside Kacper's 16:00–18:00
  await organizerSends(first!.eventId!, warned, { ...ids(first), boundaryWarnedTime: `${iso(warned)}/${iso(warned + HOUR)}` });
  const unwarned = second!.start + 3 * HOUR;
  await organizerSends(second!.eventId!, unwarned);
  // Warned about one time, then moved somewhere else outside the agreement and sent: not what was agreed to.
  const warnedElsewhere = third!.start + 3 * HOUR;
  await organizerSends(third!.eventId!, warnedElsewhere + HOUR, { ...ids(third), boundaryWarnedTime: `${iso(warnedElsewhere)}/${iso(warnedElsewhere + HOUR)}` });

  const outcome = expectOk(await syncCalendars(world.deps({ calendar }), { tenantId: world.tenantId, relationshipIds: [relationship.id] }, NOW + DAY / 2));
  expect(outcome.changes.map((c) => [c.meetingId, c.kind, c.sentAnyway ?? false])).toEqual([
    [first!.id, 'moved', true],
    [second!.id, 'moved', false],
    [third!.id, 'moved', false],
  ]);
  expect(outcome.flagged).toEqual([second!.id, third!.id]);
  const [a, b, c] = await meetings();
  expect([a!.start, a!.outsideBoundaries, a!.agreedMove]).toEqual([warned, false, true]);
  expect([b!.start, b!.outsideBoundaries, b!.agreedMove]).toEqual([unwarned, true, undefined]);
  expect([c!.outsideBoundaries, c!.agreedMove]).toEqual([true, undefined]);
});
