/**
 * Working hours over real HTTP against recorded Graph JSON (user-get-mailboxsettings, example 3: hours
 * in a custom zone), with the strict server checking each exact URL and failing on any call not expected.
 */
import { createGraphClient } from '../../../src/adapters/graph/graph-client';
import { GraphWorkingHoursAdapter } from '../../../src/adapters/graph/graph-working-hours.adapter';
import type { CalendarPerson } from '../../../src/core/ports/calendar';
import { fixture, StrictGraphServer } from './strict-graph-server';

const TOKEN = 'eyJ0eXAiOiJKV1QiLCJhbGciOiJub25lIn0.e30.';
const AUTH = { authorization: `Bearer ${TOKEN}` };
const alex: CalendarPerson = { personId: '94447c6e-ea4c-494c-a9ed-d905e366c5cb', email: 'alexw@contoso.com', displayName: 'Alex Wilber' };
const url = (setting: string) => `/v1.0/users/${alex.personId}/mailboxSettings/${setting}`;

let graph: StrictGraphServer;
beforeEach(async () => {
  graph = await StrictGraphServer.start();
});
afterEach(async () => {
  try {
    graph.verify();
  } finally {
    await graph.stop();
  }
});

const adapter = () => new GraphWorkingHoursAdapter(createGraphClient({ baseUrl: graph.baseUrl, accessToken: async () => TOKEN }));

it('reads working hours in a named Windows zone with one call, as IANA and weekly windows', async () => {
  const recorded = { ...fixture('mailbox-settings-working-hours.response.json'), daysOfWeek: ['monday', 'friday'], timeZone: { name: 'W. Europe Standard Time' } };
  graph.expect({ method: 'GET', url: url('workingHours'), headers: AUTH, reply: { status: 200, body: recorded } });
  expect(await adapter().workingHoursOf(alex)).toEqual({
    ok: true,
    value: {
      personId: alex.personId,
      timeZone: 'Europe/Berlin',
      windows: [
        { weekday: 1, start: '09:00', end: '18:30' },
        { weekday: 5, start: '09:00', end: '18:30' },
      ],
    },
  });
});

it('reads the mailbox’s own zone when the hours are in a custom zone Graph cannot name', async () => {
  graph.expect(
    { method: 'GET', url: url('workingHours'), headers: AUTH, reply: { status: 200, body: fixture('mailbox-settings-working-hours.response.json') } },
    { method: 'GET', url: url('timeZone'), headers: AUTH, reply: { status: 200, body: fixture('mailbox-settings-time-zone.response.json') } },
  );
  expect(await adapter().workingHoursOf(alex)).toEqual({
    ok: true,
    value: { personId: alex.personId, timeZone: 'America/Los_Angeles', windows: [1, 2, 3, 4, 5, 6].map((weekday) => ({ weekday, start: '09:00', end: '18:30' })) },
  });
});

it('answers a refused read with Graph’s code, and an unexpected shape as GRAPH.INVALID_RESPONSE', async () => {
  graph.expect({ method: 'GET', url: url('workingHours'), headers: AUTH, reply: { status: 403, body: fixture('error-access-denied.response.json') } });
  const refused = await adapter().workingHoursOf(alex);
  expect(refused.ok ? 'ok' : refused.error.code).toBe('GRAPH.FORBIDDEN');
  graph.expect({ method: 'GET', url: url('workingHours'), headers: AUTH, reply: { status: 200, body: { startTime: 'nine' } } });
  const odd = await adapter().workingHoursOf(alex);
  expect(odd.ok ? 'ok' : odd.error.code).toBe('GRAPH.INVALID_RESPONSE');
});
