/**
 * The booking endpoints over HTTP on the local host: the production pipeline (token validation,
 * contracts, error catalogue), Table Storage on Azurite and the local Graph calendar.
 */
import { randomUUID } from 'node:crypto';
import { newClientState } from '../../../src/adapters/graph/client-state';
import { syncRegisteredCalendars } from '../../../src/api/functions/sync-calendars';
import { QueueClient } from '@azure/storage-queue';
import { keepSubscriptions, readChangesWithDelta } from '../../../src/api/functions/calendar-changes';
import { parseCalendarChangeMessage } from '../../../src/adapters/storage/storage-queue-calendar-changes';
import { apiQueues } from '../../../src/api/function-table';
import type { ApiLogger } from '../../../src/api/api-services';
import { startQueueWorkers } from '../../../src/local/local-queue-worker';
import { testStorageConnectionString } from '../../support/azurite';
import { agreementFor } from '../support/endpoint-catalogue';
import { startApiHarness, type ApiHarness } from '../support/api-harness';

let h: ApiHarness;
beforeAll(async () => {
  h = await startApiHarness();
});
afterAll(() => h.stop());

async function pairWithAgreement() {
  const cast = await h.newCast();
  const rel = `/api/relationships/${cast.relationship.id}`;
  const proposed = await h.request('POST', `${rel}/agreement`, { person: cast.mentee, body: { agreement: agreementFor(cast.relationship), note: '' } });
  expect(proposed.status).toBe(201);
  const version = proposed.json.versions[0].version;
  expect((await h.request('POST', `${rel}/agreement/1/accept`, { person: cast.mentor, body: { version } })).status).toBe(200);
  return { cast, rel };
}

it('books the series once: a retried POST answers the same meetings and the calendar holds one event each', async () => {
  const { cast, rel } = await pairWithAgreement();
  const first = await h.request('POST', `${rel}/meetings`, { person: cast.mentee, body: { scope: 'series', count: 3 } });
  expect(first.status).toBe(200);
  expect(first.json.plannedNow).toHaveLength(3);
  expect(first.json.meetings.map((m: { bookingState: string }) => m.bookingState)).toEqual(['booked', 'booked', 'booked']);
  const retry = await h.request('POST', `${rel}/meetings`, { person: cast.mentee, body: { scope: 'series', count: 3 } });
  expect(retry.status).toBe(200);
  expect(retry.json.plannedNow).toEqual([]);
  expect(retry.json.meetings.map((m: { id: string }) => m.id)).toEqual(first.json.meetings.map((m: { id: string }) => m.id));
  const events = (await h.calendar().events.list(cast.mentee.personId)).filter((e) => !e.isCancelled);
  expect(events).toHaveLength(3);
  // Each start is an ISO instant on a Tuesday inside both windows (14:00–17:00 Warsaw, 08:00–12:00 New York).
  for (const m of first.json.meetings as { start: string }[]) expect(new Date(m.start).getUTCDay()).toBe(2);
});

describe('booking the next meeting at a chosen time', () => {
  it('books the proposed time the person chose, once: a retry finds it, another time is refused, the calendar holds one event', async () => {
    const { cast, rel } = await pairWithAgreement();
    const slots = await h.request('GET', `${rel}/slots`, { person: cast.mentee });
    expect(slots.status).toBe(200);
    // Not the first proposal: the one booking would pick on its own.
    const chosen = slots.json.slots[2] as { start: string; end: string };
    const booked = await h.request('POST', `${rel}/meetings`, { person: cast.mentee, body: { scope: 'next', start: chosen.start } });
    expect(booked.status).toBe(200);
    expect(booked.json.plannedNow).toHaveLength(1);
    expect(booked.json.meetings.map((m: { start: string; end: string; bookingState: string }) => [m.start, m.end, m.bookingState])).toEqual([[chosen.start, chosen.end, 'booked']]);
    const retry = await h.request('POST', `${rel}/meetings`, { person: cast.mentor, body: { scope: 'next', start: chosen.start } });
    expect([retry.status, retry.json.plannedNow, retry.json.meetings.map((m: { id: string }) => m.id)]).toEqual([200, [], [booked.json.meetings[0].id]]);
    const before = await h.snapshot(cast.tenantId);
    const other = await h.request('POST', `${rel}/meetings`, { person: cast.mentee, body: { scope: 'next', start: slots.json.slots[0].start } });
    expect([other.status, other.json.error.code, other.json.error.field]).toEqual([409, 'BOOKING.NEXT_ALREADY_PLANNED', 'start']);
    expect(await h.snapshot(cast.tenantId)).toEqual(before);
    const events = (await h.calendar().events.list(cast.mentee.personId)).filter((e) => !e.isCancelled);
    expect(events.map((e) => new Date(e.start).toISOString())).toEqual([chosen.start]);
  });

  it('refuses a time outside the boundaries, a busy time and a chosen time for a series, each with its code, and writes nothing', async () => {
    const { cast, rel } = await pairWithAgreement();
    const slots = await h.request('GET', `${rel}/slots`, { person: cast.mentee });
    const first = slots.json.slots[0] as { start: string; end: string };
    const before = await h.snapshot(cast.tenantId);
    const outside = new Date(Date.parse(first.start) + 6 * 3600_000).toISOString();
    const refused = await h.request('POST', `${rel}/meetings`, { person: cast.mentee, body: { scope: 'next', start: outside } });
    expect([refused.status, refused.json.error.code, refused.json.error.field, refused.json.error.details.boundary]).toEqual([422, 'BOOKING.OUTSIDE_BOUNDARIES', 'start', 'BOUNDARY.OUTSIDE_WINDOW']);
    expect(refused.json.error.details.localTimes.map((t: { timeZone: string }) => t.timeZone)).toEqual(['Europe/Warsaw', 'America/New_York']);
    const series = await h.request('POST', `${rel}/meetings`, { person: cast.mentee, body: { scope: 'series', start: first.start } });
    expect([series.status, series.json.error.code, series.json.error.field]).toEqual([422, 'BOOKING.START_ONLY_FOR_NEXT', 'start']);
    // The mentor accepts another meeting at that time in Outlook meanwhile.
    const made = await fetch(`${h.baseUrl}/local-graph/v1.0/users/${cast.mentor.personId}/calendar/events`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${await h.token(cast.mentor)}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ subject: 'Budget review', start: { dateTime: first.start.slice(0, 19), timeZone: 'UTC' }, end: { dateTime: first.end.slice(0, 19), timeZone: 'UTC' } }),
    });
    expect(made.status).toBe(201);
    const snapshotWithEvent = await h.snapshot(cast.tenantId);
    const busy = await h.request('POST', `${rel}/meetings`, { person: cast.mentee, body: { scope: 'next', start: first.start } });
    expect([busy.status, busy.json.error.code, busy.json.error.field]).toEqual([409, 'BOOKING.SLOT_BUSY', 'start']);
    expect(await h.snapshot(cast.tenantId)).toEqual(snapshotWithEvent);
    expect(snapshotWithEvent).toEqual(before);
  });
});

it('refuses bad input with stable codes and writes nothing', async () => {
  const { cast, rel } = await pairWithAgreement();
  const before = await h.snapshot(cast.tenantId);
  const badScope = await h.request('POST', `${rel}/meetings`, { person: cast.mentee, body: { scope: 'all' } });
  expect([badScope.status, badScope.json.error.code, badScope.json.error.field]).toEqual([400, 'HTTP.INVALID_BODY', 'scope']);
  const unknown = await h.request('PATCH', `${rel}/meetings/nope`, { person: cast.mentee, body: { start: '2027-01-05T15:00:00Z', version: 'W/"1"' } });
  expect([unknown.status, unknown.json.error.code]).toEqual([404, 'BOOKING.MEETING_NOT_FOUND']);
  const noComment = await h.request('DELETE', `${rel}/meetings/nope`, { person: cast.mentee, body: {} });
  expect([noComment.status, noComment.json.error.code]).toEqual([400, 'HTTP.INVALID_BODY']);
  expect(await h.snapshot(cast.tenantId)).toEqual(before);
});

it('without an agreement, booking says what to do first', async () => {
  const cast = await h.newCast();
  const answer = await h.request('POST', `/api/relationships/${cast.relationship.id}/meetings`, { person: cast.mentee, body: {} });
  expect([answer.status, answer.json.error.code]).toEqual([409, 'BOOKING.NO_ACTIVE_AGREEMENT']);
});

it('moving a meeting outside the windows is refused with the boundary code', async () => {
  const { cast, rel } = await pairWithAgreement();
  const booked = await h.request('POST', `${rel}/meetings`, { person: cast.mentee, body: {} });
  const meeting = booked.json.meetings[0] as { id: string; start: string; version: string };
  const outside = new Date(Date.parse(meeting.start) + 6 * 3600_000).toISOString();
  const answer = await h.request('PATCH', `${rel}/meetings/${meeting.id}`, { person: cast.mentor, body: { start: outside, version: meeting.version } });
  expect([answer.status, answer.json.error.code, answer.json.error.field]).toEqual([422, 'BOOKING.OUTSIDE_BOUNDARIES', 'start']);
});

describe('Graph change notifications', () => {
  it('answers the validation handshake with the token as text/plain', async () => {
    const token = 'Validation: Testing client application reachability for subscription Request-Id: 3b3f6c6a';
    const answer = await h.request('POST', `/api/calendar-notifications?validationToken=${encodeURIComponent(token)}`, { headers: { 'content-type': 'text/plain' } });
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(answer.text).toBe(token);
  });

  const changesQueueName = () => `changes-${h.tableName.toLowerCase()}`;
  /** Every message now on the webhook's queue, taken off it unconsumed (to see what the webhook queued). */
  async function drainQueue() {
    const queue = new QueueClient(testStorageConnectionString(), changesQueueName());
    await queue.createIfNotExists();
    const changes: unknown[] = [];
    for (;;) {
      const { receivedMessageItems } = await queue.receiveMessages({ numberOfMessages: 32 });
      if (receivedMessageItems.length === 0) return changes;
      for (const m of receivedMessageItems) {
        changes.push(...(parseCalendarChangeMessage(m.messageText) ?? []));
        await queue.deleteMessage(m.messageId, m.popReceipt);
      }
    }
  }
  /** One round of the consumer as the local host runs it (the queue trigger's stand-in, not a copy of it). */
  async function consumeQueued(logger: ApiLogger, now = () => Date.now()) {
    const worker = startQueueWorkers({ connectionString: testStorageConnectionString(), queues: apiQueues, services: h.api.services, logger, now, queueNames: { calendarChanges: changesQueueName() }, poll: false });
    await worker.runOnce();
    await worker.stop();
  }

  it('refuses notifications that do not carry the clientState of a subscription we keep (403), and changes nothing', async () => {
    const tenantId = randomUUID();
    const records = h.api.services.booking.subscriptionRecords;
    const ours = { subscriptionId: randomUUID(), mailboxId: 'm1', expiresAt: Date.now() + 3600_000, clientState: newClientState() };
    expect(await records.create(tenantId, ours)).toEqual({ ok: true, value: undefined });
    await drainQueue();
    const before = await h.snapshot();
    const note = (subscriptionId: string, clientState: string | undefined, tenant = tenantId) => ({ subscriptionId, clientState, changeType: 'updated', resource: 'Users/m1/Events/e1', tenantId: tenant });
    for (const value of [
      [note('s', 'guess')],
      // Our subscription with a wrong, empty, missing or lengthened secret.
      [note(ours.subscriptionId, 'guess')],
      [note(ours.subscriptionId, '')],
      [note(ours.subscriptionId, undefined)],
      [note(ours.subscriptionId, `${ours.clientState}x`)],
      // The right secret under another tenant, or for another subscription.
      [note(ours.subscriptionId, ours.clientState, randomUUID())],
      [note(randomUUID(), ours.clientState)],
      [{ lifecycleEvent: 'subscriptionRemoved', subscriptionId: ours.subscriptionId, clientState: 'guess', tenantId }],
    ]) {
      const answer = await h.request('POST', '/api/calendar-notifications', { body: { value } });
      expect([answer.status, answer.json.error.code, answer.json.error.field]).toEqual([403, 'CALENDAR.NOTIFICATION_REJECTED', 'clientState']);
    }
    expect(await h.snapshot()).toEqual(before);
    expect((await drainQueue()).filter((c) => (c as { tenantId: string }).tenantId === tenantId)).toEqual([]);
  });

  it('queues only the items that carry their own subscription’s clientState, checked against the record in Table Storage', async () => {
    const tenantId = randomUUID();
    const records = h.api.services.booking.subscriptionRecords;
    const s1 = { subscriptionId: randomUUID(), mailboxId: 'm1', expiresAt: Date.now() + 3600_000, clientState: newClientState() };
    const s2 = { subscriptionId: randomUUID(), mailboxId: 'm2', expiresAt: Date.now() + 3600_000, clientState: newClientState() };
    for (const s of [s1, s2]) expect((await records.create(tenantId, s)).ok).toBe(true);
    await drainQueue();
    const answer = await h.request('POST', '/api/calendar-notifications', {
      body: {
        value: [
          { subscriptionId: s1.subscriptionId, clientState: s1.clientState, changeType: 'updated', resource: 'Users/m1/Events/e1', tenantId },
          // s2's item with s1's secret: each subscription has its own.
          { subscriptionId: s2.subscriptionId, clientState: s1.clientState, changeType: 'updated', resource: 'Users/m2/Events/e2', tenantId },
          { lifecycleEvent: 'reauthorizationRequired', subscriptionId: s2.subscriptionId, clientState: s2.clientState, tenantId },
        ],
      },
    });
    expect(answer.status).toBe(202);
    expect((await drainQueue()).filter((c) => (c as { tenantId: string }).tenantId === tenantId)).toEqual([
      { kind: 'changed', tenantId, subscriptionId: s1.subscriptionId, mailboxId: 'm1' },
      { kind: 'reauthorizationRequired', tenantId, subscriptionId: s2.subscriptionId },
    ]);
  });

  it('answers a large genuine batch at once (Graph waits 3 seconds): it checks each subscription once and only queues', async () => {
    const tenantId = randomUUID();
    const records = h.api.services.booking.subscriptionRecords;
    const subs = Array.from({ length: 10 }, (_, i) => ({ subscriptionId: randomUUID(), mailboxId: `m${i}`, expiresAt: Date.now() + 3600_000, clientState: newClientState() }));
    for (const s of subs) expect((await records.create(tenantId, s)).ok).toBe(true);
    await drainQueue();
    const value = Array.from({ length: 100 }, (_, i) => {
      const s = subs[i % subs.length]!;
      return { subscriptionId: s.subscriptionId, clientState: s.clientState, changeType: 'updated', resource: `Users/${s.mailboxId}/Events/e${i}`, tenantId };
    });
    const find = jest.spyOn(records, 'find');
    // The time it takes is a benchmark's to measure; here, the work it does: one record read per subscription.
    const answer = await h.request('POST', '/api/calendar-notifications', { body: { value } });
    expect(answer.status).toBe(202);
    expect(find).toHaveBeenCalledTimes(10);
    find.mockRestore();
    expect((await drainQueue()).filter((c) => (c as { tenantId: string }).tenantId === tenantId)).toHaveLength(100);
  });

  it('a first booking subscribes its organizer’s mailbox at once; a retried booking makes no second subscription', async () => {
    const { cast, rel } = await pairWithAgreement();
    const mine = () => h.calendar().subscriptions.list().filter((s) => s.tenantId === cast.tenantId);
    expect(mine()).toEqual([]);
    expect((await h.request('POST', `${rel}/meetings`, { person: cast.mentee, body: { scope: 'series', count: 2 } })).status).toBe(200);
    const [first, ...others] = mine();
    expect(others).toEqual([]);
    expect(first!.resource).toBe(`users/${cast.mentee.personId}/events`);
    const record = await h.api.services.booking.subscriptionRecords.get(cast.tenantId, cast.mentee.personId);
    expect(record.ok && record.value).toMatchObject({ subscriptionId: first!.id, clientState: first!.clientState });
    // The same request again, and one asking for more: still the one subscription.
    expect((await h.request('POST', `${rel}/meetings`, { person: cast.mentee, body: { scope: 'series', count: 2 } })).status).toBe(200);
    expect((await h.request('POST', `${rel}/meetings`, { person: cast.mentor, body: { scope: 'series', count: 3 } })).status).toBe(200);
    expect(mine().map((s) => s.id)).toEqual([first!.id]);
  });

  it('Outlook → subscription → webhook → queue → consumer: a decline in Outlook reaches the meeting record; the timer sees nothing new after', async () => {
    const { cast, rel } = await pairWithAgreement();
    const booked = await h.request('POST', `${rel}/meetings`, { person: cast.mentee, body: {} });
    const meeting = booked.json.meetings[0] as { id: string };
    const stored = await h.api.services.repositories.relationships.meetings.get(cast.tenantId, cast.relationship.id, meeting.id);
    if (!stored.ok) throw new Error(stored.error.code);
    // The booking itself subscribed the organizer's mailbox (the mentee's); the local calendar validated the webhook first.
    const logged: Record<string, unknown>[] = [];
    const logger = { info: (_m: string, f: Record<string, unknown>) => logged.push(f), error: (_m: string, f: Record<string, unknown>) => logged.push({ error: true, ...f }) };
    expect(h.calendar().subscriptions.list().filter((s) => s.tenantId === cast.tenantId)).toHaveLength(1);
    // The subscription timer finds it and keeps it.
    await keepSubscriptions(h.api.services, Date.now(), logger);
    expect(logged.find((f) => f.tenantId === cast.tenantId)).toMatchObject({ created: 0, kept: 1, failed: [] });
    // Its clientState is its own random secret, stored with the record (no setting holds one).
    const watched = h.calendar().subscriptions.list().filter((s) => s.tenantId === cast.tenantId);
    expect(watched.map((s) => s.resource)).toEqual([`users/${cast.mentee.personId}/events`]);
    const record = await h.api.services.booking.subscriptionRecords.find(cast.tenantId, watched[0]!.id);
    expect(record.ok && record.value).toMatchObject({ mailboxId: cast.mentee.personId, clientState: watched[0]!.clientState });
    expect(watched[0]!.clientState).toMatch(/^[A-Za-z0-9_-]{43}$/);
    // A second run keeps it (it lives ~70 hours and is renewed a day before it lapses).
    await keepSubscriptions(h.api.services, Date.now(), logger);
    expect(logged.filter((f) => f.tenantId === cast.tenantId).at(-1)).toMatchObject({ created: 0, kept: 1 });

    // The mentor declines in Outlook, on the invite in their own calendar; the organizer's event changes.
    const invites = await fetch(`${h.baseUrl}/local-graph/v1.0/users/${cast.mentor.personId}/events?$top=100`, { headers: { authorization: 'Bearer outlook' } });
    const organizers = await fetch(`${h.baseUrl}/local-graph/v1.0/users/${cast.mentee.personId}/events/${stored.value.eventId}`, { headers: { authorization: 'Bearer outlook' } });
    const { iCalUId } = (await organizers.json()) as { iCalUId: string };
    const copy = ((await invites.json()) as { value: { id: string; iCalUId: string }[] }).value.find((e) => e.iCalUId === iCalUId)!;
    const decline = await fetch(`${h.baseUrl}/local-graph/v1.0/users/${cast.mentor.personId}/events/${encodeURIComponent(copy.id)}/decline`, {
      method: 'POST',
      headers: { authorization: 'Bearer outlook', 'content-type': 'application/json' },
      body: JSON.stringify({ comment: 'Clash' }),
    });
    expect(decline.status).toBe(202);
    // The local calendar POSTs the notification; the webhook queues it and answers 202.
    await h.calendar().subscriptions.settle();
    expect(h.calendar().subscriptions.delivered).toBeGreaterThan(0);
    const before = await h.api.services.repositories.relationships.meetings.get(cast.tenantId, cast.relationship.id, meeting.id);
    expect(before.ok && before.value.outlookChanges).toBeFalsy();
    // The consumer takes the queued message and syncs the pair.
    expect(h.api.services.booking.changes).toBeDefined();
    await consumeQueued(logger);
    expect(logged.find((f) => f.tenantId === cast.tenantId && 'changes' in f)).toMatchObject({ mailboxes: 1 });
    const synced = await h.api.services.repositories.relationships.meetings.get(cast.tenantId, cast.relationship.id, meeting.id);
    expect(synced.ok && synced.value.outlookChanges?.map((c) => [c.kind, c.personId])).toEqual([['declined', cast.mentor.personId]]);

    // The timer finds the relationship in its register (written by the booking) and sees nothing new.
    logged.length = 0;
    await syncRegisteredCalendars(h.api.services, Date.now(), logger);
    expect(logged.find((f) => f.tenantId === cast.tenantId)).toMatchObject({ checked: 1, changes: 0 });
  });

  it('the safety net: a delta read of the organizer’s calendar finds a move made in Outlook and syncs it, notification or not', async () => {
    const { cast, rel } = await pairWithAgreement();
    const booked = await h.request('POST', `${rel}/meetings`, { person: cast.mentee, body: {} });
    const meeting = booked.json.meetings[0] as { id: string };
    const stored = await h.api.services.repositories.relationships.meetings.get(cast.tenantId, cast.relationship.id, meeting.id);
    if (!stored.ok) throw new Error(stored.error.code);
    const logged: Record<string, unknown>[] = [];
    const logger = { info: (_m: string, f: Record<string, unknown>) => logged.push(f), error: (_m: string, f: Record<string, unknown>) => logged.push({ error: true, ...f }) };
    // The first round reads the whole window and syncs (nothing is known yet).
    await readChangesWithDelta(h.api.services, Date.now(), logger);
    expect(logged.find((f) => f.tenantId === cast.tenantId && 'changed' in f)).toMatchObject({ changed: 1, failed: 0 });
    // Nothing changed: the next read syncs nothing.
    logged.length = 0;
    await readChangesWithDelta(h.api.services, Date.now(), logger);
    expect(logged.find((f) => f.tenantId === cast.tenantId && 'changed' in f)).toMatchObject({ changed: 0 });
    // The organizer moves the meeting by half an hour in Outlook; the delta read finds it whatever the notification did.
    const moved = stored.value.start + 30 * 60_000;
    const at = (t: number) => ({ dateTime: new Date(t).toISOString().slice(0, 19), timeZone: 'UTC' });
    const patch = await fetch(`${h.baseUrl}/local-graph/v1.0/users/${cast.mentee.personId}/events/${encodeURIComponent(stored.value.eventId!)}`, {
      method: 'PATCH',
      headers: { authorization: 'Bearer outlook', 'content-type': 'application/json' },
      body: JSON.stringify({ start: at(moved), end: at(moved + (stored.value.end - stored.value.start)) }),
    });
    expect(patch.status).toBe(200);
    logged.length = 0;
    await readChangesWithDelta(h.api.services, Date.now(), logger);
    expect(logged.find((f) => f.tenantId === cast.tenantId && 'changed' in f)).toMatchObject({ changed: 1, failed: 0 });
    const synced = await h.api.services.repositories.relationships.meetings.get(cast.tenantId, cast.relationship.id, meeting.id);
    expect(synced.ok && synced.value.start).toBe(moved);
  });

  it('lifecycle notifications through the webhook and queue: reauthorizationRequired renews, subscriptionRemoved subscribes again', async () => {
    const { cast, rel } = await pairWithAgreement();
    expect((await h.request('POST', `${rel}/meetings`, { person: cast.mentee, body: {} })).status).toBe(200);
    const logger = { info: () => undefined, error: () => undefined };
    await keepSubscriptions(h.api.services, Date.now(), logger);
    const mine = () => h.calendar().subscriptions.list().filter((s) => s.tenantId === cast.tenantId);
    const [first] = mine();
    const drain = () => consumeQueued(logger, () => Date.now() + 60_000);
    expect(await h.calendar().subscriptions.lifecycle(first!.id, 'reauthorizationRequired')).toBe(true);
    await drain();
    const [renewed] = mine();
    expect(renewed!.id).toBe(first!.id);
    expect(Date.parse(renewed!.expirationDateTime)).toBeGreaterThan(Date.parse(first!.expirationDateTime));
    expect(await h.calendar().subscriptions.lifecycle(first!.id, 'subscriptionRemoved')).toBe(true);
    await drain();
    const again = mine();
    expect(again).toHaveLength(1);
    expect(again[0]!.id).not.toBe(first!.id);
    expect(again[0]!.resource).toBe(`users/${cast.mentee.personId}/events`);
  });
});
