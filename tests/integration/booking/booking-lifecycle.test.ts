/**
 * The rest of a meeting's life on real parts: the agenda in the invite (user text escaped), agenda
 * refresh of future meetings only, reschedule inside the boundaries, cancel with a comment, and the
 * sync noticing what people did in Outlook.
 */
import {
  bookMeetings,
  cancelMeeting,
  proposeMeetingSlots,
  refreshAgendas,
  rescheduleMeeting,
  syncCalendars,
} from '../../../src/core/booking';
import { addActionItem, addGoal, saveRoadmap } from '../../../src/core/usecases';
import type { Relationship } from '../../../src/core/relationships/relationship';
import { DAY, HOUR } from '../../../src/core/time/interval';
import { weeklyAgreement, NOW } from './booking-agreements';
import { expectOk, startBookingWorld, type BookingWorld, type WorldPerson } from './booking-world';

let world: BookingWorld;
let mentor: WorldPerson;
let mentee: WorldPerson;
let relationship: Relationship;
const ids = { newId: () => `id${Math.random().toString(36).slice(2, 10)}` };

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
});
afterEach(() => world.stop());

const book = () => bookMeetings(world.deps(), { principal: mentee.principal, now: NOW, input: { relationshipId: relationship.id, scope: 'series' } });
const meetings = async () => expectOk(await world.repos.relationships.meetings.list(world.tenantId, relationship.id));
const eventBody = async (eventId: string) => {
  const e = (await world.calendar.handler.events.get(mentee.personId, eventId))!;
  return { html: (e.doc.body as { content: string }).content, subject: String(e.doc.subject), doc: e.doc };
};

/** The attendee's own event for the organizer's event (same iCalUId), as Outlook keeps it. */
async function attendeeCopy(attendeeId: string, organizerEventId: string) {
  const organizerEvent = (await world.calendar.handler.events.get(mentee.personId, organizerEventId)) ?? (await world.calendar.handler.events.list(attendeeId)).find((e) => e.copyOf?.id === organizerEventId);
  const copy = (await world.calendar.handler.events.list(attendeeId)).find((e) => e.copyOf?.id === organizerEventId || e.doc.iCalUId === organizerEvent?.doc.iCalUId);
  if (!copy) throw new Error(`no copy of ${organizerEventId} in ${attendeeId}'s calendar`);
  return copy;
}

async function outlook(method: string, path: string, body?: unknown): Promise<number> {
  const response = await fetch(`${world.calendar.baseUrl}${path}`, {
    method,
    headers: { authorization: 'Bearer outlook-user', ...(body ? { 'content-type': 'application/json' } : {}) },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  await response.text();
  return response.status;
}

it('puts each meeting’s agenda in its invite; a goal written as markup appears as text', async () => {
  const base = { repos: world.repos, ids };
  expectOk(
    await addGoal(base, {
      principal: mentee.principal,
      now: NOW,
      input: {
        relationshipId: relationship.id,
        title: '<img src=x onerror=alert(1)>',
        smart: { specific: 's', measurable: 'm', achievable: 'a', relevant: 'r', timeBound: 't' },
        targetDate: '2027-03-31',
      },
    }),
  );
  expectOk(
    await saveRoadmap(base, {
      principal: mentee.principal,
      now: NOW,
      input: {
        relationshipId: relationship.id,
        themes: [
          { title: 'Power BI basics', notes: 'Bring a report', meetingNumbers: [1] },
          { title: 'Dashboards for the board', notes: '', meetingNumbers: [2] },
        ],
      },
    }),
  );
  expectOk(await addActionItem(base, { principal: mentor.principal, now: NOW, input: { relationshipId: relationship.id, title: 'Share the sample data set', ownerId: mentor.personId, dueDate: '2027-01-04' } }));
  expectOk(await book());
  const [first, second] = await meetings();
  const one = await eventBody(first!.eventId!);
  expect(one.html).toContain('&lt;img src=x onerror=alert(1)&gt;');
  expect(one.html).not.toMatch(/<img/i);
  expect(one.html).not.toMatch(/onerror=alert\(1\)>/);
  expect(one.html).toContain('Power BI basics');
  expect(one.html).not.toContain('Dashboards for the board');
  expect(one.html).toContain('Share the sample data set');
  expect(one.html).toContain('31 March 2027');
  expect(one.html).toContain('Grow as a lead'); // pre-work, before the first meeting only
  expect(one.html).toContain('What was most useful in this conversation?');
  expect(one.subject).toBe('Mentoring: Margaret Hale & Kacper Nowak, meeting 1 of 3 (Power BI basics)');
  expect(one.doc.isOnlineMeeting).toBe(true);
  expect(one.doc.categories).toEqual(['Mentoring']);
  const two = await eventBody(second!.eventId!);
  expect(two.html).toContain('Dashboards for the board');
  expect(two.html).not.toContain('Grow as a lead');
});

it('refreshes the agenda of future meetings only, batched, and skips unchanged ones', async () => {
  expectOk(await book());
  const [first, second, third] = await meetings();
  const afterFirst = first!.end + HOUR;
  const unchanged = expectOk(await refreshAgendas(world.deps(), { tenantId: world.tenantId, relationshipId: relationship.id }, afterFirst));
  expect(unchanged.updated).toEqual([]);
  expect(unchanged.unchanged).toEqual([second!.id, third!.id]);

  const firstBefore = await eventBody(first!.eventId!);
  expectOk(await addActionItem({ repos: world.repos, ids }, { principal: mentee.principal, now: afterFirst, input: { relationshipId: relationship.id, title: 'Draft the board dashboard', ownerId: mentee.personId } }));
  const batches = world.calendar.handler.stats.batches;
  const refreshed = expectOk(await refreshAgendas(world.deps(), { tenantId: world.tenantId, relationshipId: relationship.id }, afterFirst));
  expect(refreshed.updated).toEqual([second!.id, third!.id]);
  expect(world.calendar.handler.stats.batches).toBe(batches + 1);
  expect((await eventBody(second!.eventId!)).html).toContain('Draft the board dashboard');
  expect((await eventBody(third!.eventId!)).html).toContain('Draft the board dashboard');
  expect((await eventBody(first!.eventId!)).html).toBe(firstBefore.html);
});

it('the sync timer carries an edited agenda into the future invites within one run', async () => {
  expectOk(await book());
  const [first, second, third] = await meetings();
  const afterFirst = first!.end + HOUR;
  expectOk(await addActionItem({ repos: world.repos, ids }, { principal: mentor.principal, now: afterFirst, input: { relationshipId: relationship.id, title: 'Send the Power BI licence request', ownerId: mentee.personId } }));
  const synced = expectOk(await syncCalendars(world.deps(), { tenantId: world.tenantId, relationshipIds: [relationship.id] }, afterFirst));
  expect(synced.agendasUpdated).toEqual([second!.id, third!.id]);
  expect((await eventBody(third!.eventId!)).html).toContain('Send the Power BI licence request');
  const again = expectOk(await syncCalendars(world.deps(), { tenantId: world.tenantId, relationshipIds: [relationship.id] }, afterFirst + HOUR));
  expect(again.agendasUpdated).toEqual([]);
});

it('proposes slots inside both windows, reschedules into one, and refuses a time outside the boundaries', async () => {
  expectOk(await book());
  const [first] = await meetings();
  const refused = await rescheduleMeeting(world.deps(), {
    principal: mentor.principal,
    now: NOW,
    input: { relationshipId: relationship.id, meetingId: first!.id, start: first!.start + 3 * HOUR },
  });
  expect(refused.ok ? 'ok' : refused.error.code).toBe('BOOKING.OUTSIDE_BOUNDARIES');
  const tooSoon = await rescheduleMeeting(world.deps(), {
    principal: mentor.principal,
    now: first!.start - 2 * HOUR,
    input: { relationshipId: relationship.id, meetingId: first!.id, start: first!.start + HOUR },
  });
  expect(tooSoon.ok ? 'ok' : tooSoon.error.code).toBe('BOOKING.TOO_SOON');

  const later = first!.start + HOUR; // 17:00 Warsaw, 11:00 New York: still inside both windows
  const moved = expectOk(await rescheduleMeeting(world.deps(), { principal: mentor.principal, now: NOW, input: { relationshipId: relationship.id, meetingId: first!.id, start: later } }));
  expect(moved.start).toBe(later);
  const event = (await world.calendar.handler.events.get(mentee.personId, first!.eventId!))!;
  expect(event.start).toBe(later);

  // All three agreed meetings are planned: a proposal for a fourth explains why there is none.
  const proposal = await proposeMeetingSlots(world.deps(), { principal: mentee.principal, now: NOW, input: { relationshipId: relationship.id } });
  expect(proposal.ok ? 'ok' : [proposal.error.code, proposal.error.details]).toEqual(['SCHEDULING.MEETING_COUNT_REACHED', { meetingCount: 3, meetingsSoFar: 3 }]);
});

it('proposes ranked slots for the first meeting, each inside both people’s windows', async () => {
  const proposal = expectOk(await proposeMeetingSlots(world.deps(), { principal: mentee.principal, now: NOW, input: { relationshipId: relationship.id, maxSlots: 3 } }));
  expect(proposal.targetDate).toBe('2027-01-05');
  expect(proposal.slots.map((s) => new Date(s.start).toISOString())).toEqual(['2027-01-05T15:00:00.000Z', '2027-01-05T15:15:00.000Z', '2027-01-05T15:30:00.000Z']);
  expect([proposal.mentorTimeZone, proposal.menteeTimeZone]).toEqual(['Europe/Warsaw', 'America/New_York']);
});

it('cancels with a comment in Outlook and records why', async () => {
  expectOk(await book());
  const [, second] = await meetings();
  const missing = await cancelMeeting(world.deps(), { principal: mentee.principal, now: NOW, input: { relationshipId: relationship.id, meetingId: second!.id, comment: '  ' } });
  expect(missing.ok ? 'ok' : missing.error.code).toBe('BOOKING.COMMENT_REQUIRED');
  const cancelled = expectOk(await cancelMeeting(world.deps(), { principal: mentee.principal, now: NOW, input: { relationshipId: relationship.id, meetingId: second!.id, comment: 'Travel — sorry!' } }));
  expect(cancelled.status).toBe('cancelled');
  expect(cancelled.cancelReason).toBe('Travel — sorry!');
  // As in Graph: the organizer's event leaves the calendar; the partner's copy is cancelled with the comment.
  expect(await world.calendar.handler.events.get(mentee.personId, second!.eventId!)).toBeUndefined();
  const partnerCopy = await attendeeCopy(mentor.personId, second!.eventId!);
  expect(partnerCopy.isCancelled).toBe(true);
  expect(partnerCopy.doc.bodyPreview).toBe('Travel — sorry!');
  const stranger = await cancelMeeting(world.deps(), { principal: { ...mentee.principal, userId: 'someone-else' }, now: NOW, input: { relationshipId: relationship.id, meetingId: second!.id, comment: 'x' } });
  expect(stranger.ok ? 'ok' : stranger.error.code).toBe('RELATIONSHIP.NOT_FOUND');
});

it('the sync records a decline, a move outside the boundaries (flagged, not moved back) and a cancellation made in Outlook', async () => {
  expectOk(await book());
  const [first, second, third] = await meetings();
  const firstCopy = await attendeeCopy(mentor.personId, first!.eventId!);
  expect(await outlook('POST', `/users/${mentor.personId}/events/${encodeURIComponent(firstCopy.id)}/decline`, { comment: 'Clash', sendResponse: true })).toBe(202);
  const outside = second!.start + 3 * HOUR;
  expect(
    await outlook('PATCH', `/users/${mentee.personId}/events/${second!.eventId}`, {
      start: { dateTime: new Date(outside).toISOString().slice(0, 19), timeZone: 'UTC' },
      end: { dateTime: new Date(outside + HOUR).toISOString().slice(0, 19), timeZone: 'UTC' },
    }),
  ).toBe(200);
  expect(await outlook('POST', `/users/${mentee.personId}/events/${third!.eventId}/cancel`, { comment: 'Done early' })).toBe(202);

  const later = NOW + DAY / 2;
  const outcome = expectOk(await syncCalendars(world.deps(), { tenantId: world.tenantId, relationshipIds: [relationship.id] }, later));
  expect(outcome.changes.map((c) => [c.meetingId, c.kind, c.personId])).toEqual([
    [first!.id, 'declined', mentor.personId],
    [second!.id, 'moved', mentee.personId],
    [third!.id, 'cancelled', mentee.personId],
  ]);
  expect(outcome.flagged).toEqual([second!.id]);
  const [a, b, c] = await meetings();
  expect(a!.responses).toEqual([{ personId: mentor.personId, response: 'declined' }]);
  expect(b!.start).toBe(outside);
  expect(b!.outsideBoundaries).toBe(true);
  expect((await world.calendar.handler.events.get(mentee.personId, second!.eventId!))!.start).toBe(outside);
  expect(c!.status).toBe('cancelled');

  // A second run notices nothing new.
  const again = expectOk(await syncCalendars(world.deps(), { tenantId: world.tenantId, relationshipIds: [relationship.id] }, later + HOUR));
  expect(again.changes).toEqual([]);
});
