/**
 * Activity-feed notifications: the exact Graph request (recorded shape, strict server), and delivery
 * through the bot's own delivery ledger on Azurite: once per event, inside contact hours, within the
 * daily limit shared with the bot's cards.
 */
import { TableClient } from '@azure/data-tables';
import { TableDeliveryLedger } from '../../src/adapters/bot/table-delivery-ledger';
import { GraphActivityFeed } from '../../src/adapters/graph/graph-activity-feed.adapter';
import { createGraphClient } from '../../src/adapters/graph/graph-client';
import { deliverFeedNotification, feedKeys, type FeedNotification } from '../../src/core/feed/activity-feed';
import { nextContactMoment } from '../../src/core/scheduling/contact-hours';
import { fixture, StrictGraphServer } from '../adapters/graph/strict-graph-server';
import { testStorageConnectionString, uniqueTableName } from '../support/azurite';

const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';
const KACPER = 'a0000002-0000-4000-8000-000000000002';
const LINK = 'https://teams.microsoft.com/l/entity/00000000-0000-4000-8000-0000000000aa/mentoring?context=%7B%22subEntityId%22%3A%22relationship%2Fr1%2Fagreement%22%7D';
const linkTo = (page: string) => `https://teams.microsoft.com/l/entity/00000000-0000-4000-8000-0000000000aa/mentoring?context=${encodeURIComponent(JSON.stringify({ subEntityId: page }))}`;
const recipient = { personId: KACPER, timeZone: 'Europe/Warsaw', contactHours: [1, 2, 3, 4, 5].map((weekday) => ({ weekday: weekday as 1, start: '09:00', end: '17:00' })) };
const MONDAY_NOON_WARSAW = Date.parse('2026-11-23T11:00:00Z');

function notification(over: Partial<FeedNotification> = {}): FeedNotification {
  return {
    type: 'agreementToAccept',
    tenantId: TENANT,
    personId: KACPER,
    key: feedKeys.agreementToAccept('r1', 1, KACPER),
    page: 'relationship/r1/agreement',
    topic: 'Mentoring with Oliver Bennett',
    subject: 'Oliver Bennett',
    previewText: 'Every other Tuesday afternoon, 45 minutes, from 12 January',
    notBefore: MONDAY_NOON_WARSAW - 60_000,
    ...over,
  };
}

let server: StrictGraphServer;
let ledger: TableDeliveryLedger;
beforeEach(async () => {
  server = await StrictGraphServer.start();
  const table = TableClient.fromConnectionString(testStorageConnectionString(), uniqueTableName('feedledger'), { allowInsecureConnection: true });
  await table.createTable();
  ledger = new TableDeliveryLedger(table);
});
afterEach(async () => {
  server.verify();
  await server.stop();
});

const feed = () => new GraphActivityFeed(createGraphClient({ baseUrl: server.baseUrl, accessToken: async () => 'app-token', maxRetries: 0 }));
const deps = () => ({ ledger, feed: feed(), nextContactMoment, linkTo });
const url = `/v1.0/users/${KACPER}/teamwork/sendActivityNotification`;

it('sends the documented request once per event: a second delivery of the same event sends nothing', async () => {
  server.expect({ method: 'POST', url, headers: { authorization: 'Bearer app-token' }, body: fixture('activity-notification-text-topic.request.json'), reply: { status: 204 } });
  const first = await deliverFeedNotification(deps(), { notification: notification(), recipient, owner: 'job-1', now: MONDAY_NOON_WARSAW });
  expect(first).toEqual({ ok: true, value: { kind: 'sent' } });
  const again = await deliverFeedNotification(deps(), { notification: notification(), recipient, owner: 'job-2', now: MONDAY_NOON_WARSAW + 60_000 });
  expect(again).toEqual({ ok: true, value: { kind: 'dropped', reason: 'ALREADY_DELIVERED' } });
  expect(LINK).toBe(linkTo('relationship/r1/agreement'));
});

it('waits outside contact hours until the next window opens, then sends', async () => {
  const saturday = Date.parse('2026-11-28T10:00:00Z');
  const waiting = await deliverFeedNotification(deps(), { notification: notification({ notBefore: saturday }), recipient, owner: 'job-1', now: saturday });
  expect(waiting).toEqual({ ok: true, value: { kind: 'wait', until: Date.parse('2026-11-30T08:00:00Z'), reason: 'OUTSIDE_CONTACT_HOURS' } });
  server.expect({ method: 'POST', url, reply: { status: 204 }, body: fixture('activity-notification-text-topic.request.json') });
  const monday = Date.parse('2026-11-30T08:00:00Z');
  expect(await deliverFeedNotification(deps(), { notification: notification({ notBefore: saturday }), recipient, owner: 'job-1', now: monday })).toEqual({ ok: true, value: { kind: 'sent' } });
});

it('counts in the daily limit shared with the bot: after two bot cards today it waits for tomorrow', async () => {
  for (const key of ['checkin|m1|k', 'nudge|m0|k']) {
    const history = await ledger.history(TENANT, KACPER, key, MONDAY_NOON_WARSAW - 2 * 86_400_000);
    expect(await ledger.reserve({ tenantId: TENANT, personId: KACPER, idempotencyKey: key, localDate: '2026-11-23', limit: 2, at: MONDAY_NOON_WARSAW - 3_600_000, owner: key, snapshot: history })).toBe('reserved');
    await ledger.markDelivered(TENANT, KACPER, key, MONDAY_NOON_WARSAW - 3_600_000, `activity-${key}`);
  }
  const waiting = await deliverFeedNotification(deps(), { notification: notification(), recipient, owner: 'job-1', now: MONDAY_NOON_WARSAW });
  expect(waiting).toEqual({ ok: true, value: { kind: 'wait', until: Date.parse('2026-11-24T08:00:00Z'), reason: 'DAILY_LIMIT_REACHED' } });
});

it('a refused send is a stable failure, and the same owner sends it on its retry', async () => {
  server.expect(
    { method: 'POST', url, body: fixture('activity-notification-text-topic.request.json'), reply: { status: 403, body: fixture('error-access-denied.response.json') } },
    { method: 'POST', url, body: fixture('activity-notification-text-topic.request.json'), reply: { status: 204 } },
  );
  expect(await deliverFeedNotification(deps(), { notification: notification(), recipient, owner: 'job-1', now: MONDAY_NOON_WARSAW })).toMatchObject({ ok: false, error: { code: 'GRAPH.FORBIDDEN' } });
  expect(await deliverFeedNotification(deps(), { notification: notification(), recipient, owner: 'job-1', now: MONDAY_NOON_WARSAW + 1000 })).toEqual({ ok: true, value: { kind: 'sent' } });
});

it('an expired notification is dropped and recorded, never sent', async () => {
  const dropped = await deliverFeedNotification(deps(), { notification: notification({ expiresAt: MONDAY_NOON_WARSAW - 1 }), recipient, owner: 'job-1', now: MONDAY_NOON_WARSAW });
  expect(dropped).toEqual({ ok: true, value: { kind: 'dropped', reason: 'EXPIRED' } });
});

it('throttled past the Graph client’s retries, the failure carries Graph’s Retry-After so the queue waits as long', async () => {
  server.expect({ method: 'POST', url, body: fixture('activity-notification-text-topic.request.json'), reply: { status: 429, headers: { 'Retry-After': '7' }, body: { error: { code: 'TooManyRequests', message: 'Too many requests' } } } });
  const sent = await feed().send(notification(), LINK);
  expect(sent).toMatchObject({ ok: false, error: { code: 'GRAPH.THROTTLED', details: { status: 429, retryAfterMs: 7000 } } });
});
