/**
 * The local calendar's change notifications and delta queries, as Graph serves them for Outlook
 * events: subscriptions validated against the webhook, Graph's limits refused, every change POSTed
 * in Graph's changeNotificationCollection shape, `missed` when delivery keeps failing, and
 * calendarView/delta rounds with nextLink/deltaLink and `@removed`.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { LocalCalendarPerson } from '../../../src/local/calendar/demo-calendars';
import { localCalendarTable, startLocalGraphCalendar, type StartedLocalGraphCalendar } from '../../../src/local/calendar/local-graph-calendar';
import { testStorageConnectionString, uniqueTableName } from '../../support/azurite';

const TENANT = '11111111-1111-4111-8111-111111111111';
const kacper: LocalCalendarPerson & { tenantId: string } = { personId: 'a0000002-0000-4000-8000-000000000002', tenantId: TENANT, email: 'kacper.nowak@contoso.local', displayName: 'Kacper Nowak', timeZone: 'UTC', seeded: false };
const margaret: LocalCalendarPerson & { tenantId: string } = { personId: 'a0000001-0000-4000-8000-000000000001', tenantId: TENANT, email: 'margaret.hale@contoso.local', displayName: 'Margaret Hale', timeZone: 'UTC', seeded: false };
const NOW = Date.UTC(2026, 10, 20, 9);

let calendar: StartedLocalGraphCalendar;
let hook: Server;
let hookUrl: string;
let received: { url: string; body: any }[];
let answer: 'echo' | 'fail' | 'silent';

async function graph(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<{ status: number; json: any }> {
  const response = await fetch(path.startsWith('http') ? path : `${calendar.baseUrl}${path}`, {
    method,
    headers: { Authorization: 'Bearer t', 'Content-Type': 'application/json', ...headers },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, json: text ? JSON.parse(text) : {} };
}

const subscription = (over: Record<string, unknown> = {}) => ({
  changeType: 'created,updated,deleted',
  notificationUrl: `${hookUrl}/api/calendar-notifications`,
  lifecycleNotificationUrl: `${hookUrl}/api/calendar-notifications?lifecycle=1`,
  resource: `users/${kacper.personId}/events`,
  expirationDateTime: new Date(NOW + 4000 * 60_000).toISOString(),
  clientState: 'our-secret',
  ...over,
});

const event = (n: number, attendees: string[] = []) => ({
  subject: `Mentoring #${n}`,
  start: { dateTime: `2026-12-0${n}T15:00:00`, timeZone: 'UTC' },
  end: { dateTime: `2026-12-0${n}T16:00:00`, timeZone: 'UTC' },
  attendees: attendees.map((address) => ({ emailAddress: { address } })),
});

beforeEach(async () => {
  received = [];
  answer = 'echo';
  hook = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://x');
      const token = url.searchParams.get('validationToken');
      if (token !== null) {
        if (answer === 'silent') return res.writeHead(200, { 'Content-Type': 'text/plain' }).end('not the token');
        return res.writeHead(200, { 'Content-Type': 'text/plain' }).end(token);
      }
      received.push({ url: req.url ?? '', body: JSON.parse(Buffer.concat(chunks).toString('utf8')) });
      res.writeHead(answer === 'fail' && !url.searchParams.has('lifecycle') ? 500 : 202).end();
    });
  });
  await new Promise<void>((resolve) => hook.listen(0, '127.0.0.1', resolve));
  hookUrl = `http://127.0.0.1:${(hook.address() as AddressInfo).port}`;
  calendar = await startLocalGraphCalendar({
    table: localCalendarTable(testStorageConnectionString(), uniqueTableName('notify')),
    people: [kacper, margaret],
    now: () => NOW,
    notificationRetryDelaysMs: [10, 10],
  });
});
afterEach(async () => {
  await calendar.stop();
  await new Promise<void>((resolve) => hook.close(() => resolve()));
});

describe('subscriptions', () => {
  it('validates the webhook, then notifies each change to the mailbox’s events in Graph’s shape', async () => {
    const created = await graph('POST', '/subscriptions', subscription());
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({ resource: `users/${kacper.personId}/events`, changeType: 'created,updated,deleted', clientState: 'our-secret', expirationDateTime: new Date(NOW + 4000 * 60_000).toISOString() });
    const made = await graph('POST', `/users/${kacper.personId}/events`, event(1));
    await calendar.handler.subscriptions.settle();
    expect(received).toEqual([
      {
        url: '/api/calendar-notifications',
        body: {
          value: [
            {
              subscriptionId: created.json.id,
              subscriptionExpirationDateTime: created.json.expirationDateTime,
              changeType: 'created',
              resource: `Users/${kacper.personId}/Events/${made.json.id}`,
              resourceData: { '@odata.type': '#Microsoft.Graph.Event', '@odata.id': `Users/${kacper.personId}/Events/${made.json.id}`, id: made.json.id },
              clientState: 'our-secret',
              tenantId: TENANT,
            },
          ],
        },
      },
    ]);
    await graph('PATCH', `/users/${kacper.personId}/events/${encodeURIComponent(made.json.id)}`, { subject: 'Moved' });
    await graph('DELETE', `/users/${kacper.personId}/events/${encodeURIComponent(made.json.id)}`);
    await calendar.handler.subscriptions.settle();
    expect(received.flatMap((r) => r.body.value.map((v: { changeType: string }) => v.changeType))).toEqual(['created', 'updated', 'deleted']);
  });

  it('an attendee’s subscription hears of the invite in their own mailbox', async () => {
    await graph('POST', '/subscriptions', subscription({ resource: `users/${margaret.email}/events`, changeType: 'created' }));
    await graph('POST', `/users/${kacper.personId}/events`, event(1, [margaret.email]));
    await calendar.handler.subscriptions.settle();
    const copy = (await graph('GET', `/users/${margaret.personId}/events`)).json.value[0];
    expect(received.map((r) => r.body.value[0].resource)).toEqual([`Users/${margaret.personId}/Events/${copy.id}`]);
  });

  it.each([
    ['an expiry beyond 4,230 minutes', { expirationDateTime: new Date(NOW + 4231 * 60_000).toISOString() }, 400, 'Subscription expiration can only be 4230 minutes in the future.'],
    ['an expiry in the past', { expirationDateTime: new Date(NOW - 60_000).toISOString() }, 400, 'Subscription expiration can only be in the future.'],
    ['a resource other than a mailbox’s events', { resource: `users/${kacper.personId}/messages` }, 400, undefined],
    ['an unknown changeType', { changeType: 'created,moved' }, 400, undefined],
    ['a clientState over 128 characters', { clientState: 'x'.repeat(129) }, 400, undefined],
    ['a plain-http URL off this machine', { notificationUrl: 'http://example.com/hook' }, 400, undefined],
  ])('refuses %s', async (_name, over, status, message) => {
    const refused = await graph('POST', '/subscriptions', subscription(over));
    expect(refused.status).toBe(status);
    if (message) expect(refused.json.error.message).toBe(message);
    expect(calendar.handler.subscriptions.list()).toEqual([]);
  });

  it('refuses a webhook that does not echo the validation token', async () => {
    answer = 'silent';
    const refused = await graph('POST', '/subscriptions', subscription());
    expect([refused.status, refused.json.error.code]).toEqual([400, 'ValidationError']);
  });

  it('renews within the limit, deletes, and stops notifying once deleted', async () => {
    const created = (await graph('POST', '/subscriptions', subscription())).json;
    const renewed = await graph('PATCH', `/subscriptions/${created.id}`, { expirationDateTime: new Date(NOW + 4230 * 60_000).toISOString() });
    expect([renewed.status, renewed.json.expirationDateTime]).toEqual([200, new Date(NOW + 4230 * 60_000).toISOString()]);
    expect((await graph('PATCH', `/subscriptions/${created.id}`, { expirationDateTime: new Date(NOW + 5000 * 60_000).toISOString() })).status).toBe(400);
    expect((await graph('DELETE', `/subscriptions/${created.id}`)).status).toBe(204);
    expect((await graph('GET', `/subscriptions/${created.id}`)).status).toBe(404);
    await graph('POST', `/users/${kacper.personId}/events`, event(1));
    await calendar.handler.subscriptions.settle();
    expect(received).toEqual([]);
  });

  it('retries a webhook that fails, then sends `missed` to the lifecycle URL', async () => {
    const created = (await graph('POST', '/subscriptions', subscription())).json;
    answer = 'fail';
    await graph('POST', `/users/${kacper.personId}/events`, event(1));
    await calendar.handler.subscriptions.settle();
    expect(received.filter((r) => !r.url.includes('lifecycle'))).toHaveLength(3);
    expect(received.filter((r) => r.url.includes('lifecycle')).map((r) => r.body.value[0])).toEqual([
      { lifecycleEvent: 'missed', subscriptionId: created.id, subscriptionExpirationDateTime: created.expirationDateTime, clientState: 'our-secret', tenantId: TENANT, resource: created.resource },
    ]);
  });
});

describe('calendarView/delta', () => {
  it('pages the first round, then reports what changed: updated events and @removed ones', async () => {
    const ids: string[] = [];
    for (const n of [1, 2, 3]) ids.push((await graph('POST', `/users/${kacper.personId}/events`, event(n))).json.id);
    const range = 'startDateTime=2026-12-01T00:00:00Z&endDateTime=2026-12-31T00:00:00Z';
    const first = await graph('GET', `/users/${kacper.personId}/calendarView/delta?${range}`, undefined, { Prefer: 'odata.maxpagesize=2' });
    expect(first.status).toBe(200);
    expect(first.json['@odata.context']).toBe('https://graph.microsoft.com/v1.0/$metadata#Collection(event)');
    expect(first.json.value.map((e: { id: string }) => e.id)).toEqual(ids.slice(0, 2));
    expect(first.json['@odata.nextLink']).toMatch(/\/calendarView\/delta\?\$skiptoken=/);
    const second = await graph('GET', first.json['@odata.nextLink'], undefined, { Prefer: 'odata.maxpagesize=2' });
    expect(second.json.value.map((e: { id: string }) => e.id)).toEqual([ids[2]]);
    expect(second.json['@odata.deltaLink']).toMatch(/\/calendarView\/delta\?\$deltatoken=/);
    // Nothing changed: an empty round with a new deltaLink.
    const quiet = await graph('GET', second.json['@odata.deltaLink']);
    expect(quiet.json.value).toEqual([]);

    await graph('PATCH', `/users/${kacper.personId}/events/${encodeURIComponent(ids[0]!)}`, { subject: 'Renamed' });
    await graph('POST', `/users/${kacper.personId}/events/${encodeURIComponent(ids[1]!)}/cancel`, { comment: 'Off' });
    await graph('PATCH', `/users/${kacper.personId}/events/${encodeURIComponent(ids[2]!)}`, { start: { dateTime: '2027-02-01T15:00:00', timeZone: 'UTC' }, end: { dateTime: '2027-02-01T16:00:00', timeZone: 'UTC' } });
    const changes = await graph('GET', quiet.json['@odata.deltaLink']);
    expect(changes.json.value).toEqual([
      expect.objectContaining({ '@odata.type': '#microsoft.graph.event', id: ids[0], subject: 'Renamed' }),
      { '@odata.type': '#microsoft.graph.event', id: ids[1], '@removed': { reason: 'deleted' } },
      { '@odata.type': '#microsoft.graph.event', id: ids[2], '@removed': { reason: 'deleted' } },
    ]);
    expect(changes.json['@odata.deltaLink']).toBeDefined();
  });

  it('needs the range on the first call and refuses a token it did not give', async () => {
    expect((await graph('GET', `/users/${kacper.personId}/calendarView/delta`)).status).toBe(400);
    const forged = await graph('GET', `/users/${kacper.personId}/calendarView/delta?$deltatoken=abc`);
    expect([forged.status, forged.json.error.code]).toEqual([400, 'SyncStateNotFound']);
  });
});
