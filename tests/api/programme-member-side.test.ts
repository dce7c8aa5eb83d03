/**
 * The member's side of programmes over HTTP: a person invited (or in the group, or in an open
 * programme's tenant) reads only what a member may see and joins; everyone else is told why not.
 * And the owner's people search: same tenant only, owners only, and it finds people with no free
 * mentoring place, whom the mentor suggestions leave out.
 */
import { randomUUID } from 'node:crypto';
import { startApiHarness, type ApiHarness } from './support/api-harness';
import { joinBody, programmeBody } from './support/endpoint-catalogue';

let h: ApiHarness;
beforeAll(async () => {
  h = await startApiHarness();
});
afterAll(() => h.stop());

describe('GET /api/me/programmes[/{programmeId}]', () => {
  it('an invited person reads the programme (no list, no members) and joins; others are told why not, with nothing of it', async () => {
    const cast = await h.newCast();
    const created = await h.request('POST', '/api/programmes', { person: cast.owner, body: programmeBody({ kind: 'invited', personIds: [cast.mentee.personId, cast.mentor.personId] }) });
    const id = created.json.id as string;
    await h.request('PUT', `/api/programmes/${id}/membership`, { person: cast.mentor, body: joinBody('mentor') });
    const path = `/api/me/programmes/${id}`;

    const read = await h.request('GET', path, { person: cast.mentee });
    expect(read.status).toBe(200);
    expect(read.json).toEqual({
      id,
      name: 'Data skills 2027',
      purpose: 'Pair analysts with people who build reports every day',
      startDate: '2027-01-04',
      endDate: '2027-06-30',
      kind: 'both',
      matchingMode: 'cohort',
      ended: false,
    });
    // Neither who else is invited nor who joined.
    expect(read.text).not.toContain(cast.mentor.personId);
    expect(read.text).not.toContain(cast.mentor.displayName);
    expect((await h.request('GET', '/api/me/programmes', { person: cast.mentee })).json).toEqual({ programmes: [read.json] });

    const joined = await h.request('PUT', `/api/programmes/${id}/membership`, { person: cast.mentee, body: joinBody('mentee') });
    expect(joined.status).toBe(200);
    expect((await h.request('GET', path, { person: cast.mentee })).json.membership).toEqual({ role: 'mentee', joinedAt: joined.json.joinedAt });

    const stranger = await h.request('GET', path, { person: cast.stranger });
    expect({ status: stranger.status, code: stranger.json.error.code }).toEqual({ status: 403, code: 'PROGRAMME.NOT_INVITED' });
    expect(stranger.json.error.message).toMatch(/invite/);
    expect(stranger.text).not.toContain('Data skills');
    expect((await h.request('GET', '/api/me/programmes', { person: cast.stranger })).json).toEqual({ programmes: [] });

    for (const person of [cast.outsider, cast.outsiderOwner]) {
      const other = await h.request('GET', path, { person });
      expect({ status: other.status, code: other.json.error.code }).toEqual({ status: 404, code: 'PROGRAMME.NOT_FOUND' });
      expect((await h.request('GET', '/api/me/programmes', { person })).json).toEqual({ programmes: [] });
    }
    const anonymous = await h.request('GET', path);
    expect({ status: anonymous.status, code: anonymous.json.error.code }).toEqual({ status: 401, code: 'AUTH.MISSING_TOKEN' });
  });

  it('an Entra group programme: its members (nested included) see it, others get PROGRAMME.NOT_IN_GROUP; an open one is everyone’s', async () => {
    const cast = await h.newCast();
    const nested = { id: randomUUID(), tenantId: cast.tenantId, displayName: 'Analysts', members: [cast.mentee.personId] };
    const group = { id: randomUUID(), tenantId: cast.tenantId, displayName: 'Data guild', members: [nested.id] };
    h.groups.push(nested, group);
    const inGroup = await h.request('POST', '/api/programmes', { person: cast.owner, body: programmeBody({ kind: 'entraGroup', groupId: group.id }, { name: 'Guild pairs' }) });
    const open = await h.request('POST', '/api/programmes', { person: cast.owner, body: programmeBody({ kind: 'everyone' }, { name: 'Open pairs' }) });
    expect([inGroup.status, open.status]).toEqual([201, 201]);

    const names = async (person: typeof cast.mentee) => ((await h.request('GET', '/api/me/programmes', { person })).json.programmes as { name: string }[]).map((p) => p.name).sort();
    expect(await names(cast.mentee)).toEqual(['Guild pairs', 'Open pairs']);
    expect(await names(cast.stranger)).toEqual(['Open pairs']);
    const refused = await h.request('GET', `/api/me/programmes/${inGroup.json.id}`, { person: cast.stranger });
    expect({ status: refused.status, code: refused.json.error.code }).toEqual({ status: 403, code: 'PROGRAMME.NOT_IN_GROUP' });
    expect((await h.request('GET', `/api/me/programmes/${open.json.id}`, { person: cast.stranger })).status).toBe(200);
  });
});

describe('GET /api/programmes/people?q=', () => {
  it('finds someone with no free mentoring place, whom the owner then invites and who joins', async () => {
    const cast = await h.newCast();
    // Sam has no mentoring place left: the mentor suggestions the picker used leave Sam out.
    const mine = await h.request('GET', '/api/me/profile', { person: cast.stranger });
    const { userId: _u, displayName: _d, activeMenteeCount: _a, capacityLeft: _l, createdAt: _c, updatedAt: _up, ...fields } = mine.json;
    const full = await h.request('PUT', '/api/me/profile', { person: cast.stranger, body: { ...fields, capacity: 0, openToReverseMentoring: false, version: mine.json.version } });
    expect(full.status).toBe(200);
    const suggested = await h.request('GET', '/api/mentors/suggestions?q=Sam', { person: cast.mentee });
    expect(suggested.text).not.toContain(cast.stranger.personId);

    const found = await h.request('GET', '/api/programmes/people?q=sam', { person: cast.owner });
    expect(found.status).toBe(200);
    expect(found.json).toEqual({ people: [{ id: cast.stranger.personId, displayName: 'Sam Stranger', jobTitle: 'Engineer' }] });

    const created = await h.request('POST', '/api/programmes', { person: cast.owner, body: programmeBody({ kind: 'invited', personIds: [found.json.people[0].id] }) });
    expect(created.status).toBe(201);
    expect((await h.request('GET', `/api/me/programmes/${created.json.id}`, { person: cast.stranger })).status).toBe(200);
    expect((await h.request('PUT', `/api/programmes/${created.json.id}/membership`, { person: cast.stranger, body: joinBody('mentee') })).status).toBe(200);
  });

  it('is for owners of the caller’s tenant only; a short query says how long it must be', async () => {
    const cast = await h.newCast();
    const member = await h.request('GET', '/api/programmes/people?q=kacper', { person: cast.mentee });
    expect({ status: member.status, code: member.json.error.code }).toEqual({ status: 403, code: 'PROGRAMME.OWNER_ROLE_REQUIRED' });
    const otherOwner = await h.request('GET', '/api/programmes/people?q=kacper', { person: cast.outsiderOwner });
    expect(otherOwner.status).toBe(200);
    expect(otherOwner.text).not.toContain(cast.mentor.personId);
    expect(otherOwner.json.people.every((p: { id: string }) => p.id !== cast.mentor.personId)).toBe(true);
    const anonymous = await h.request('GET', '/api/programmes/people?q=kacper');
    expect({ status: anonymous.status, code: anonymous.json.error.code }).toEqual({ status: 401, code: 'AUTH.MISSING_TOKEN' });
    const short = await h.request('GET', '/api/programmes/people?q=k', { person: cast.owner });
    expect({ status: short.status, code: short.json.error.code, field: short.json.error.field }).toEqual({ status: 422, code: 'PROGRAMME.SEARCH_TOO_SHORT', field: 'q' });
    const byTitle = await h.request('GET', '/api/programmes/people?q=engin', { person: cast.owner });
    expect((byTitle.json.people as { id: string }[]).map((p) => p.id).sort()).toEqual([cast.mentor.personId, cast.mentee.personId, cast.stranger.personId].sort());
  });
});
