/**
 * Stored programmes over HTTP on Azurite: owners create and edit them, people join (an invited list,
 * a Microsoft Entra group read through the local calendar's Graph directory, nested groups
 * included), and every refusal has its code and changes nothing.
 */
import { randomUUID } from 'node:crypto';
import { startApiHarness, type ApiHarness } from './support/api-harness';
import { joinBody, programmeBody } from './support/endpoint-catalogue';

let h: ApiHarness;
beforeAll(async () => {
  h = await startApiHarness();
});
afterAll(() => h.stop());

describe('an owner creates and edits a programme', () => {
  it('creates, reads, lists and edits it with the version read', async () => {
    const cast = await h.newCast();
    const created = await h.request('POST', '/api/programmes', { person: cast.owner, body: programmeBody({ kind: 'everyone' }, { roadmapTemplateIds: ['first-steps'] }) });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({ name: 'Data skills 2027', joinPolicy: { kind: 'everyone' }, kind: 'both', matchingMode: 'cohort', mentorCapacity: 2, roadmapTemplateIds: ['first-steps'], publishAs: 'accepted' });
    const id = created.json.id as string;
    expect((await h.request('GET', `/api/programmes/${id}`, { person: cast.owner })).json).toEqual(created.json);

    const edited = await h.request('PATCH', `/api/programmes/${id}`, { person: cast.owner, body: { name: 'Data skills, spring 2027', mentorCapacity: 3, version: created.json.version } });
    expect(edited.status).toBe(200);
    expect(edited.json).toMatchObject({ name: 'Data skills, spring 2027', mentorCapacity: 3, purpose: created.json.purpose });
    const stale = await h.request('PATCH', `/api/programmes/${id}`, { person: cast.owner, body: { name: 'Lost edit', version: created.json.version } });
    expect({ status: stale.status, code: stale.json.error.code }).toEqual({ status: 412, code: 'STORAGE.CONFLICT' });
    const noVersion = await h.request('PATCH', `/api/programmes/${id}`, { person: cast.owner, body: { name: 'No version' } });
    expect({ status: noVersion.status, code: noVersion.json.error.code }).toEqual({ status: 400, code: 'HTTP.VERSION_REQUIRED' });

    const list = await h.request('GET', '/api/programmes', { person: cast.owner });
    expect(list.json.programmes.map((p: { name: string }) => p.name)).toEqual(['Data skills, spring 2027']);
  });

  it('refuses impossible dates, unknown templates and an unknown group with their codes, writing nothing', async () => {
    const cast = await h.newCast();
    const before = await h.snapshot(cast.tenantId);
    const cases: [unknown, number, string, string][] = [
      [programmeBody({ kind: 'everyone' }, { endDate: '2027-01-04' }), 422, 'PROGRAMME.INVALID_DATES', 'endDate'],
      [programmeBody({ kind: 'everyone' }, { startDate: '2027-02-30' }), 422, 'PROGRAMME.INVALID_DATES', 'startDate'],
      [programmeBody({ kind: 'everyone' }, { roadmapTemplateIds: ['no-such-template'] }), 422, 'PROGRAMME.UNKNOWN_ROADMAP_TEMPLATE', 'roadmapTemplateIds[0]'],
      [programmeBody({ kind: 'everyone' }, { defaultAgreement: { cadence: { kind: 'weekly' }, meetingMinutes: 5, meetingCount: 6 } }), 422, 'AGREEMENT.MEETING_TOO_SHORT', 'defaultAgreement.meetingMinutes'],
      [programmeBody({ kind: 'entraGroup', groupId: randomUUID() }), 422, 'PROGRAMME.GROUP_NOT_FOUND', 'joinPolicy.groupId'],
      [programmeBody({ kind: 'entraGroup', groupId: 'Mentoring pilot' }), 400, 'HTTP.INVALID_BODY', 'joinPolicy.groupId'],
    ];
    for (const [body, status, code, field] of cases) {
      const answer = await h.request('POST', '/api/programmes', { person: cast.owner, body });
      expect({ status: answer.status, code: answer.json.error.code, field: answer.json.error.field }).toEqual({ status, code, field });
    }
    expect(await h.snapshot(cast.tenantId)).toEqual(before);
  });

  it('another tenant’s owner can neither see nor change it, and nobody without the role can create one', async () => {
    const cast = await h.newCast();
    const created = await h.request('POST', '/api/programmes', { person: cast.owner, body: programmeBody({ kind: 'everyone' }) });
    const id = created.json.id as string;
    const get = await h.request('GET', `/api/programmes/${id}`, { person: cast.outsiderOwner });
    expect({ status: get.status, code: get.json.error.code }).toEqual({ status: 404, code: 'PROGRAMME.NOT_FOUND' });
    const patch = await h.request('PATCH', `/api/programmes/${id}`, { person: cast.outsiderOwner, body: { name: 'Taken over', version: created.json.version } });
    expect(patch.status).toBe(404);
    expect((await h.request('GET', '/api/programmes', { person: cast.outsiderOwner })).text).not.toContain(id);
    const byMentor = await h.request('POST', '/api/programmes', { person: cast.mentor, body: programmeBody({ kind: 'everyone' }) });
    expect({ status: byMentor.status, code: byMentor.json.error.code }).toEqual({ status: 403, code: 'PROGRAMME.OWNER_ROLE_REQUIRED' });
  });
});

describe('people join', () => {
  it('an invited list: those on it see and join it (again: edit), everyone else does not even see it', async () => {
    const cast = await h.newCast();
    const created = await h.request('POST', '/api/programmes', { person: cast.owner, body: programmeBody({ kind: 'invited', personIds: [cast.mentee.personId, cast.mentor.personId] }) });
    const id = created.json.id as string;
    const seen = await h.request('GET', '/api/programmes', { person: cast.mentee });
    expect(seen.json.programmes).toHaveLength(1);
    // Members see who may join as a kind only: never the invited people.
    expect(seen.json.programmes[0].joinPolicy).toEqual({ kind: 'invited' });
    expect(seen.text).not.toContain(cast.mentor.personId);

    const joined = await h.request('PUT', `/api/programmes/${id}/membership`, { person: cast.mentee, body: joinBody('mentee') });
    expect(joined.status).toBe(200);
    expect(joined.json).toMatchObject({ personId: cast.mentee.personId, role: 'mentee', timeZone: 'Europe/London' });
    const again = await h.request('PUT', `/api/programmes/${id}/membership`, { person: cast.mentee, body: { ...joinBody('mentee', 'America/New_York'), meetingWindows: [{ weekday: 2, start: '08:00', end: '10:00' }] } });
    expect(again.json).toMatchObject({ timeZone: 'America/New_York', joinedAt: joined.json.joinedAt });
    expect((await h.request('GET', '/api/programmes', { person: cast.mentee })).json.programmes[0].membership).toMatchObject({ role: 'mentee', timeZone: 'America/New_York' });

    expect((await h.request('GET', '/api/programmes', { person: cast.stranger })).json.programmes).toEqual([]);
    const stranger = await h.request('PUT', `/api/programmes/${id}/membership`, { person: cast.stranger, body: joinBody('mentee') });
    expect({ status: stranger.status, code: stranger.json.error.code }).toEqual({ status: 403, code: 'PROGRAMME.NOT_INVITED' });
    expect(stranger.text).not.toContain(created.json.name);
    const outsider = await h.request('PUT', `/api/programmes/${id}/membership`, { person: cast.outsider, body: joinBody('mentee') });
    expect({ status: outsider.status, code: outsider.json.error.code }).toEqual({ status: 404, code: 'PROGRAMME.NOT_FOUND' });

    const members = await h.request('GET', `/api/programmes/${id}/members`, { person: cast.owner });
    expect(members.json).toEqual({
      members: [{ personId: cast.mentee.personId, displayName: cast.mentee.displayName, role: 'mentee', timeZone: 'America/New_York', joinedAt: joined.json.joinedAt }],
      counts: { mentees: 1, mentors: 0 },
    });
    const asMentee = await h.request('GET', `/api/programmes/${id}/members`, { person: cast.mentee });
    expect({ status: asMentee.status, code: asMentee.json.error.code }).toEqual({ status: 403, code: 'PROGRAMME.OWNER_ROLE_REQUIRED' });
  });

  it('an Entra group: direct and nested members join; anyone else is told why, and nothing is written', async () => {
    const cast = await h.newCast();
    const nested = { id: randomUUID(), tenantId: cast.tenantId, displayName: 'Engineering', members: [cast.mentor.personId] };
    const group = { id: randomUUID(), tenantId: cast.tenantId, displayName: 'Mentoring pilot', members: [cast.mentee.personId, nested.id] };
    h.groups.push(nested, group);
    const created = await h.request('POST', '/api/programmes', { person: cast.owner, body: programmeBody({ kind: 'entraGroup', groupId: group.id }) });
    expect(created.status).toBe(201);
    const id = created.json.id as string;
    expect((await h.request('GET', '/api/programmes', { person: cast.stranger })).json.programmes[0].joinPolicy).toEqual({ kind: 'entraGroup' });

    expect((await h.request('PUT', `/api/programmes/${id}/membership`, { person: cast.mentee, body: joinBody('mentee') })).status).toBe(200);
    expect((await h.request('PUT', `/api/programmes/${id}/membership`, { person: cast.mentor, body: joinBody('mentor', 'Europe/Warsaw') })).status).toBe(200);
    const before = await h.snapshot(cast.tenantId);
    const stranger = await h.request('PUT', `/api/programmes/${id}/membership`, { person: cast.stranger, body: joinBody('mentee') });
    expect({ status: stranger.status, code: stranger.json.error.code }).toEqual({ status: 403, code: 'PROGRAMME.NOT_IN_GROUP' });
    expect(await h.snapshot(cast.tenantId)).toEqual(before);
    const members = await h.request('GET', `/api/programmes/${id}/members`, { person: cast.owner });
    expect(members.json.counts).toEqual({ mentees: 1, mentors: 1 });
  });

  it('refuses an unknown zone, a bad window and a programme that has ended', async () => {
    const cast = await h.newCast();
    const open = await h.request('POST', '/api/programmes', { person: cast.owner, body: programmeBody({ kind: 'everyone' }) });
    const zone = await h.request('PUT', `/api/programmes/${open.json.id}/membership`, { person: cast.mentee, body: joinBody('mentee', 'Mars/Olympus') });
    expect({ status: zone.status, code: zone.json.error.code, field: zone.json.error.field }).toEqual({ status: 422, code: 'TIME.UNKNOWN_ZONE', field: 'timeZone' });
    const window = await h.request('PUT', `/api/programmes/${open.json.id}/membership`, { person: cast.mentee, body: { ...joinBody('mentee'), meetingWindows: [{ weekday: 1, start: '10:00', end: '10:00' }] } });
    expect({ status: window.status, code: window.json.error.code, field: window.json.error.field }).toEqual({ status: 422, code: 'AGREEMENT.WINDOW_END_EQUALS_START', field: 'meetingWindows[0].end' });
    const ended = await h.request('POST', '/api/programmes', { person: cast.owner, body: programmeBody({ kind: 'everyone' }, { startDate: '2020-01-06', endDate: '2020-06-30' }) });
    const late = await h.request('PUT', `/api/programmes/${ended.json.id}/membership`, { person: cast.mentee, body: joinBody('mentee') });
    expect({ status: late.status, code: late.json.error.code }).toEqual({ status: 409, code: 'PROGRAMME.ENDED' });
  });
});
