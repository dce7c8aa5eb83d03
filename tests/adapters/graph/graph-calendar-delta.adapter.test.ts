/** Delta reads over HTTP against recorded Graph JSON: the first round's pages, then a round of changes. */
import { createGraphClient } from '../../../src/adapters/graph/graph-client';
import { GraphCalendarDeltaAdapter } from '../../../src/adapters/graph/graph-calendar-delta.adapter';
import { fixture, StrictGraphServer } from './strict-graph-server';

const MEGAN = 'bc55b173-cff6-457d-b7a1-64bda7d7581a';
const TOKEN = 'eyJ0eXAiOiJKV1QiLCJhbGciOiJub25lIn0.e30.';
const headers = { authorization: `Bearer ${TOKEN}`, prefer: 'odata.maxpagesize=100' };
let graph: StrictGraphServer;

beforeEach(async () => {
  graph = await StrictGraphServer.start();
});
afterEach(async () => {
  await graph.stop();
});

it('follows nextLink pages to the deltaLink, then reads changes and removals from it', async () => {
  const changes = fixture<{ value: { id: string }[]; '@odata.deltaLink': string }>('calendar-view-delta-changes.response.json');
  const event = fixture('event-created.response.json');
  graph.expect(
    {
      method: 'GET',
      url: `/v1.0/users/${MEGAN}/calendarView/delta?startDateTime=2026-11-22T09:00:00.000Z&endDateTime=2027-12-27T09:00:00.000Z`,
      headers,
      reply: { status: 200, body: { '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#Collection(event)', '@odata.nextLink': `https://graph.microsoft.com/v1.0/users/${MEGAN}/calendarView/delta?$skiptoken=page2`, value: [{ '@odata.type': '#microsoft.graph.event', ...event }] } },
    },
    {
      method: 'GET',
      url: `/v1.0/users/${MEGAN}/calendarView/delta?$skiptoken=page2`,
      headers,
      reply: { status: 200, body: { '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#Collection(event)', '@odata.deltaLink': `https://graph.microsoft.com/v1.0/users/${MEGAN}/calendarView/delta?$deltatoken=first`, value: [] } },
    },
    { method: 'GET', url: `/v1.0/users/${MEGAN}/calendarView/delta?$deltatoken=first`, headers, reply: { status: 200, body: changes } },
  );
  const adapter = new GraphCalendarDeltaAdapter(createGraphClient({ baseUrl: graph.baseUrl, accessToken: async () => TOKEN }));
  const first = await adapter.readChanges(MEGAN, undefined, { start: Date.UTC(2026, 10, 22, 9), end: Date.UTC(2027, 11, 27, 9) });
  expect(first).toEqual({ ok: true, value: { changed: [(event as { id: string }).id], removed: [], cursor: `https://graph.microsoft.com/v1.0/users/${MEGAN}/calendarView/delta?$deltatoken=first` } });
  const next = await adapter.readChanges(MEGAN, first.ok ? first.value.cursor : '', { start: 0, end: 0 });
  expect(next).toEqual({ ok: true, value: { changed: [changes.value[1]!.id], removed: [changes.value[0]!.id], cursor: changes['@odata.deltaLink'] } });
  graph.verify();
});
