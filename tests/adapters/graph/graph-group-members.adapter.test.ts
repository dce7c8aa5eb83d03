/**
 * Entra group membership over HTTP: the adapter against recorded Graph JSON on the strict server
 * (exact URLs, every call used once, the nextLink followed), then the same walk against the local
 * calendar's directory, which must answer in the same shapes.
 */
import { createGraphClient } from '../../../src/adapters/graph/graph-client';
import { GraphGroupMembers } from '../../../src/adapters/graph/graph-group-members.adapter';
import { localCalendarTable, startLocalGraphCalendar, type StartedLocalGraphCalendar } from '../../../src/local/calendar/local-graph-calendar';
import { testStorageConnectionString, uniqueTableName } from '../../support/azurite';
import { fixture, StrictGraphServer } from './strict-graph-server';

const TOKEN = 'eyJ0eXAiOiJKV1QiLCJhbGciOiJub25lIn0.e30.';
const AUTH = { authorization: `Bearer ${TOKEN}` };
const GROUP = '02bd9fd6-8f93-4758-87c3-1fb73740a315';
const page1Url = `/v1.0/groups/${GROUP}/transitiveMembers?$select=id&$top=999`;
const page2Url = `/v1.0/groups/${GROUP}/transitiveMembers?$select=id&$top=999&$skiptoken=RFNwdAIAAQAAABZHOjAyYmQ5ZmQ2LThmOTMtNDc1OC04N2MzLTFmYjczNzQwYTMxNQ`;
const USERS = ['11111111-2222-3333-4444-555555555555', '87d349ed-44d7-43e1-9a83-5f2406dee5bd', '626cbf8c-5dde-46b0-8385-9e40d64736fe'];

describe('against recorded Graph JSON (strict server)', () => {
  let graph: StrictGraphServer;
  const adapter = () => new GraphGroupMembers(createGraphClient({ baseUrl: graph.baseUrl, accessToken: async () => TOKEN, maxRetries: 0 }));
  beforeEach(async () => {
    graph = await StrictGraphServer.start();
  });
  afterEach(async () => {
    await graph.stop();
  });

  it('lists the users of every page (nested groups flattened by Graph), leaving out groups, devices, contacts and apps', async () => {
    graph.expect(
      { method: 'GET', url: page1Url, headers: AUTH, reply: { status: 200, body: fixture('group-transitive-members-page1.response.json') } },
      { method: 'GET', url: page2Url, headers: AUTH, reply: { status: 200, body: fixture('group-transitive-members-page2.response.json') } },
    );
    expect(await adapter().userIds(GROUP)).toEqual({ ok: true, value: USERS });
    graph.verify();
  });

  it('isMember stops at the page that holds the person, and reads on to the end for someone absent', async () => {
    graph.expect({ method: 'GET', url: page1Url, headers: AUTH, reply: { status: 200, body: fixture('group-transitive-members-page1.response.json') } });
    expect(await adapter().isMember(GROUP, USERS[1]!.toUpperCase())).toEqual({ ok: true, value: true });
    graph.verify();
    graph.expect(
      { method: 'GET', url: page1Url, headers: AUTH, reply: { status: 200, body: fixture('group-transitive-members-page1.response.json') } },
      { method: 'GET', url: page2Url, headers: AUTH, reply: { status: 200, body: fixture('group-transitive-members-page2.response.json') } },
    );
    // A nested group's id is not a person, even though it is in the list.
    expect(await adapter().isMember(GROUP, '4d0ef681-e88f-42a3-a2db-e6bf1e249e10')).toEqual({ ok: true, value: false });
    graph.verify();
  });

  it('an unknown group is PROGRAMME.GROUP_NOT_FOUND; a refusal keeps Graph’s code', async () => {
    graph.expect(
      { method: 'GET', url: page1Url, headers: AUTH, reply: { status: 404, body: fixture('error-group-not-found.response.json') } },
      { method: 'GET', url: page1Url, headers: AUTH, reply: { status: 403, body: fixture('error-access-denied.response.json') } },
    );
    expect(await adapter().userIds(GROUP)).toMatchObject({ ok: false, error: { code: 'PROGRAMME.GROUP_NOT_FOUND' } });
    expect(await adapter().isMember(GROUP, USERS[0]!)).toMatchObject({ ok: false, error: { code: 'GRAPH.FORBIDDEN' } });
    graph.verify();
  });
});

describe('the same walk against the local calendar’s directory', () => {
  const TENANT = 'aaaaaaaa-1111-4111-8111-111111111111';
  const OTHER = 'bbbbbbbb-2222-4222-8222-222222222222';
  const person = (n: number, tenantId = TENANT) => ({ personId: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`, tenantId, email: `p${n}@test.local`, displayName: `Person ${n}`, timeZone: 'UTC' });
  // 1,200 direct members and one nested group of 3 (one of them also direct): more than one page of 999.
  const people = Array.from({ length: 1203 }, (_, i) => person(i + 1));
  const nested = { id: 'cccccccc-0000-4000-8000-000000000002', tenantId: TENANT, displayName: 'Nested', members: [people[1200]!.personId, people[1201]!.personId, people[1202]!.personId, people[0]!.personId] };
  const root = { id: 'cccccccc-0000-4000-8000-000000000001', tenantId: TENANT, displayName: 'Root', members: [...people.slice(0, 1200).map((p) => p.personId), nested.id] };
  const foreign = { id: 'cccccccc-0000-4000-8000-000000000009', tenantId: OTHER, displayName: 'Other tenant', members: [] };
  let calendar: StartedLocalGraphCalendar;
  const adapter = () => new GraphGroupMembers(createGraphClient({ baseUrl: calendar.baseUrl, accessToken: async () => TOKEN, maxRetries: 0 }));

  beforeAll(async () => {
    calendar = await startLocalGraphCalendar({ table: localCalendarTable(testStorageConnectionString(), uniqueTableName('groups')), people, groups: [root, nested, foreign] });
  });
  afterAll(() => calendar.stop());

  it('answers in Graph’s shapes: @odata.type on each object, $select=id, pages of $top with an absolute nextLink', async () => {
    const response = await fetch(`${calendar.baseUrl}/groups/${root.id}/transitiveMembers?$select=id&$top=999`, { headers: AUTH });
    const body = (await response.json()) as Record<string, unknown> & { value: Record<string, unknown>[] };
    expect(response.status).toBe(200);
    expect(body.value).toHaveLength(999);
    expect(body.value[0]).toEqual({ '@odata.type': '#microsoft.graph.user', id: people[0]!.personId });
    expect(body['@odata.nextLink']).toBe(`${calendar.baseUrl}/groups/${root.id}/transitiveMembers?$select=id&$top=999&$skiptoken=999`);
    const unknownTop = await fetch(`${calendar.baseUrl}/groups/${root.id}/transitiveMembers?$top=1000`, { headers: AUTH });
    expect(unknownTop.status).toBe(400);
  });

  it('the adapter reads every user of the nested tree once, and leaves the nested group out', async () => {
    const ids = await adapter().userIds(root.id);
    expect(ids.ok && ids.value.length).toBe(1203);
    expect(ids.ok && new Set(ids.value).size).toBe(1203);
    expect(ids.ok && ids.value.includes(nested.id)).toBe(false);
    expect(await adapter().isMember(root.id, people[1202]!.personId)).toEqual({ ok: true, value: true });
    expect(await adapter().isMember(nested.id, people[5]!.personId)).toEqual({ ok: true, value: false });
  });

  it('an unknown group is 404 Request_ResourceNotFound, as Graph answers', async () => {
    const response = await fetch(`${calendar.baseUrl}/groups/cccccccc-0000-4000-8000-000000000404/transitiveMembers`, { headers: AUTH });
    expect(response.status).toBe(404);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('Request_ResourceNotFound');
    expect(await adapter().userIds('cccccccc-0000-4000-8000-000000000404')).toMatchObject({ ok: false, error: { code: 'PROGRAMME.GROUP_NOT_FOUND' } });
  });
});
