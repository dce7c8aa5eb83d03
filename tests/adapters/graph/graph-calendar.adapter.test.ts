import { addInCustomPropertiesId, GraphCalendarAdapter, MEETING_EXTENSION_ID, splitScheduleWindows } from '../../../src/adapters/graph/graph-calendar.adapter';
import { createGraphClient } from '../../../src/adapters/graph/graph-client';
import { TokenAcquisitionError } from '../../../src/adapters/graph/graph-errors';
import { meetingTransactionId } from '../../../src/adapters/graph/transaction-id';
import type { CalendarPerson, PlannedMeetingEvent } from '../../../src/core/ports/calendar';
import { DAY, HOUR } from '../../../src/core/time/interval';
import { fixture, StrictGraphServer, type Reply } from './strict-graph-server';

const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';
const TOKEN = 'eyJ0eXAiOiJKV1QiLCJhbGciOiJub25lIn0.e30.';
const AUTH = { authorization: `Bearer ${TOKEN}` };
const PREFER = { prefer: 'outlook.timezone="UTC"' };

const megan: CalendarPerson = { personId: 'bc55b173-cff6-457d-b7a1-64bda7d7581a', email: 'meganb@contoso.com', displayName: 'Megan Bowen' };
const adele: CalendarPerson = { personId: '0d6b5e0d-6a3d-4d4b-9b7b-6a7e0f2b7a11', email: 'adelev@contoso.com', displayName: 'Adele Vance' };
const alex: CalendarPerson = { personId: '5a1c3f7e-2b9d-4c8e-8f6a-1d2e3f4a5b6c', email: 'alexw@contoso.com', displayName: 'Alex Wilber' };

const t0 = Date.UTC(2026, 10, 24, 0, 0); // Tuesday 24 Nov 2026
const created = fixture('event-created.response.json');
const withExtension = fixture('event-with-extension.response.json');
const withAddInProperties = fixture('event-with-add-in-properties.response.json');

let graph: StrictGraphServer;
let waits: number[];

function adapter(overrides: { token?: () => Promise<string>; maxAttempts?: number } = {}): GraphCalendarAdapter {
  return new GraphCalendarAdapter({
    tenantId: TENANT,
    client: createGraphClient({ baseUrl: graph.baseUrl, accessToken: overrides.token ?? (async () => TOKEN) }),
    batch: {
      sleep: async (ms) => {
        waits.push(ms);
      },
      ...(overrides.maxAttempts ? { maxAttempts: overrides.maxAttempts } : {}),
    },
  });
}

function meeting(n: number, over: Partial<PlannedMeetingEvent> = {}): PlannedMeetingEvent {
  return {
    meetingId: `meet-${n}`,
    relationshipId: 'rel-1',
    organizer: megan,
    attendees: [adele],
    subject: `Mentoring #${n}: Getting started`,
    bodyHtml: '<html><body><p>Agenda</p></body></html>',
    start: t0 + 9 * HOUR + (n - 1) * 7 * DAY,
    end: t0 + 10 * HOUR + (n - 1) * 7 * DAY,
    location: { kind: 'online' },
    ...over,
  };
}

function graphEventBody(m: PlannedMeetingEvent): Record<string, unknown> {
  const iso = (ms: number) => new Date(ms).toISOString().slice(0, 19);
  return {
    subject: m.subject,
    body: { contentType: 'html', content: m.bodyHtml },
    start: { dateTime: iso(m.start), timeZone: 'UTC' },
    end: { dateTime: iso(m.end), timeZone: 'UTC' },
    attendees: m.attendees.map((a) => ({ emailAddress: { address: a.email, name: a.displayName }, type: 'required' })),
    ...(m.location.kind === 'online'
      ? { isOnlineMeeting: true, onlineMeetingProvider: 'teamsForBusiness' }
      : { location: { displayName: m.location.name } }),
    categories: ['Mentoring'],
    transactionId: meetingTransactionId(TENANT, m.meetingId),
    extensions: [
      { '@odata.type': 'microsoft.graph.openTypeExtension', extensionName: 'com.mentoring.meeting', relationshipId: m.relationshipId, meetingId: m.meetingId },
    ],
  };
}

interface BatchRequest {
  id: string;
  method: string;
  url: string;
  headers?: Record<string, string>;
  body?: unknown;
}

function batchOf(requests: BatchRequest[]): { requests: BatchRequest[] } {
  return { requests };
}

function createRequest(id: number, m: PlannedMeetingEvent): BatchRequest {
  return {
    id: String(id),
    method: 'POST',
    url: `/users/${m.organizer.personId}/calendar/events`,
    headers: { 'Content-Type': 'application/json' },
    body: graphEventBody(m),
  };
}

/** Answers every inner request of a batch with `answer(request)`, in reverse order (Graph does not keep order). */
function batchReply(answer: (r: BatchRequest) => { status: number; body?: unknown; headers?: Record<string, string> }, delayMs = 0): (body: unknown) => Reply {
  return (body) => {
    const requests = (body as { requests: BatchRequest[] }).requests;
    return {
      status: 200,
      delayMs,
      body: { responses: requests.map((r) => ({ id: r.id, headers: { 'Content-Type': 'application/json' }, ...answer(r) })).reverse() },
    };
  };
}

const createdAs = (id: string) => ({ status: 201, body: { ...created, id } });

beforeEach(async () => {
  graph = await StrictGraphServer.start();
  waits = [];
});
afterEach(async () => {
  // Also catches a test that forgot to verify: nothing unexpected, nothing expected left unused.
  try {
    graph.verify();
  } finally {
    await graph.stop();
  }
});

describe('free/busy through getSchedule', () => {
  it('posts the schedules in UTC and maps busy time, working hours and Windows zones', async () => {
    graph.expect({
      method: 'POST',
      url: `/v1.0/users/${megan.personId}/calendar/getSchedule`,
      headers: { ...AUTH, ...PREFER, 'content-type': 'application/json' },
      body: {
        schedules: ['adelev@contoso.com', 'meganb@contoso.com'],
        startTime: { dateTime: '2026-11-24T00:00:00', timeZone: 'UTC' },
        endTime: { dateTime: '2026-12-08T00:00:00', timeZone: 'UTC' },
        availabilityViewInterval: 60,
      },
      reply: { status: 200, body: fixture('get-schedule.response.json') },
    });
    const result = await adapter().getCalendars({ requesterId: megan.personId, people: [adele, megan], range: { start: t0, end: t0 + 14 * DAY } });
    graph.verify();
    expect(result).toEqual({
      ok: true,
      value: [
        {
          personId: adele.personId,
          timeZone: 'America/Los_Angeles',
          workingHours: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: '08:00', end: '17:00' })),
          busy: [{ start: Date.parse('2026-11-24T20:00:00Z'), end: Date.parse('2026-11-24T21:00:00Z') }],
        },
        {
          personId: megan.personId,
          timeZone: 'Europe/Berlin',
          workingHours: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: '09:00', end: '17:30' })),
          busy: [
            { start: Date.parse('2026-11-24T08:30:00Z'), end: Date.parse('2026-11-24T09:30:00Z') },
            { start: Date.parse('2026-11-24T12:00:00Z'), end: Date.parse('2026-11-24T13:00:00Z') },
            { start: Date.parse('2026-11-25T00:00:00Z'), end: Date.parse('2026-11-26T00:00:00Z') },
          ],
        },
      ],
    });
  });

  it('blocks tentative, busy, oof and unknown time; free and workingElsewhere stay free (one table)', async () => {
    graph.expect({
      method: 'POST',
      url: `/v1.0/users/${megan.personId}/calendar/getSchedule`,
      body: {
        schedules: ['meganb@contoso.com'],
        startTime: { dateTime: '2026-11-24T00:00:00', timeZone: 'UTC' },
        endTime: { dateTime: '2026-11-25T00:00:00', timeZone: 'UTC' },
        availabilityViewInterval: 60,
      },
      reply: { status: 200, body: fixture('get-schedule-all-statuses.response.json') },
    });
    const result = await adapter().getCalendars({ requesterId: megan.personId, people: [megan], range: { start: t0, end: t0 + DAY } });
    graph.verify();
    const hour = (h: number) => Date.parse(`2026-11-24T${String(h).padStart(2, '0')}:00:00Z`);
    expect(result.ok && result.value[0]!.busy).toEqual([
      { start: hour(9), end: hour(10) }, // tentative
      { start: hour(10), end: hour(11) }, // busy
      { start: hour(11), end: hour(12) }, // oof
      { start: hour(13), end: hour(14) }, // unknown
    ]);
  });

  it('splits a 100-day range into windows of at most 62 days', async () => {
    const range = { start: t0, end: t0 + 100 * DAY };
    expect(splitScheduleWindows(range)).toEqual([
      { start: t0, end: t0 + 62 * DAY },
      { start: t0 + 62 * DAY, end: t0 + 100 * DAY },
    ]);
    const schedule = fixture('get-schedule.response.json');
    for (const [start, end] of [
      ['2026-11-24T00:00:00', '2027-01-25T00:00:00'],
      ['2027-01-25T00:00:00', '2027-03-04T00:00:00'],
    ]) {
      graph.expect({
        method: 'POST',
        url: `/v1.0/users/${megan.personId}/calendar/getSchedule`,
        headers: PREFER,
        body: { schedules: ['adelev@contoso.com', 'meganb@contoso.com'], startTime: { dateTime: start, timeZone: 'UTC' }, endTime: { dateTime: end, timeZone: 'UTC' }, availabilityViewInterval: 60 },
        reply: { status: 200, body: schedule },
      });
    }
    const result = await adapter().getCalendars({ requesterId: megan.personId, people: [adele, megan], range });
    graph.verify();
    expect(result.ok && result.value.map((c) => c.busy.length)).toEqual([2, 6]);
  });

  it('asks for at most 100 schedules per call', async () => {
    const people = Array.from({ length: 150 }, (_, i) => ({ personId: `p${i}`, email: `user${i}@contoso.com`, displayName: `User ${i}` }));
    const answer = (emails: string[]): Reply => ({
      status: 200,
      body: {
        value: emails.map((scheduleId) => ({
          scheduleId,
          availabilityView: '0',
          scheduleItems: [],
          workingHours: { daysOfWeek: ['monday'], startTime: '08:00:00.0000000', endTime: '16:00:00.0000000', timeZone: { name: 'Central European Standard Time' } },
        })),
      },
    });
    const window = { startTime: { dateTime: '2026-11-24T00:00:00', timeZone: 'UTC' }, endTime: { dateTime: '2026-11-25T00:00:00', timeZone: 'UTC' }, availabilityViewInterval: 60 };
    const first = people.slice(0, 100).map((p) => p.email);
    const second = people.slice(100).map((p) => p.email);
    graph.expect(
      { method: 'POST', url: '/v1.0/users/p0/calendar/getSchedule', body: { schedules: first, ...window }, reply: answer(first) },
      { method: 'POST', url: '/v1.0/users/p0/calendar/getSchedule', body: { schedules: second, ...window }, reply: answer(second) },
    );
    const result = await adapter().getCalendars({ requesterId: 'p0', people, range: { start: t0, end: t0 + DAY } });
    graph.verify();
    expect(result.ok && result.value.length).toBe(150);
    expect(result.ok && result.value[149]!.timeZone).toBe('Europe/Warsaw');
  });

  it('reads the zone from mailbox settings when working hours use a custom zone', async () => {
    graph.expect(
      {
        method: 'POST',
        url: `/v1.0/users/${megan.personId}/calendar/getSchedule`,
        body: { schedules: ['alexw@contoso.com'], startTime: { dateTime: '2026-11-24T00:00:00', timeZone: 'UTC' }, endTime: { dateTime: '2026-11-25T00:00:00', timeZone: 'UTC' }, availabilityViewInterval: 60 },
        reply: { status: 200, body: fixture('get-schedule-custom-zone.response.json') },
      },
      { method: 'GET', url: `/v1.0/users/${alex.personId}/mailboxSettings`, headers: AUTH, reply: { status: 200, body: fixture('mailbox-settings.response.json') } },
    );
    const result = await adapter().getCalendars({ requesterId: megan.personId, people: [alex], range: { start: t0, end: t0 + DAY } });
    graph.verify();
    expect(result).toEqual({
      ok: true,
      value: [{ personId: alex.personId, timeZone: 'Asia/Kolkata', workingHours: [1, 2, 3, 4].map((weekday) => ({ weekday, start: '10:00', end: '18:00' })), busy: [] }],
    });
  });

  it('reports a schedule Graph cannot read with its code', async () => {
    graph.expect({
      method: 'POST',
      url: `/v1.0/users/${megan.personId}/calendar/getSchedule`,
      body: { schedules: ['gone@contoso.com'], startTime: { dateTime: '2026-11-24T00:00:00', timeZone: 'UTC' }, endTime: { dateTime: '2026-11-25T00:00:00', timeZone: 'UTC' }, availabilityViewInterval: 60 },
      reply: { status: 200, body: fixture('get-schedule-error.response.json') },
    });
    const result = await adapter().getCalendars({
      requesterId: megan.personId,
      people: [{ personId: 'gone', email: 'gone@contoso.com', displayName: 'Gone' }],
      range: { start: t0, end: t0 + DAY },
    });
    graph.verify();
    expect(!result.ok && result.error).toMatchObject({ code: 'GRAPH.SCHEDULE_UNAVAILABLE', details: { responseCode: 'ErrorMailRecipientNotFound' } });
  });

  it('maps a 403 to GRAPH.FORBIDDEN and an empty range to a validation error without calling Graph', async () => {
    graph.expect({
      method: 'POST',
      url: `/v1.0/users/${megan.personId}/calendar/getSchedule`,
      body: { schedules: ['adelev@contoso.com'], startTime: { dateTime: '2026-11-24T00:00:00', timeZone: 'UTC' }, endTime: { dateTime: '2026-11-25T00:00:00', timeZone: 'UTC' }, availabilityViewInterval: 60 },
      reply: { status: 403, body: fixture('error-access-denied.response.json') },
    });
    const forbidden = await adapter().getCalendars({ requesterId: megan.personId, people: [adele], range: { start: t0, end: t0 + DAY } });
    const empty = await adapter().getCalendars({ requesterId: megan.personId, people: [adele], range: { start: t0, end: t0 } });
    graph.verify();
    expect(!forbidden.ok && forbidden.error).toMatchObject({ code: 'GRAPH.FORBIDDEN', details: { status: 403, graphCode: 'ErrorAccessDenied' } });
    expect(!empty.ok && empty.error.code).toBe('CALENDAR.INVALID_RANGE');
  });
});

describe('creating events through $batch', () => {
  it('sends one event per meeting with transactionId, category, open extension, online or place', async () => {
    const online = meeting(1);
    const inPerson = meeting(2, { location: { kind: 'place', name: 'Café Aurora, 3rd floor' } });
    graph.expect({
      method: 'POST',
      url: '/v1.0/$batch',
      headers: { ...AUTH, 'content-type': 'application/json' },
      body: batchOf([createRequest(1, online), createRequest(2, inPerson)]),
      reply: batchReply((r) => createdAs(`evt-${r.id}`)),
    });
    const results = await adapter().createEvents([online, inPerson]);
    graph.verify();
    const joinUrl = (created.onlineMeeting as { joinUrl: string }).joinUrl;
    // The created event's iCalUId travels with the ref: booking stores it for the attendee's Outlook pane.
    const iCalUId = (created as { iCalUId: string }).iCalUId;
    expect(results).toEqual([
      { ok: true, value: { eventId: 'evt-1', organizerId: megan.personId, joinUrl, iCalUId } },
      { ok: true, value: { eventId: 'evt-2', organizerId: megan.personId, joinUrl, iCalUId } },
    ]);
  });

  it('with the add-in id set, writes the relationship and meeting ids as the add-in\u2019s custom properties (the extended property loadCustomPropertiesAsync reads)', async () => {
    const m = meeting(1);
    // [MS-OXCEXT] 2.2.5: PS_PUBLIC_STRINGS, "cecp-" + the add-in id lower-cased without braces; the value is the custom properties' JSON.
    expect(addInCustomPropertiesId('{6F1A9C2E-0B3D-4E5F-8A7B-9C0D1E2F3A4B}')).toBe('String {00020329-0000-0000-C000-000000000046} Name cecp-6f1a9c2e-0b3d-4e5f-8a7b-9c0d1e2f3a4b');
    graph.expect({
      method: 'POST',
      url: '/v1.0/$batch',
      headers: { ...AUTH, 'content-type': 'application/json' },
      body: batchOf([
        {
          ...createRequest(1, m),
          body: {
            ...graphEventBody(m),
            singleValueExtendedProperties: [
              { id: 'String {00020329-0000-0000-C000-000000000046} Name cecp-6f1a9c2e-0b3d-4e5f-8a7b-9c0d1e2f3a4b', value: '{"relationshipId":"rel-1","meetingId":"meet-1"}' },
            ],
          },
        },
      ]),
      reply: batchReply((r) => createdAs(`evt-${r.id}`)),
    });
    const withAddIn = new GraphCalendarAdapter({
      tenantId: TENANT,
      client: createGraphClient({ baseUrl: graph.baseUrl, accessToken: async () => TOKEN }),
      addInId: '6F1A9C2E-0B3D-4E5F-8A7B-9C0D1E2F3A4B',
    });
    const results = await withAddIn.createEvents([m]);
    graph.verify();
    expect(results[0]).toMatchObject({ ok: true, value: { eventId: 'evt-1' } });
  });

  it('puts at most 20 requests in a batch', async () => {
    const meetings = Array.from({ length: 45 }, (_, i) => meeting(i + 1));
    for (const [from, to] of [
      [0, 20],
      [20, 40],
      [40, 45],
    ] as const) {
      graph.expect({
        method: 'POST',
        url: '/v1.0/$batch',
        body: batchOf(meetings.slice(from, to).map((m, k) => createRequest(from + k + 1, m))),
        reply: batchReply((r) => createdAs(`evt-${r.id}`)),
      });
    }
    const results = await adapter().createEvents(meetings);
    graph.verify();
    expect(results.map((r) => r.ok && r.value.eventId)).toEqual(meetings.map((_, i) => `evt-${i + 1}`));
  });

  it('keeps at most 4 batches in flight for one mailbox', async () => {
    const meetings = Array.from({ length: 200 }, (_, i) => meeting(i + 1));
    for (let from = 0; from < 200; from += 20) {
      graph.expect({
        method: 'POST',
        url: '/v1.0/$batch',
        body: batchOf(meetings.slice(from, from + 20).map((m, k) => createRequest(from + k + 1, m))),
        reply: batchReply((r) => createdAs(`evt-${r.id}`), 100),
      });
    }
    const results = await adapter().createEvents(meetings);
    graph.verify();
    expect(results.every((r) => r.ok)).toBe(true);
    expect(graph.maxInFlight).toBeLessThanOrEqual(4);
    expect(graph.maxInFlight).toBeGreaterThan(1);
  });

  it('retries only the inner requests answered 429/503/504, after the longest Retry-After', async () => {
    const [m1, m2, m3] = [meeting(1), meeting(2), meeting(3)];
    graph.expect(
      {
        method: 'POST',
        url: '/v1.0/$batch',
        body: batchOf([createRequest(1, m1!), createRequest(2, m2!), createRequest(3, m3!)]),
        reply: batchReply((r) =>
          r.id === '1'
            ? createdAs('evt-1')
            : r.id === '2'
              ? { status: 429, headers: { 'Retry-After': '7' }, body: fixture('error-throttled.response.json') }
              : { status: 503, headers: { 'Retry-After': '3' }, body: fixture('error-unavailable.response.json') },
        ),
      },
      {
        method: 'POST',
        url: '/v1.0/$batch',
        body: batchOf([createRequest(2, m2!), createRequest(3, m3!)]),
        reply: batchReply((r) => (r.id === '2' ? createdAs('evt-2') : { status: 504, body: { error: { code: 'GatewayTimeout', message: 'Gateway Timeout' } } })),
      },
      {
        method: 'POST',
        url: '/v1.0/$batch',
        body: batchOf([createRequest(3, m3!)]),
        reply: batchReply(() => createdAs('evt-3')),
      },
    );
    const results = await adapter().createEvents([m1!, m2!, m3!]);
    graph.verify();
    expect(results.map((r) => r.ok && r.value.eventId)).toEqual(['evt-1', 'evt-2', 'evt-3']);
    // 7 s from Retry-After, then 4 s fallback for attempt 2 (no Retry-After on the 504).
    expect(waits).toEqual([7000, 4000]);
  });

  it('gives up after the last attempt and maps each failure to its own code', async () => {
    const [m1, m2, m3] = [meeting(1), meeting(2), meeting(3)];
    graph.expect(
      {
        method: 'POST',
        url: '/v1.0/$batch',
        body: batchOf([createRequest(1, m1!), createRequest(2, m2!), createRequest(3, m3!)]),
        reply: batchReply((r) =>
          r.id === '1'
            ? { status: 503, headers: { 'Retry-After': '1' }, body: fixture('error-unavailable.response.json') }
            : r.id === '2'
              ? { status: 404, body: fixture('error-not-found.response.json') }
              : { status: 403, body: fixture('error-access-denied.response.json') },
        ),
      },
      {
        method: 'POST',
        url: '/v1.0/$batch',
        body: batchOf([createRequest(1, m1!)]),
        reply: batchReply(() => ({ status: 429, headers: { 'Retry-After': '2' }, body: fixture('error-throttled.response.json') })),
      },
    );
    const results = await adapter({ maxAttempts: 2 }).createEvents([m1!, m2!, m3!]);
    graph.verify();
    expect(results.map((r) => !r.ok && r.error.code)).toEqual(['GRAPH.THROTTLED', 'GRAPH.NOT_FOUND', 'GRAPH.FORBIDDEN']);
    expect(results[0]).toMatchObject({ error: { details: { status: 429, graphCode: 'ApplicationThrottled' } } });
    expect(waits).toEqual([1000]);
  });

  it('lets the client retry an outer 429 on the whole batch', async () => {
    const m1 = meeting(1);
    const body = batchOf([createRequest(1, m1)]);
    graph.expect(
      { method: 'POST', url: '/v1.0/$batch', body, reply: { status: 429, headers: { 'Retry-After': '0' }, body: fixture('error-throttled.response.json') } },
      { method: 'POST', url: '/v1.0/$batch', body, reply: batchReply(() => createdAs('evt-1')) },
    );
    const results = await adapter().createEvents([m1]);
    graph.verify();
    expect(results[0]).toMatchObject({ ok: true, value: { eventId: 'evt-1' } });
  });

  it('rejects an invalid meeting without sending it, and flags a malformed Graph answer', async () => {
    const bad = meeting(1, { end: t0 });
    const good = meeting(2);
    graph.expect({
      method: 'POST',
      url: '/v1.0/$batch',
      body: batchOf([createRequest(1, good)]),
      reply: batchReply(() => ({ status: 201, body: { subject: 'no id' } })),
    });
    const results = await adapter().createEvents([bad, good]);
    graph.verify();
    expect(results.map((r) => !r.ok && r.error.code)).toEqual(['CALENDAR.INVALID_EVENT', 'GRAPH.INVALID_RESPONSE']);
  });

  it('derives the same transactionId for the same tenant and meeting, and a different one otherwise', () => {
    const id = meetingTransactionId(TENANT, 'meet-1');
    expect(id).toBe(meetingTransactionId(TENANT.toUpperCase(), 'meet-1'));
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    // Cross-checked with Python's uuid.uuid5.
    expect(id).toBe('24df4537-c948-5f5b-9c8a-bddc5db89f6b');
    expect(meetingTransactionId(TENANT, 'meet-2')).not.toBe(id);
    expect(meetingTransactionId('another-tenant', 'meet-1')).not.toBe(id);
  });

  it('turns a token failure into GRAPH.AUTH_FAILED without calling Graph', async () => {
    const results = await adapter({
      token: async () => {
        throw new TokenAcquisitionError('invalid_grant');
      },
    }).createEvents([meeting(1)]);
    graph.verify();
    expect(results[0]).toMatchObject({ ok: false, error: { code: 'GRAPH.AUTH_FAILED' } });
  });
});

describe('updating, moving, cancelling and reading events', () => {
  const ref = { eventId: 'AAMkAGI1AAAt9AHjAAA=', organizerId: megan.personId };
  const eventPath = `/users/${megan.personId}/events/AAMkAGI1AAAt9AHjAAA%3D`;

  it('updates agenda bodies with PATCH inside a batch', async () => {
    graph.expect({
      method: 'POST',
      url: '/v1.0/$batch',
      body: batchOf([
        { id: '1', method: 'PATCH', url: eventPath, headers: { 'Content-Type': 'application/json' }, body: { body: { contentType: 'html', content: '<p>New agenda</p>' } } },
      ]),
      reply: batchReply(() => ({ status: 200, body: created })),
    });
    expect(await adapter().updateEventBodies([{ ref, bodyHtml: '<p>New agenda</p>' }])).toEqual([{ ok: true, value: undefined }]);
    graph.verify();
  });

  it('moves with PATCH start/end in UTC', async () => {
    graph.expect({
      method: 'PATCH',
      url: `/v1.0${eventPath}`,
      headers: AUTH,
      body: { start: { dateTime: '2026-11-24T09:30:00', timeZone: 'UTC' }, end: { dateTime: '2026-11-24T10:30:00', timeZone: 'UTC' } },
      reply: { status: 200, body: withExtension },
    });
    expect(await adapter().moveEvent(ref, t0 + 9.5 * HOUR, t0 + 10.5 * HOUR)).toEqual({ ok: true, value: undefined });
    graph.verify();
  });

  it('cancels with a comment (202 Accepted) and maps a 404', async () => {
    graph.expect(
      { method: 'POST', url: `/v1.0${eventPath}/cancel`, body: { comment: 'Adele is travelling; we will pick a new date.' }, reply: { status: 202 } },
      { method: 'POST', url: `/v1.0${eventPath}/cancel`, body: { comment: 'again' }, reply: { status: 404, body: fixture('error-not-found.response.json') } },
    );
    expect(await adapter().cancelEvent(ref, 'Adele is travelling; we will pick a new date.')).toEqual({ ok: true, value: undefined });
    const again = await adapter().cancelEvent(ref, 'again');
    graph.verify();
    expect(!again.ok && again.error).toMatchObject({ code: 'GRAPH.NOT_FOUND', details: { status: 404, graphCode: 'ErrorItemNotFound' } });
  });

  it('reads times, attendee responses and our ids from the open extension', async () => {
    graph.expect({
      method: 'POST',
      url: '/v1.0/$batch',
      body: batchOf([
        {
          id: '1',
          method: 'GET',
          url: `${eventPath}?$select=id,start,end,isCancelled,attendees,onlineMeeting,transactionId&$expand=extensions($filter=id%20eq%20'${MEETING_EXTENSION_ID}')`,
          headers: { Prefer: 'outlook.timezone="UTC"' },
        },
      ]),
      reply: batchReply(() => ({ status: 200, body: withExtension })),
    });
    const [state] = await adapter().getEventStates([ref]);
    graph.verify();
    expect(state).toEqual({
      ok: true,
      value: {
        ref: { ...ref, joinUrl: (withExtension.onlineMeeting as { joinUrl: string }).joinUrl },
        start: Date.parse('2026-11-24T09:30:00Z'),
        end: Date.parse('2026-11-24T10:30:00Z'),
        isCancelled: false,
        attendees: [{ email: 'adelev@contoso.com', response: 'declined' }],
        relationshipId: 'rel-1',
        meetingId: 'meet-1',
      },
    });
  });

  it('with the add-in configured, also expands its custom properties and reads the guard\'s "send anyway" mark', async () => {
    const property = "String {00020329-0000-0000-C000-000000000046} Name cecp-7e1a2b3c-4d5e-4f60-8a7b-9c0d1e2f3a01";
    graph.expect({
      method: 'POST',
      url: '/v1.0/$batch',
      body: batchOf([
        {
          id: '1',
          method: 'GET',
          url: `${eventPath}?$select=id,start,end,isCancelled,attendees,onlineMeeting,transactionId&$expand=extensions($filter=id%20eq%20'${MEETING_EXTENSION_ID}'),singleValueExtendedProperties($filter=id%20eq%20'${encodeURIComponent(property)}')`,
          headers: { Prefer: 'outlook.timezone="UTC"' },
        },
      ]),
      reply: batchReply(() => ({ status: 200, body: withAddInProperties })),
    });
    const withAddIn = new GraphCalendarAdapter({
      tenantId: TENANT,
      client: createGraphClient({ baseUrl: graph.baseUrl, accessToken: async () => TOKEN }),
      addInId: '{7E1A2B3C-4D5E-4F60-8A7B-9C0D1E2F3A01}',
    });
    const [state] = await withAddIn.getEventStates([ref]);
    graph.verify();
    expect(state).toMatchObject({
      ok: true,
      value: { start: Date.parse('2026-11-24T19:30:00Z'), relationshipId: 'rel-1', warnedTime: { start: Date.parse('2026-11-24T19:30:00Z'), end: Date.parse('2026-11-24T20:30:00Z') } },
    });
  });

  it('an unreadable custom property counts as no warning (the move stays flagged)', async () => {
    const damaged = { ...withAddInProperties, singleValueExtendedProperties: [{ id: (withAddInProperties.singleValueExtendedProperties as { id: string }[])[0]!.id, value: '{not json' }] };
    const property = 'String {00020329-0000-0000-C000-000000000046} Name cecp-7e1a2b3c-4d5e-4f60-8a7b-9c0d1e2f3a01';
    graph.expect({
      method: 'POST',
      url: '/v1.0/$batch',
      body: batchOf([
        {
          id: '1',
          method: 'GET',
          url: `${eventPath}?$select=id,start,end,isCancelled,attendees,onlineMeeting,transactionId&$expand=extensions($filter=id%20eq%20'${MEETING_EXTENSION_ID}'),singleValueExtendedProperties($filter=id%20eq%20'${encodeURIComponent(property)}')`,
          headers: { Prefer: 'outlook.timezone="UTC"' },
        },
      ]),
      reply: batchReply(() => ({ status: 200, body: damaged })),
    });
    const withAddIn = new GraphCalendarAdapter({ tenantId: TENANT, client: createGraphClient({ baseUrl: graph.baseUrl, accessToken: async () => TOKEN }), addInId: '7e1a2b3c-4d5e-4f60-8a7b-9c0d1e2f3a01' });
    const [state] = await withAddIn.getEventStates([ref]);
    graph.verify();
    expect(state).toMatchObject({ ok: true, value: { relationshipId: 'rel-1' } });
    expect(state!.ok && state!.value.warnedTime).toBe(undefined);
  });
});
