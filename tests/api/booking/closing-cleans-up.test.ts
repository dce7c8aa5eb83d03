/**
 * Closing a relationship cancels its future meetings in Outlook with a comment to both people and keeps
 * past ones; a meeting of a closed relationship can still be cancelled. Over HTTP through the
 * production pipeline (Table Storage on Azurite, the local calendar), both calendars read back through
 * the local calendar's Graph URLs.
 */
import { closeRelationship } from '../../../src/core/usecases';
import { CLOSED_RELATIONSHIP_COMMENT } from '../../../src/core/booking';
import { principalOf } from '../../../src/local/seed-demo-data';
import { agreementFor } from '../support/endpoint-catalogue';
import { startApiHarness, type ApiHarness } from '../support/api-harness';

let h: ApiHarness;
beforeAll(async () => {
  h = await startApiHarness();
});
afterAll(() => h.stop());

interface GraphEvent {
  id: string;
  subject: string;
  isCancelled?: boolean;
  body?: { content: string };
}

async function bookedPair(count: number) {
  const cast = await h.newCast();
  const rel = `/api/relationships/${cast.relationship.id}`;
  const proposed = await h.request('POST', `${rel}/agreement`, { person: cast.mentee, body: { agreement: agreementFor(cast.relationship), note: '' } });
  expect((await h.request('POST', `${rel}/agreement/1/accept`, { person: cast.mentor, body: { version: proposed.json.versions[0].version } })).status).toBe(200);
  const booked = await h.request('POST', `${rel}/meetings`, { person: cast.mentee, body: { scope: 'series', count } });
  expect(booked.json.meetings.map((m: { bookingState: string }) => m.bookingState)).toEqual(Array(count).fill('booked'));
  return { cast, rel };
}

/** A mailbox's events through the local calendar's Graph URL, as a Graph client reads them. */
async function graphEvents(personId: string, token: string): Promise<GraphEvent[]> {
  const response = await fetch(`${h.baseUrl}/local-graph/v1.0/users/${personId}/events`, { headers: { Authorization: `Bearer ${token}` } });
  expect(response.status).toBe(200);
  return ((await response.json()) as { value: GraphEvent[] }).value;
}

it('closing cancels every future meeting in both calendars with a comment, and keeps the past one', async () => {
  const { cast, rel } = await bookedPair(3);
  const repo = h.api.services.repositories.relationships.meetings;
  const now = Date.now();
  const past = await repo.create(cast.tenantId, cast.relationship.id, {
    id: `${cast.relationship.id}.held`,
    number: 0,
    start: now - 7 * 86_400_000,
    end: now - 7 * 86_400_000 + 45 * 60_000,
    status: 'held',
    organizerId: cast.mentee.personId,
    bookingState: 'booked',
    eventId: 'held-event',
  });
  if (!past.ok) throw new Error(past.error.code);
  const token = await h.token(cast.mentee);
  const organizerBefore = (await graphEvents(cast.mentee.personId, token)).filter((e) => !e.isCancelled);
  const attendeeBefore = (await graphEvents(cast.mentor.personId, token)).filter((e) => !e.isCancelled);
  expect([organizerBefore.length, attendeeBefore.length]).toEqual([3, 3]);

  const detail = await h.request('GET', rel, { person: cast.mentee });
  const closed = await h.request('POST', `${rel}/close`, {
    person: cast.mentee,
    body: { reflection: { whatWorked: 'Practical sessions', whatToImprove: '', keyTakeaway: 'Ask early' }, version: detail.json.relationship.version },
  });
  expect([closed.status, closed.json.status]).toEqual([200, 'closed']);
  // The answer says what Outlook did: all three future meetings cancelled, none waiting.
  expect(closed.json.outlook).toEqual({ status: 'done', cancelled: 3, waiting: 0 });

  // Outlook: no live event left in either calendar (the organizer's are cancelled, the attendee's copies too).
  expect((await graphEvents(cast.mentee.personId, token)).filter((e) => !e.isCancelled)).toEqual([]);
  expect((await graphEvents(cast.mentor.personId, token)).filter((e) => !e.isCancelled)).toEqual([]);
  // The attendee's copies say so, with the comment, as Outlook shows a cancellation.
  const copies = (await graphEvents(cast.mentor.personId, token)).filter((e) => e.isCancelled);
  expect(copies).toHaveLength(3);
  expect(copies.every((e) => e.subject.startsWith('Canceled:') && e.body?.content === CLOSED_RELATIONSHIP_COMMENT)).toBe(true);

  const meetings = await repo.list(cast.tenantId, cast.relationship.id);
  if (!meetings.ok) throw new Error(meetings.error.code);
  const future = meetings.value.filter((m) => m.number > 0);
  expect(future.map((m) => [m.status, m.cancelReason])).toEqual(Array(3).fill(['cancelled', CLOSED_RELATIONSHIP_COMMENT]));
  expect(meetings.value.find((m) => m.number === 0)).toMatchObject({ status: 'held', eventId: 'held-event' });
});

it('a meeting of a closed relationship can still be cancelled (no 409 RELATIONSHIP.CLOSED)', async () => {
  const { cast, rel } = await bookedPair(2);
  // Closed without the API's clean-up (as if Outlook had refused it then).
  const detail = await h.request('GET', rel, { person: cast.mentor });
  const closed = await closeRelationship(
    { repos: h.api.services.repositories },
    { principal: principalOf(cast.mentor), now: Date.now(), input: { relationshipId: cast.relationship.id, reflection: { whatWorked: 'x', whatToImprove: '', keyTakeaway: '' }, version: detail.json.relationship.version } },
  );
  expect(closed.ok).toBe(true);
  const meeting = detail.json.meetings.find((m: { status: string }) => m.status === 'planned') as { id: string; version: string };
  const cancelled = await h.request('DELETE', `${rel}/meetings/${meeting.id}`, { person: cast.mentee, body: { comment: 'We closed the relationship.', version: meeting.version } });
  expect([cancelled.status, cancelled.json.status]).toEqual([200, 'cancelled']);
});
