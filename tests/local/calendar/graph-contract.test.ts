/**
 * One contract, two calendars: the same requests and the same assertions run against recorded Graph
 * JSON (tests/fixtures/graph, shapes from Microsoft's documentation, served by the strict server,
 * which also checks each request's exact URL and body) and against the local calendar. If the local
 * calendar drifts from Graph's shapes or behaviour, its half fails.
 *
 * The walk: an organizer invites an attendee; the attendee finds an event of their own (same
 * iCalUId), accepts it; the organizer cancels with a comment; the attendee's copy shows the
 * cancellation and the organizer's event is gone; mailboxSettings are updated and refused as Graph
 * documents; a subscription is created; a calendarView delta round answers in Graph's shape.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { z } from 'zod';
import type { LocalCalendarPerson } from '../../../src/local/calendar/demo-calendars';
import { localCalendarTable, startLocalGraphCalendar, type StartedLocalGraphCalendar } from '../../../src/local/calendar/local-graph-calendar';
import { testStorageConnectionString, uniqueTableName } from '../../support/azurite';
import { fixture, StrictGraphServer } from '../../adapters/graph/strict-graph-server';

// ---- Shapes, as Microsoft documents them ------------------------------------------------------
const utcDateTime = z.object({ dateTime: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{7}$/), timeZone: z.literal('UTC') });
const attendee = z.object({
  type: z.enum(['required', 'optional', 'resource']),
  status: z.object({ response: z.enum(['none', 'organizer', 'tentativelyAccepted', 'accepted', 'declined', 'notResponded']), time: z.string() }),
  emailAddress: z.object({ name: z.string(), address: z.string() }),
});
const plainText = z.string().max(255).refine((t) => !/<[a-z/!]|&[a-z]+;|&#\d+;/i.test(t), 'bodyPreview must be plain text');
const event = z.looseObject({
  '@odata.etag': z.string().regex(/^W\/".+"$/),
  id: z.string().min(1),
  iCalUId: z.string().regex(/^[0-9A-F]{40,}$/),
  changeKey: z.string().min(1),
  createdDateTime: z.string(),
  lastModifiedDateTime: z.string(),
  subject: z.string(),
  bodyPreview: plainText,
  body: z.object({ contentType: z.enum(['text', 'html']), content: z.string() }),
  isOrganizer: z.boolean(),
  isCancelled: z.boolean(),
  showAs: z.enum(['free', 'tentative', 'busy', 'oof', 'workingElsewhere', 'unknown']),
  responseStatus: z.object({ response: z.enum(['none', 'organizer', 'tentativelyAccepted', 'accepted', 'declined', 'notResponded']), time: z.string() }),
  start: utcDateTime,
  end: utcDateTime,
  attendees: z.array(attendee),
  organizer: z.object({ emailAddress: z.object({ name: z.string(), address: z.string() }) }),
  transactionId: z.string().nullable(),
});
const graphError = z.object({ error: z.looseObject({ code: z.string().min(1), message: z.string().min(1) }) });
const workingHours = z.object({
  daysOfWeek: z.array(z.enum(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'])),
  startTime: z.string().regex(/^\d{2}:\d{2}:\d{2}\.\d{7}$/),
  endTime: z.string().regex(/^\d{2}:\d{2}:\d{2}\.\d{7}$/),
  timeZone: z.looseObject({ name: z.string() }),
});
const subscription = z.looseObject({
  id: z.string().min(1),
  resource: z.string().regex(/^\/?users\/[^/]+\/events$/i),
  changeType: z.string().regex(/^(created|updated|deleted)(,(created|updated|deleted))*$/),
  clientState: z.string().nullable(),
  notificationUrl: z.string().url(),
  lifecycleNotificationUrl: z.string().url().nullable(),
  expirationDateTime: z.string().refine((t) => !Number.isNaN(Date.parse(t))),
  latestSupportedTlsVersion: z.string(),
});
const removed = z.object({ '@odata.type': z.literal('#microsoft.graph.event'), id: z.string().min(1), '@removed': z.object({ reason: z.enum(['deleted', 'changed']) }) });
const deltaPage = z
  .object({
    '@odata.context': z.literal('https://graph.microsoft.com/v1.0/$metadata#Collection(event)'),
    '@odata.deltaLink': z.string().regex(/\/calendarView\/delta\?\$deltatoken=/).optional(),
    '@odata.nextLink': z.string().regex(/\/calendarView\/delta\?\$skiptoken=/).optional(),
    value: z.array(z.union([removed, event.extend({ '@odata.type': z.literal('#microsoft.graph.event') })])),
  })
  .refine((p) => (p['@odata.deltaLink'] === undefined) !== (p['@odata.nextLink'] === undefined), 'a page has a deltaLink or a nextLink');
const changeNotification = z.object({
  value: z.array(
    z.looseObject({
      subscriptionId: z.string().min(1),
      subscriptionExpirationDateTime: z.string(),
      changeType: z.enum(['created', 'updated', 'deleted']),
      resource: z.string().regex(/^Users\/[^/]+\/Events\/[^/]+$/),
      resourceData: z.looseObject({ '@odata.type': z.literal('#Microsoft.Graph.Event'), '@odata.id': z.string(), id: z.string() }),
      clientState: z.string().nullable(),
      tenantId: z.string().min(1),
    }),
  ),
});

// ---- The two calendars -----------------------------------------------------------------------
interface Answer {
  readonly status: number;
  readonly body: any;
}
interface Target {
  readonly organizer: string;
  readonly attendee: string;
  readonly hook: string;
  send(step: string, method: string, path: string, body?: unknown): Promise<Answer>;
  stop(): Promise<void>;
}

/** Recorded Graph: each step's answer is the documented JSON; the request must be exactly the one sent. */
async function recordedGraph(): Promise<Target> {
  const server = await StrictGraphServer.start();
  const created = fixture('event-created.response.json');
  const replies: Record<string, { status: number; body?: unknown }> = {
    create: { status: 201, body: created },
    listAttendee: { status: 200, body: { '@odata.context': "https://graph.microsoft.com/v1.0/$metadata#users('adelev%40contoso.com')/events", value: [fixture('event-attendee-copy.response.json')] } },
    accept: { status: 202 },
    organizerAfterAccept: { status: 200, body: { ...created, attendees: [{ ...(created.attendees as object[])[0], status: { response: 'accepted', time: '2026-11-23T09:40:00Z' } }] } },
    cancel: { status: 202 },
    copyAfterCancel: { status: 200, body: fixture('event-attendee-cancelled.response.json') },
    organizerAfterCancel: { status: 404, body: fixture('error-not-found.response.json') },
    patchSettings: { status: 200, body: fixture('mailbox-settings-updated.response.json') },
    refuseSettings: { status: 400, body: fixture('error-invalid-time-settings.response.json') },
    subscribe: { status: 201, body: fixture('subscription-created.response.json') },
    delta: { status: 200, body: fixture('calendar-view-delta-changes.response.json') },
  };
  return {
    organizer: 'bc55b173-cff6-457d-b7a1-64bda7d7581a',
    attendee: 'adelev@contoso.com',
    hook: 'https://mentoring-contoso.azurewebsites.net/api/calendar-notifications',
    async send(step, method, path, body) {
      const reply = replies[step]!;
      server.expect({ method, url: `/v1.0${path}`, ...(body !== undefined ? { body } : {}), reply });
      const response = await fetch(`${server.baseUrl}${path}`, { method, headers: { Authorization: 'Bearer t', 'Content-Type': 'application/json' }, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
      const text = await response.text();
      return { status: response.status, body: text ? JSON.parse(text) : undefined };
    },
    async stop() {
      server.verify();
      await server.stop();
    },
  };
}

/** The local calendar, with a webhook that answers Graph's validation request. */
async function localCalendar(): Promise<Target & { notifications: unknown[] }> {
  const tenantId = '72f988bf-86f1-41af-91ab-2d7cd011db47';
  const megan: LocalCalendarPerson & { tenantId: string } = { personId: 'bc55b173-cff6-457d-b7a1-64bda7d7581a', tenantId, email: 'meganb@contoso.com', displayName: 'Megan Bowen', timeZone: 'UTC', seeded: false };
  const adele: LocalCalendarPerson & { tenantId: string } = { personId: '0d6b5e0d-6a3d-4d4b-9b7b-6a7e0f2b7a11', tenantId, email: 'adelev@contoso.com', displayName: 'Adele Vance', timeZone: 'UTC', seeded: false };
  const notifications: unknown[] = [];
  const hook: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const token = new URL(req.url ?? '/', 'http://x').searchParams.get('validationToken');
      if (token !== null) return res.writeHead(200, { 'Content-Type': 'text/plain' }).end(token);
      notifications.push(JSON.parse(Buffer.concat(chunks).toString('utf8')));
      res.writeHead(202).end();
    });
  });
  await new Promise<void>((resolve) => hook.listen(0, '127.0.0.1', resolve));
  const calendar: StartedLocalGraphCalendar = await startLocalGraphCalendar({ table: localCalendarTable(testStorageConnectionString(), uniqueTableName('contract')), people: [megan, adele], now: () => Date.UTC(2026, 10, 23, 9, 30) });
  return {
    organizer: megan.personId,
    attendee: adele.email,
    hook: `http://127.0.0.1:${(hook.address() as AddressInfo).port}/api/calendar-notifications`,
    notifications,
    async send(_step, method, path, body) {
      const response = await fetch(`${calendar.baseUrl}${path}`, { method, headers: { Authorization: 'Bearer t', 'Content-Type': 'application/json' }, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
      const text = await response.text();
      await calendar.handler.subscriptions.settle();
      return { status: response.status, body: text ? JSON.parse(text) : undefined };
    },
    async stop() {
      await calendar.stop();
      await new Promise<void>((resolve) => hook.close(() => resolve()));
    },
  };
}

function expectShape(schema: z.ZodType, value: unknown): void {
  const parsed = schema.safeParse(value);
  expect(parsed.success ? 'matches' : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`)).toBe('matches');
}

describe.each([
  ['recorded Graph JSON', recordedGraph],
  ['the local calendar', localCalendar],
] as const)('the calendar contract against %s', (_name, start) => {
  it('attendee copies, answers, cancellation, mailboxSettings, subscriptions and delta answer as Graph documents', async () => {
    const t = await start();
    try {
      const invite = {
        subject: 'Mentoring #1: Getting started',
        body: { contentType: 'html', content: '<html><body><p>Agenda</p></body></html>' },
        start: { dateTime: '2026-11-24T09:00:00', timeZone: 'UTC' },
        end: { dateTime: '2026-11-24T10:00:00', timeZone: 'UTC' },
        attendees: [{ emailAddress: { address: 'adelev@contoso.com', name: 'Adele Vance' }, type: 'required' }],
        isOnlineMeeting: true,
        onlineMeetingProvider: 'teamsForBusiness',
        transactionId: '7E163156-7762-4BEB-A1C6-729EA81755A7',
      };
      const created = await t.send('create', 'POST', `/users/${t.organizer}/calendar/events`, invite);
      expect(created.status).toBe(201);
      expectShape(event, created.body);
      expect(created.body).toMatchObject({ isOrganizer: true, responseStatus: { response: 'organizer' }, bodyPreview: 'Agenda', transactionId: invite.transactionId });
      expect(created.body.attendees.map((a: { status: { response: string } }) => a.status.response)).toEqual(['none']);

      const listed = await t.send('listAttendee', 'GET', `/users/${t.attendee}/events`);
      expect(listed.status).toBe(200);
      const copy = listed.body.value[0];
      expectShape(event, copy);
      expect(copy.id).not.toBe(created.body.id);
      expect(copy).toMatchObject({ iCalUId: created.body.iCalUId, isOrganizer: false, responseStatus: { response: 'notResponded' }, showAs: 'tentative', transactionId: null, subject: invite.subject });

      const accepted = await t.send('accept', 'POST', `/users/${t.attendee}/events/${copy.id}/accept`, { comment: 'See you', sendResponse: true });
      expect([accepted.status, accepted.body]).toEqual([202, undefined]);
      const organizerView = await t.send('organizerAfterAccept', 'GET', `/users/${t.organizer}/events/${created.body.id}`);
      expect(organizerView.body.attendees.map((a: { status: { response: string } }) => a.status.response)).toEqual(['accepted']);

      const cancelled = await t.send('cancel', 'POST', `/users/${t.organizer}/events/${created.body.id}/cancel`, { comment: 'We will pick a new date.' });
      expect([cancelled.status, cancelled.body]).toEqual([202, undefined]);
      const copyAfter = await t.send('copyAfterCancel', 'GET', `/users/${t.attendee}/events/${copy.id}`);
      expectShape(event, copyAfter.body);
      expect(copyAfter.body).toMatchObject({ isCancelled: true, iCalUId: created.body.iCalUId, subject: `Canceled: ${invite.subject}`, bodyPreview: 'We will pick a new date.' });
      const organizerAfter = await t.send('organizerAfterCancel', 'GET', `/users/${t.organizer}/events/${created.body.id}`);
      expect(organizerAfter.status).toBe(404);
      expectShape(graphError, organizerAfter.body);
      expect(organizerAfter.body.error.code).toBe('ErrorItemNotFound');

      const hours = { daysOfWeek: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'], startTime: '09:00:00.0000000', endTime: '18:30:00.0000000', timeZone: { name: 'Pacific Standard Time' } };
      const patched = await t.send('patchSettings', 'PATCH', `/users/${t.attendee}/mailboxSettings`, { workingHours: hours });
      expect(patched.status).toBe(200);
      expect(Object.keys(patched.body).sort()).toEqual(['@odata.context', 'workingHours']);
      expect(patched.body['@odata.context']).toMatch(/\/mailboxSettings$/);
      expectShape(workingHours, patched.body.workingHours);
      expect(patched.body.workingHours).toEqual({ ...hours, daysOfWeek: hours.daysOfWeek.map((d) => d.toLowerCase()) });
      const refused = await t.send('refuseSettings', 'PATCH', `/users/${t.attendee}/mailboxSettings`, { workingHours: { startTime: '18:00:00.0000000', endTime: '09:00:00.0000000' } });
      expect(refused.status).toBe(400);
      expectShape(graphError, refused.body);
      expect([refused.body.error.code, refused.body.error.message]).toEqual(['ErrorInvalidTimeSettings', 'Start Time should occur before End Time.']);

      const subscribed = await t.send('subscribe', 'POST', '/subscriptions', {
        changeType: 'created,updated,deleted',
        notificationUrl: t.hook,
        lifecycleNotificationUrl: t.hook,
        resource: `users/${t.organizer}/events`,
        expirationDateTime: '2026-11-26T07:30:00.000Z',
        clientState: 'secretClientValue',
      });
      expect(subscribed.status).toBe(201);
      expectShape(subscription, subscribed.body);
      expect(subscribed.body).toMatchObject({ changeType: 'created,updated,deleted', clientState: 'secretClientValue', expirationDateTime: expect.stringMatching(/^2026-11-26T07:30:00/) });

      const delta = await t.send('delta', 'GET', `/users/${t.organizer}/calendarView/delta?startDateTime=2026-11-23T00:00:00Z&endDateTime=2026-11-30T00:00:00Z`);
      expect(delta.status).toBe(200);
      expectShape(deltaPage, delta.body);
    } finally {
      await t.stop();
    }
  });
});

/** One mailbox setting read on its own (user-get-mailboxsettings, example 3): the object with its own context, or `{ value }` for a string. */
const workingHoursSetting = workingHours.extend({ '@odata.context': z.string().regex(/\/mailboxSettings\/workingHours$/) });
const timeZoneSetting = z.object({ '@odata.context': z.string().regex(/\/mailboxSettings\/timeZone$/), value: z.string().min(1) });

describe.each([
  ['recorded Graph JSON', recordedGraphSettings],
  ['the local calendar', localCalendar],
] as const)('working hours and time zone read one by one, against %s', (_name, start) => {
  it('answer GET mailboxSettings/workingHours and mailboxSettings/timeZone in Graph’s shape', async () => {
    const t = await start();
    try {
      const hours = await t.send('workingHours', 'GET', `/users/${t.attendee}/mailboxSettings/workingHours`);
      expect(hours.status).toBe(200);
      expectShape(workingHoursSetting, hours.body);
      const zone = await t.send('timeZone', 'GET', `/users/${t.attendee}/mailboxSettings/timeZone`);
      expect(zone.status).toBe(200);
      expectShape(timeZoneSetting, zone.body);
    } finally {
      await t.stop();
    }
  });
});

async function recordedGraphSettings(): Promise<Target> {
  const server = await StrictGraphServer.start();
  const replies: Record<string, { status: number; body?: unknown }> = {
    workingHours: { status: 200, body: fixture('mailbox-settings-working-hours.response.json') },
    timeZone: { status: 200, body: fixture('mailbox-settings-time-zone.response.json') },
  };
  return {
    organizer: 'bc55b173-cff6-457d-b7a1-64bda7d7581a',
    attendee: 'adelev@contoso.com',
    hook: '',
    async send(step, method, path) {
      server.expect({ method, url: `/v1.0${path}`, reply: replies[step]! });
      const response = await fetch(`${server.baseUrl}${path}`, { method, headers: { Authorization: 'Bearer t' } });
      return { status: response.status, body: JSON.parse(await response.text()) };
    },
    async stop() {
      server.verify();
      await server.stop();
    },
  };
}

it('the local calendar’s change notifications have the shape of Microsoft’s documented example', async () => {
  expectShape(changeNotification, fixture('change-notification-event.request.json'));
  const t = await localCalendar();
  try {
    await t.send('subscribe', 'POST', '/subscriptions', { changeType: 'created', notificationUrl: t.hook, resource: `users/${t.organizer}/events`, expirationDateTime: '2026-11-26T07:30:00.000Z', clientState: 'secretClientValue' });
    await t.send('create', 'POST', `/users/${t.organizer}/events`, { subject: 'x', start: { dateTime: '2026-11-24T09:00:00', timeZone: 'UTC' }, end: { dateTime: '2026-11-24T10:00:00', timeZone: 'UTC' } });
    expect(t.notifications).toHaveLength(1);
    expectShape(changeNotification, t.notifications[0]);
  } finally {
    await t.stop();
  }
});
