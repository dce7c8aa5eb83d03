/**
 * The subscription adapter over HTTP against recorded Graph JSON: exact URLs and bodies, Graph's
 * answers from tests/fixtures/graph, and its failures mapped to the core's codes.
 */
import { createGraphClient } from '../../../src/adapters/graph/graph-client';
import { GraphSubscriptionAdapter } from '../../../src/adapters/graph/graph-subscriptions.adapter';
import { clientStateMatches, newClientState } from '../../../src/adapters/graph/client-state';
import { fixture, StrictGraphServer } from './strict-graph-server';

const TOKEN = 'eyJ0eXAiOiJKV1QiLCJhbGciOiJub25lIn0.e30.';
const AUTH = { authorization: `Bearer ${TOKEN}` };
const MEGAN = 'bc55b173-cff6-457d-b7a1-64bda7d7581a';
const HOOK = 'https://mentoring-contoso.azurewebsites.net/api/calendar-notifications';
const SUBSCRIPTION = '7f105c7d-2dc5-4530-97cd-4e7ae6534c07';

let graph: StrictGraphServer;
const adapter = () => new GraphSubscriptionAdapter({ client: createGraphClient({ baseUrl: graph.baseUrl, accessToken: async () => TOKEN }), notificationUrl: HOOK, newClientState: () => 'secretClientValue' });

beforeEach(async () => {
  graph = await StrictGraphServer.start();
});
afterEach(async () => {
  await graph.stop();
});

it('subscribes to a mailbox’s events with the lifecycle URL, and reads the expiry Graph granted', async () => {
  graph.expect({
    method: 'POST',
    url: '/v1.0/subscriptions',
    headers: AUTH,
    body: {
      changeType: 'created,updated,deleted',
      notificationUrl: HOOK,
      lifecycleNotificationUrl: HOOK,
      resource: `users/${MEGAN}/events`,
      expirationDateTime: '2026-11-26T07:30:00.000Z',
      clientState: 'secretClientValue',
    },
    reply: { status: 201, body: fixture('subscription-created.response.json') },
  });
  expect(await adapter().subscribe(MEGAN, Date.parse('2026-11-26T07:30:00Z'))).toEqual({ ok: true, value: { subscriptionId: SUBSCRIPTION, mailboxId: MEGAN, expiresAt: Date.parse('2026-11-26T07:30:00Z'), clientState: 'secretClientValue' } });
  graph.verify();
});

it('renews with PATCH {expirationDateTime}; a subscription Graph dropped reads as GRAPH.NOT_FOUND', async () => {
  graph.expect(
    { method: 'PATCH', url: `/v1.0/subscriptions/${SUBSCRIPTION}`, headers: AUTH, body: { expirationDateTime: '2026-11-27T08:30:00.000Z' }, reply: { status: 200, body: fixture('subscription-renewed.response.json') } },
    { method: 'PATCH', url: '/v1.0/subscriptions/gone', headers: AUTH, body: { expirationDateTime: '2026-11-27T08:30:00.000Z' }, reply: { status: 404, body: fixture('error-not-found.response.json') } },
  );
  // The renewal keeps the subscription's own clientState (PATCH does not send it).
  const renewed = await adapter().renew({ subscriptionId: SUBSCRIPTION, mailboxId: MEGAN, expiresAt: 0, clientState: 'kept-secret' }, Date.parse('2026-11-27T08:30:00Z'));
  expect(renewed).toEqual({ ok: true, value: { subscriptionId: SUBSCRIPTION, mailboxId: MEGAN, expiresAt: Date.parse('2026-11-27T08:30:00Z'), clientState: 'kept-secret' } });
  const gone = await adapter().renew({ subscriptionId: 'gone', mailboxId: MEGAN, expiresAt: 0, clientState: 'kept-secret' }, Date.parse('2026-11-27T08:30:00Z'));
  expect(!gone.ok && gone.error.code).toBe('GRAPH.NOT_FOUND');
  graph.verify();
});

it('removes with DELETE; a refused subscription (validation failed) is GRAPH.BAD_REQUEST', async () => {
  graph.expect(
    { method: 'DELETE', url: `/v1.0/subscriptions/${SUBSCRIPTION}`, headers: AUTH, reply: { status: 204 } },
    {
      method: 'POST',
      url: '/v1.0/subscriptions',
      headers: AUTH,
      body: { changeType: 'created,updated,deleted', notificationUrl: HOOK, lifecycleNotificationUrl: HOOK, resource: `users/${MEGAN}/events`, expirationDateTime: '2026-11-26T08:30:00.000Z', clientState: 'secretClientValue' },
      reply: { status: 400, body: { error: { code: 'ValidationError', message: 'Subscription validation request failed. Notification endpoint must respond with 200 OK to validation request.' } } },
    },
  );
  expect(await adapter().remove(SUBSCRIPTION)).toEqual({ ok: true, value: undefined });
  const refused = await adapter().subscribe(MEGAN, Date.parse('2026-11-26T08:30:00Z'));
  expect(!refused.ok && refused.error.code).toBe('GRAPH.BAD_REQUEST');
  graph.verify();
});

it('gives every subscription a random clientState of its own (base64url, within Graph’s 128 characters), compared in constant time', () => {
  const made = Array.from({ length: 50 }, () => newClientState());
  expect(new Set(made).size).toBe(50);
  for (const state of made) expect(state).toMatch(/^[A-Za-z0-9_-]{43}$/);
  const [a, b] = made as [string, string];
  expect(clientStateMatches(a, a)).toBe(true);
  expect(clientStateMatches(a, b)).toBe(false);
  expect(clientStateMatches(a, a.slice(0, 42))).toBe(false);
  expect(clientStateMatches(a, `${a}x`)).toBe(false);
  // A record without a secret (kept before per-subscription secrets) validates nothing, not even an empty one.
  expect(clientStateMatches('', '')).toBe(false);
  expect(clientStateMatches(a, undefined)).toBe(false);
  expect(clientStateMatches(a, null)).toBe(false);
});
