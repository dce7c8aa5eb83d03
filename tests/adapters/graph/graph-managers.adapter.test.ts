/**
 * Managers over HTTP for matching's "never one's own manager": the adapter against recorded Graph JSON
 * on the strict server (exact $batch body, 20 to a batch, a person without a manager is 404 and means
 * "none", a contact manager is left out), then the same assertions against the local calendar's
 * `/users/{id}/manager`, which must answer in the same shapes.
 */
import { createGraphClient } from '../../../src/adapters/graph/graph-client';
import { GraphManagers } from '../../../src/adapters/graph/graph-managers.adapter';
import { localCalendarTable, startLocalGraphCalendar, type StartedLocalGraphCalendar } from '../../../src/local/calendar/local-graph-calendar';
import { testStorageConnectionString, uniqueTableName } from '../../support/azurite';
import { fixture, StrictGraphServer } from './strict-graph-server';

const TOKEN = 'eyJ0eXAiOiJKV1QiLCJhbGciOiJub25lIn0.e30.';
const AUTH = { authorization: `Bearer ${TOKEN}` };
const SARA = '7d54cb02-aaa3-4016-9f9c-a4b49422dd9b';
const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const request = (n: number, personId: string) => ({ id: String(n), method: 'GET', url: `/users/${personId}/manager?$select=id` });

describe('against recorded Graph JSON (strict server)', () => {
  let graph: StrictGraphServer;
  const adapter = () => new GraphManagers(createGraphClient({ baseUrl: graph.baseUrl, accessToken: async () => TOKEN, maxRetries: 0 }), { sleep: async () => undefined });
  beforeEach(async () => {
    graph = await StrictGraphServer.start();
  });
  afterEach(async () => {
    await graph.stop();
  });

  it('reads each person’s manager, 20 to a batch; no manager (404) and a contact manager are “none”', async () => {
    const people = Array.from({ length: 22 }, (_, i) => id(i + 1));
    const answer = (r: { id: string }) => {
      const n = Number(r.id);
      if (n === 2) return { status: 404, body: fixture('error-manager-not-found.response.json') };
      if (n === 3) return { status: 200, body: { '@odata.type': '#microsoft.graph.orgContact', id: 'contact-1' } };
      return { status: 200, body: fixture('user-manager-select-id.response.json') };
    };
    graph.expect(
      {
        method: 'POST',
        url: '/v1.0/$batch',
        headers: { ...AUTH, 'content-type': 'application/json' },
        body: { requests: people.slice(0, 20).map((p, i) => request(i + 1, p)) },
        reply: (body: unknown) => ({ status: 200, body: { responses: (body as { requests: { id: string }[] }).requests.map((r) => ({ id: r.id, headers: { 'Content-Type': 'application/json' }, ...answer(r) })) } }),
      },
      {
        method: 'POST',
        url: '/v1.0/$batch',
        headers: { ...AUTH, 'content-type': 'application/json' },
        body: { requests: people.slice(20).map((p, i) => request(i + 21, p)) },
        reply: (body: unknown) => ({ status: 200, body: { responses: (body as { requests: { id: string }[] }).requests.map((r) => ({ id: r.id, headers: { 'Content-Type': 'application/json' }, ...answer(r) })) } }),
      },
    );
    const managers = await adapter().managersOf(people);
    graph.verify();
    if (!managers.ok) throw new Error(managers.error.code);
    expect(managers.value.size).toBe(20);
    expect(managers.value.get(people[0]!)).toBe(SARA);
    expect(managers.value.has(people[1]!)).toBe(false);
    expect(managers.value.has(people[2]!)).toBe(false);
    expect(managers.value.get(people[21]!)).toBe(SARA);
  });

  it('a refusal is GRAPH.FORBIDDEN (User.Read.All not granted), not an empty answer', async () => {
    graph.expect({
      method: 'POST',
      url: '/v1.0/$batch',
      headers: { ...AUTH, 'content-type': 'application/json' },
      body: { requests: [request(1, id(1))] },
      reply: { status: 200, body: { responses: [{ id: '1', status: 403, headers: { 'Content-Type': 'application/json' }, body: fixture('error-access-denied.response.json') }] } },
    });
    expect(await adapter().managersOf([id(1)])).toMatchObject({ ok: false, error: { code: 'GRAPH.FORBIDDEN' } });
    graph.verify();
  });
});

describe('the same reads against the local calendar’s directory', () => {
  const TENANT = 'aaaaaaaa-1111-4111-8111-111111111111';
  const person = (n: number, managerId?: string) => ({ personId: id(n), tenantId: TENANT, email: `p${n}@test.local`, displayName: `Person ${n}`, timeZone: 'UTC', ...(managerId ? { managerId } : {}) });
  const boss = person(1);
  const people = [boss, person(2, boss.personId), person(3, id(2)), person(4)];
  let calendar: StartedLocalGraphCalendar;
  const adapter = () => new GraphManagers(createGraphClient({ baseUrl: calendar.baseUrl, accessToken: async () => TOKEN, maxRetries: 0 }));

  beforeAll(async () => {
    calendar = await startLocalGraphCalendar({ table: localCalendarTable(testStorageConnectionString(), uniqueTableName('managers')), people });
  });
  afterAll(() => calendar.stop());

  it('answers in Graph’s shapes: the manager with @odata.type and only $select=id, 404 Request_ResourceNotFound without one', async () => {
    const found = await fetch(`${calendar.baseUrl}/users/${id(2)}/manager?$select=id`, { headers: AUTH });
    expect(found.status).toBe(200);
    const recorded = fixture('user-manager-select-id.response.json');
    const body = (await found.json()) as Record<string, unknown>;
    expect(Object.keys(body).sort()).toEqual(Object.keys(recorded).sort());
    expect(body).toEqual({ ...recorded, id: boss.personId });
    const none = await fetch(`${calendar.baseUrl}/users/${id(4)}/manager?$select=id`, { headers: AUTH });
    expect(none.status).toBe(404);
    expect(((await none.json()) as { error: { code: string } }).error.code).toBe((fixture('error-manager-not-found.response.json') as { error: { code: string } }).error.code);
    const full = (await (await fetch(`${calendar.baseUrl}/users/${id(3)}/manager`, { headers: AUTH })).json()) as Record<string, unknown>;
    expect(full).toMatchObject({ '@odata.type': '#microsoft.graph.user', id: id(2), displayName: 'Person 2' });
  });

  it('the adapter reads the same managers through $batch', async () => {
    const managers = await adapter().managersOf(people.map((p) => p.personId));
    if (!managers.ok) throw new Error(managers.error.code);
    expect([...managers.value.entries()].sort()).toEqual([
      [id(2), boss.personId],
      [id(3), id(2)],
    ]);
  });
});
