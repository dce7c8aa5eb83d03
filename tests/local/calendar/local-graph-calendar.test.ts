/**
 * The Graph adapter end to end over HTTP against the local calendar (events in the test run's
 * Azurite): the same client code as production, with faults injected.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { GraphCalendarAdapter, graphCalendarFor } from '../../../src/adapters/graph/graph-calendar.adapter';
import { createGraphClient } from '../../../src/adapters/graph/graph-client';
import type { CalendarPerson, PlannedMeetingEvent } from '../../../src/core/ports/calendar';
import { DAY, HOUR, MINUTE } from '../../../src/core/time/interval';
import { seededItems, type LocalCalendarPerson } from '../../../src/local/calendar/demo-calendars';
import { blocksTime } from '../../../src/core/scheduling/free-busy-status';
import { seededRandom } from '../../../src/local/calendar/fault-plan';
import { createLocalCalendarService } from '../../../src/local/calendar/local-calendar.service';
import { localCalendarTable, startLocalGraphCalendar, type StartedLocalGraphCalendar } from '../../../src/local/calendar/local-graph-calendar';
import { testStorageConnectionString, uniqueTableName } from '../../support/azurite';

const TENANT = '11111111-1111-4111-8111-111111111111';
const kacper: LocalCalendarPerson = { personId: 'a0000002-0000-4000-8000-000000000002', email: 'kacper.nowak@contoso.local', displayName: 'Kacper Nowak', timeZone: 'Central European Standard Time' };
const margaret: LocalCalendarPerson = { personId: 'a0000001-0000-4000-8000-000000000001', email: 'margaret.hale@contoso.local', displayName: 'Margaret Hale', timeZone: 'America/New_York', workingHours: { days: [1, 2, 3, 4], start: '08:30', end: '16:30' } };
const priya: LocalCalendarPerson = { personId: 'a0000003-0000-4000-8000-000000000003', email: 'priya.raman@contoso.local', displayName: 'Priya Raman', timeZone: 'India Standard Time', seeded: false };
const asPerson = (p: LocalCalendarPerson): CalendarPerson => ({ personId: p.personId, email: p.email, displayName: p.displayName });

const monday = Date.UTC(2026, 10, 23); // Monday 23 Nov 2026

let calendar: StartedLocalGraphCalendar;

function adapterFor(cal: StartedLocalGraphCalendar, token = 'local-token'): GraphCalendarAdapter {
  return new GraphCalendarAdapter({
    tenantId: TENANT,
    client: createGraphClient({ baseUrl: cal.baseUrl, accessToken: async () => token }),
    batch: { fallbackRetrySeconds: 0 },
  });
}

function meeting(n: number, organizer = kacper, attendee = margaret): PlannedMeetingEvent {
  return {
    meetingId: `meet-${n}`,
    relationshipId: 'rel-1',
    organizer: asPerson(organizer),
    attendees: [asPerson(attendee)],
    subject: `Mentoring #${n}`,
    bodyHtml: `<p>Agenda ${n}</p>`,
    start: monday + 7 * DAY + 15 * HOUR + n * DAY,
    end: monday + 7 * DAY + 16 * HOUR + n * DAY,
    location: { kind: 'online' },
  };
}

beforeEach(async () => {
  calendar = await startLocalGraphCalendar({
    table: localCalendarTable(testStorageConnectionString(), uniqueTableName('graph')),
    people: [kacper, margaret, priya],
  });
});
afterEach(async () => {
  await calendar.stop();
});

describe('free/busy', () => {
  it('serves seeded calendars and working hours in each person’s zone, read through the adapter', async () => {
    const result = await adapterFor(calendar).getCalendars({ requesterId: kacper.personId, people: [kacper, margaret, priya].map(asPerson), range: { start: monday, end: monday + 7 * DAY } });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const [k, m, p] = result.value;
    expect(k!.timeZone).toBe('Europe/Warsaw');
    expect(m!.timeZone).toBe('America/New_York');
    expect(p).toEqual({ personId: priya.personId, timeZone: 'Asia/Kolkata', workingHours: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: '09:00', end: '17:00' })), busy: [] });
    expect(m!.workingHours).toEqual([1, 2, 3, 4].map((weekday) => ({ weekday, start: '08:30', end: '16:30' })));
    const expectedBusy = seededItems(kacper, { start: monday, end: monday + 7 * DAY }).filter((i) => blocksTime(i.status));
    expect(k!.busy).toEqual(expectedBusy.map((i) => ({ start: i.start, end: i.end })));
    // The stand-up is a 15-minute weekday meeting at a fixed local time (CET = UTC+1 in November).
    const standups = seededItems(kacper, { start: monday, end: monday + 5 * DAY }).filter((i) => i.subject === 'Team stand-up');
    expect(standups.every((s) => s.end - s.start === 15 * MINUTE && new Date(s.start).getUTCHours() >= 8)).toBe(true);
  });

  it('keeps local times across the clock change (New York, 1 Nov 2026)', () => {
    const before = seededItems(margaret, { start: Date.UTC(2026, 9, 26), end: Date.UTC(2026, 9, 31) }).find((i) => i.subject === 'Team stand-up')!;
    const after = seededItems(margaret, { start: Date.UTC(2026, 10, 2), end: Date.UTC(2026, 10, 7) }).find((i) => i.subject === 'Team stand-up')!;
    expect((before.start % DAY) + HOUR).toBe(after.start % DAY);
  });

  it('counts booked meetings as busy for the organizer and as tentative for an attendee until they answer', async () => {
    const adapter = adapterFor(calendar);
    const [created] = await adapter.createEvents([meeting(1, priya, kacper)]);
    expect(created!.ok).toBe(true);
    const m = meeting(1, priya, kacper);
    const result = await adapter.getCalendars({ requesterId: priya.personId, people: [asPerson(priya)], range: { start: monday, end: monday + 14 * DAY } });
    expect(result.ok && result.value[0]!.busy).toEqual([{ start: m.start, end: m.end }]);
    const schedule = (await (
      await fetch(`${calendar.baseUrl}/users/${kacper.personId}/calendar/getSchedule`, {
        method: 'POST',
        headers: { Authorization: 'Bearer t', 'Content-Type': 'application/json', Prefer: 'outlook.timezone="UTC"' },
        body: JSON.stringify({ schedules: [kacper.email], startTime: { dateTime: new Date(m.start).toISOString().slice(0, 19), timeZone: 'UTC' }, endTime: { dateTime: new Date(m.end).toISOString().slice(0, 19), timeZone: 'UTC' } }),
      })
    ).json()) as { value: { scheduleItems: { status: string; subject: string }[] }[] };
    expect(schedule.value[0]!.scheduleItems).toContainEqual(expect.objectContaining({ status: 'tentative', subject: 'Mentoring #1' }));
  });

  it('shows a working-elsewhere day as 4 in the availability view, and the adapter does not count it as busy', async () => {
    const week = { start: monday, end: monday + 7 * DAY };
    const elsewhere = seededItems(kacper, week).find((i) => i.status === 'workingElsewhere')!;
    expect(elsewhere).toBeDefined();
    const iso = (ms: number) => ({ dateTime: new Date(ms).toISOString().slice(0, 19), timeZone: 'UTC' });
    const schedule = (await (
      await fetch(`${calendar.baseUrl}/users/${kacper.personId}/calendar/getSchedule`, {
        method: 'POST',
        headers: { Authorization: 'Bearer t', 'Content-Type': 'application/json', Prefer: 'outlook.timezone="UTC"' },
        body: JSON.stringify({ schedules: [kacper.email], startTime: iso(week.start), endTime: iso(week.end), availabilityViewInterval: 15 }),
      })
    ).json()) as { value: { availabilityView: string; scheduleItems: { status: string }[] }[] };
    const view = schedule.value[0]!.availabilityView;
    const slotOf = (ms: number) => Math.floor((ms - week.start) / (15 * MINUTE));
    const digits = view.slice(slotOf(elsewhere.start), slotOf(elsewhere.end));
    // Busy items on that day (stand-up, focus) show as 2; the rest of the working-elsewhere day as 4, never 0.
    expect(digits).toMatch(/^[24]+$/);
    expect(digits).toContain('4');
    const read = await adapterFor(calendar).getCalendars({ requesterId: kacper.personId, people: [asPerson(kacper)], range: week });
    const busy = read.ok ? read.value[0]!.busy : [];
    const blocked = busy.filter((b) => b.start < elsewhere.end && b.end > elsewhere.start);
    const blockedMs = blocked.reduce((sum, b) => sum + Math.min(b.end, elsewhere.end) - Math.max(b.start, elsewhere.start), 0);
    expect(blockedMs).toBeLessThan(elsewhere.end - elsewhere.start);
    expect(busy.some((b) => b.start === elsewhere.start && b.end === elsewhere.end)).toBe(false);
  });

  it('refuses windows over 62 days and more than 100 schedules, as Graph does', async () => {
    const post = (body: unknown) =>
      fetch(`${calendar.baseUrl}/users/${kacper.personId}/calendar/getSchedule`, { method: 'POST', headers: { Authorization: 'Bearer t', 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
    const tooLong = await post({ schedules: [kacper.email], startTime: { dateTime: '2026-11-01T00:00:00', timeZone: 'UTC' }, endTime: { dateTime: '2027-01-03T00:00:00', timeZone: 'UTC' } });
    const tooMany = await post({ schedules: Array.from({ length: 101 }, (_, i) => `u${i}@x.local`), startTime: { dateTime: '2026-11-01T00:00:00', timeZone: 'UTC' }, endTime: { dateTime: '2026-11-02T00:00:00', timeZone: 'UTC' } });
    expect([tooLong.status, tooMany.status]).toEqual([400, 400]);
  });
});

describe('events', () => {
  it('creates one event per meeting in Azurite, and a retried create returns the same event', async () => {
    const adapter = adapterFor(calendar);
    const first = await adapter.createEvents([meeting(1), meeting(2)]);
    const retried = await adapter.createEvents([meeting(1)]);
    expect(first.every((r) => r.ok)).toBe(true);
    expect(retried[0]).toEqual(first[0]);
    const stored = await calendar.handler.events.list(kacper.personId);
    expect(stored.map((e) => e.doc.subject)).toEqual(['Mentoring #1', 'Mentoring #2']);
    expect(stored[0]!.doc).toMatchObject({
      categories: ['Mentoring'],
      isOnlineMeeting: true,
      onlineMeetingProvider: 'teamsForBusiness',
      extensions: [{ id: 'Microsoft.OutlookServices.OpenTypeExtension.com.mentoring.meeting', extensionName: 'com.mentoring.meeting', relationshipId: 'rel-1', meetingId: 'meet-1' }],
    });
  });

  it('stores the add-in\u2019s custom properties on the organizer\u2019s event and serves them only when $expand names them; the attendee\u2019s copy has none', async () => {
    const adapter = new GraphCalendarAdapter({
      tenantId: TENANT,
      client: createGraphClient({ baseUrl: calendar.baseUrl, accessToken: async () => 't' }),
      batch: { fallbackRetrySeconds: 0 },
      addInId: 'A1B2C3D4-0000-4000-8000-000000000001',
    });
    const created = (await adapter.createEvents([meeting(7)]))[0]!;
    if (!created.ok) throw new Error(created.error.message);
    const propertyId = 'String {00020329-0000-0000-C000-000000000046} Name cecp-a1b2c3d4-0000-4000-8000-000000000001';
    const get = async (mailbox: string, id: string, query = '') =>
      (await (await fetch(`${calendar.baseUrl}/users/${mailbox}/events/${encodeURIComponent(id)}${query}`, { headers: { Authorization: 'Bearer t' } })).json()) as Record<string, unknown>;
    const plain = await get(kacper.personId, created.value.eventId);
    expect(plain.singleValueExtendedProperties).toBeUndefined();
    const expanded = await get(kacper.personId, created.value.eventId, `?$expand=singleValueExtendedProperties($filter=id eq '${encodeURIComponent(propertyId.toUpperCase())}')`);
    expect(expanded.singleValueExtendedProperties).toEqual([{ id: propertyId, value: '{"relationshipId":"rel-1","meetingId":"meet-7"}' }]);
    const [copy] = (await calendar.handler.events.list(margaret.personId)).filter((e) => e.doc.subject === 'Mentoring #7');
    const copyExpanded = await get(margaret.personId, copy!.id, `?$expand=singleValueExtendedProperties($filter=id eq '${encodeURIComponent(propertyId)}')`);
    expect(copyExpanded.singleValueExtendedProperties).toBeUndefined();
  });

  it('moves, updates the agenda, records a decline and cancels, read back through the adapter', async () => {
    const adapter = adapterFor(calendar);
    const created = (await adapter.createEvents([meeting(1)]))[0]!;
    if (!created.ok) throw new Error(created.error.message);
    const ref = created.value;
    const start = monday + 8 * DAY + 10 * HOUR;
    expect(await adapter.moveEvent(ref, start, start + HOUR)).toEqual({ ok: true, value: undefined });
    expect(await adapter.updateEventBodies([{ ref, bodyHtml: '<p>New agenda</p>' }])).toEqual([{ ok: true, value: undefined }]);
    // The attendee answers on their own copy of the event (its own id), as in Outlook.
    const [copy] = await calendar.handler.events.list(margaret.personId);
    expect(copy!.id).not.toBe(ref.eventId);
    const decline = await fetch(`${calendar.baseUrl}/users/${margaret.personId}/events/${encodeURIComponent(copy!.id)}/decline`, {
      method: 'POST',
      headers: { Authorization: 'Bearer t', 'Content-Type': 'application/json' },
      body: JSON.stringify({ comment: 'Travelling', sendResponse: true }),
    });
    expect(decline.status).toBe(202);
    const [state] = await adapter.getEventStates([ref]);
    expect(state).toEqual({
      ok: true,
      value: { ref, start, end: start + HOUR, isCancelled: false, attendees: [{ email: margaret.email, response: 'declined' }], relationshipId: 'rel-1', meetingId: 'meet-1' },
    });
    const stored = await calendar.handler.events.get(kacper.personId, ref.eventId);
    expect(stored!.doc.body).toEqual({ contentType: 'html', content: '<p>New agenda</p>' });
    // Cancelling removes the organizer's event from the calendar (Graph moves it to Deleted Items).
    expect(await adapter.cancelEvent(ref, 'We will pick a new date.')).toEqual({ ok: true, value: undefined });
    const [after] = await adapter.getEventStates([ref]);
    expect(!after!.ok && after!.error.code).toBe('GRAPH.NOT_FOUND');
  });

  it('answers unknown events and mailboxes with Graph error codes the adapter maps', async () => {
    const adapter = adapterFor(calendar);
    const missing = await adapter.cancelEvent({ eventId: 'AAMkAGnope=', organizerId: kacper.personId }, 'x');
    const nobody = await adapter.cancelEvent({ eventId: 'AAMkAGnope=', organizerId: 'nobody' }, 'x');
    expect(!missing.ok && missing.error.code).toBe('GRAPH.NOT_FOUND');
    expect(!nobody.ok && nobody.error.code).toBe('GRAPH.NOT_FOUND');
  });

  it('refuses a batch of more than 20 requests', async () => {
    const response = await fetch(`${calendar.baseUrl}/$batch`, {
      method: 'POST',
      headers: { Authorization: 'Bearer t', 'Content-Type': 'application/json' },
      body: JSON.stringify({ requests: Array.from({ length: 21 }, (_, i) => ({ id: String(i + 1), method: 'GET', url: `/users/${kacper.personId}/mailboxSettings` })) }),
    });
    expect(response.status).toBe(400);
  });
});

describe('faults', () => {
  it('with 20% of calls answered 429 or 503 (some after the create took effect), N creates make exactly N events', async () => {
    calendar.handler.faults.rate = 0.2;
    calendar.handler.faults.kinds = ['throttle', 'unavailable', 'lostAnswer'];
    calendar.handler.faults.retryAfterSeconds = 0;
    calendar.handler.faults.random = seededRandom(42);
    const N = 60;
    const meetings = Array.from({ length: N }, (_, i) => meeting(i + 1));
    const results = await adapterFor(calendar).createEvents(meetings);
    expect(results.filter((r) => !r.ok)).toEqual([]);
    expect(calendar.handler.stats.faults).toBeGreaterThan(5);
    const stored = await calendar.handler.events.list(kacper.personId);
    expect(stored).toHaveLength(N);
    expect(new Set(stored.map((e) => e.doc.transactionId)).size).toBe(N);
    expect(new Set(results.map((r) => r.ok && r.value.eventId)).size).toBe(N);
  });

  it('a booking retried after its answer was lost ends with exactly one event', async () => {
    calendar.handler.faults.script = ['lostAnswer'];
    const once = new GraphCalendarAdapter({
      tenantId: TENANT,
      client: createGraphClient({ baseUrl: calendar.baseUrl, accessToken: async () => 't', maxRetries: 0 }),
      batch: { maxAttempts: 1 },
    });
    const [lost] = await once.createEvents([meeting(1)]);
    expect(!lost!.ok && lost!.error.code).toBe('GRAPH.UNAVAILABLE');
    const [retried] = await once.createEvents([meeting(1)]);
    expect(retried!.ok).toBe(true);
    const stored = await calendar.handler.events.list(kacper.personId);
    expect(stored.map((e) => e.id)).toEqual([retried!.ok && retried!.value.eventId]);
  });

  it('runs a scripted fault: one 429 with Retry-After, then success', async () => {
    calendar.handler.faults.script = ['throttle', null];
    calendar.handler.faults.retryAfterSeconds = 0;
    const results = await adapterFor(calendar).createEvents([meeting(1)]);
    expect(results[0]!.ok).toBe(true);
    expect(calendar.handler.stats).toMatchObject({ calls: 2, faults: 1, batches: 2 });
  });
});

describe('tokens', () => {
  let jwksServer: Server;
  let jwksUrl: string;
  let sign: (claims: Record<string, unknown>) => Promise<string>;

  beforeAll(async () => {
    const { publicKey, privateKey } = await generateKeyPair('RS256');
    const jwk = { ...(await exportJWK(publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
    jwksServer = createServer((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ keys: [jwk] }));
    });
    await new Promise<void>((resolve) => jwksServer.listen(0, '127.0.0.1', resolve));
    jwksUrl = `http://127.0.0.1:${(jwksServer.address() as AddressInfo).port}/keys`;
    sign = (claims) => new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid: 'k1' }).setIssuedAt().setExpirationTime('10m').sign(privateKey);
  });
  afterAll(() => new Promise<void>((resolve) => jwksServer.close(() => resolve())));

  it('mounts on the local host under /local-graph with the issuer’s people, zones named the Windows way', async () => {
    const service = await createLocalCalendarService({
      azurite: { connectionString: testStorageConnectionString() },
      issuer: { jwksUri: jwksUrl, people: [{ ...kacper, tenantId: TENANT, timeZone: 'Europe/Warsaw' }] },
    });
    const host = createServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      if (url.pathname.startsWith(service.prefix)) void service.handle(req, res, url);
      else res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => host.listen(0, '127.0.0.1', resolve));
    try {
      const base = `http://127.0.0.1:${(host.address() as AddressInfo).port}/local-graph/v1.0`;
      const token = await sign({ tid: TENANT, aud: 'https://graph.microsoft.com' });
      const response = await fetch(`${base}/users/${kacper.personId}/mailboxSettings`, { headers: { Authorization: `Bearer ${token}` } });
      expect(response.status).toBe(200);
      expect(((await response.json()) as { timeZone: string }).timeZone).toBe('Central European Standard Time');
      expect(await service.health!()).toEqual({ status: 'ok' });
    } finally {
      await new Promise<void>((resolve) => host.close(() => resolve()));
    }
  });

  it('needs a bearer token, and with a JWKS checks the signature and the tenant of the mailbox', async () => {
    const noToken = await fetch(`${calendar.baseUrl}/users/${kacper.personId}/mailboxSettings`);
    expect(noToken.status).toBe(401);

    const strict = await startLocalGraphCalendar({
      table: localCalendarTable(testStorageConnectionString(), uniqueTableName('graph')),
      people: [{ ...kacper, tenantId: TENANT }],
      jwksUrl,
      audience: 'https://graph.microsoft.com',
    });
    try {
      const good = await sign({ tid: TENANT, aud: 'https://graph.microsoft.com' });
      const otherTenant = await sign({ tid: '22222222-2222-4222-8222-222222222222', aud: 'https://graph.microsoft.com' });
      const read = (token: string) => fetch(`${strict.baseUrl}/users/${kacper.personId}/mailboxSettings`, { headers: { Authorization: `Bearer ${token}` } });
      expect((await read(good)).status).toBe(200);
      expect((await read(otherTenant)).status).toBe(403);
      expect((await read('not-a-jwt')).status).toBe(401);
      const viaAdapter = graphCalendarFor({ baseUrl: strict.baseUrl, tenantId: TENANT, accessToken: async () => good });
      const result = await viaAdapter.getCalendars({ requesterId: kacper.personId, people: [asPerson(kacper)], range: { start: monday, end: monday + DAY } });
      expect(result.ok && result.value[0]!.timeZone).toBe('Europe/Warsaw');
    } finally {
      await strict.stop();
    }
  });
});
