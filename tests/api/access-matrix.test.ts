/**
 * For every endpoint: the pair member succeeds; a stranger in the same tenant, a user of another
 * tenant and a caller without a token are refused (or, for "about me" endpoints, get only their own
 * data); refusals change nothing and their bodies say nothing about the pair.
 */
import { apiFunctions } from '../../src/api/function-table';
import { startApiHarness, type ApiHarness, type ApiAnswer } from './support/api-harness';
import { ENDPOINTS } from './support/endpoint-catalogue';

let h: ApiHarness;
beforeAll(async () => {
  // With the bot beside the API, as in the Function App: announcements and nudges plan into its queues.
  h = await startApiHarness({ bot: true });
});
afterAll(() => h.stop());

function expectRefusalWithoutLeak(answer: ApiAnswer, secrets: readonly string[], allowed: readonly number[]): void {
  expect(allowed).toContain(answer.status);
  expect(Object.keys(answer.json)).toEqual(['error']);
  for (const key of Object.keys(answer.json.error)) expect(['code', 'message', 'field', 'correlationId']).toContain(key);
  expect(answer.json.error.code).toMatch(/^[A-Z_]+\.[A-Z_]+$/);
  for (const secret of secrets) expect(answer.text).not.toContain(secret);
  expect(answer.text).not.toMatch(/at .*\.ts:\d+|Error:|stack/);
}

describe('access-control matrix', () => {
  it('covers every signed-in function in the table (health and Graph notifications are anonymous by protocol)', () => {
    const covered = ENDPOINTS.map((e) => e.name).sort();
    const all = apiFunctions.filter((f) => f.auth === 'user').map((f) => f.name).sort();
    expect(covered).toEqual(all);
  });

  it.each(ENDPOINTS.map((e) => [e.name, e.scope, e] as const))('%s (%s)', async (_name, scope, endpoint) => {
    const cast = await h.newCast();
    const prepared = await endpoint.prepare(h, cast);
    const secrets = [cast.mentor.displayName, cast.mentee.displayName, cast.mentor.personId, cast.mentee.personId, cast.tenantId];
    const send = (person?: typeof cast.mentor) =>
      h.request(prepared.method, prepared.path, {
        ...(person ? { person } : {}),
        ...(prepared.body !== undefined ? { body: prepared.body } : {}),
        ...(prepared.headers ? { headers: prepared.headers } : {}),
      });
    const before = await h.snapshot();

    const anonymous = await send();
    expectRefusalWithoutLeak(anonymous, secrets, [401]);
    expect(anonymous.json.error.code).toBe('AUTH.MISSING_TOKEN');

    const outsider = await send(cast.outsider);
    if (scope === 'self') {
      expect(outsider.status).toBeLessThan(500);
      for (const secret of secrets) expect(outsider.text).not.toContain(secret);
    } else {
      expectRefusalWithoutLeak(outsider, secrets, [403, 404]);
    }

    if (scope === 'pair' || scope === 'owner' || scope === 'programme') {
      const stranger = await send(prepared.nonMember);
      expectRefusalWithoutLeak(stranger, secrets.filter((s) => s !== prepared.nonMember.personId && s !== prepared.nonMember.displayName && s !== cast.tenantId), [403, 404]);
    }
    if (prepared.template.includes('{programmeId}')) {
      // An owner of another tenant, holding the role, still cannot reach this tenant's programme.
      expectRefusalWithoutLeak(await send(cast.outsiderOwner), secrets, [403, 404]);
    }
    if (scope === 'tenant') {
      expect((await send(prepared.nonMember)).status).toBe(prepared.okStatus);
    }
    if (scope !== 'self' || prepared.method === 'GET') {
      expect(await h.snapshot()).toEqual(before);
    }

    const member = await send(prepared.member);
    expect({ status: member.status, body: member.status >= 400 ? member.json : undefined }).toEqual({ status: prepared.okStatus, body: undefined });
  });
});

describe('what the partner sees', () => {
  it('a private check-in note reaches only its author, through every read that carries check-ins', async () => {
    const cast = await h.newCast();
    const rel = `/api/relationships/${cast.relationship.id}`;
    const start = Date.now() - 3600_000;
    const meeting = await h.api.services.repositories.relationships.meetings.create(cast.tenantId, cast.relationship.id, {
      id: 'meeting-1',
      number: 1,
      start,
      end: start + 1800_000,
      status: 'held',
      organizerId: cast.mentor.personId,
    });
    expect(meeting.ok).toBe(true);
    const note = 'PRIVATE-NOTE-I-felt-out-of-my-depth';
    const submitted = await h.request('PUT', `${rel}/meetings/meeting-1/checkin`, {
      person: cast.mentee,
      body: { answers: { useful: 'Power Query', nextSteps: 'First report', beforeNextTime: 'Install', changeOrFocus: 'Slower pace' }, goalProgress: [], newActionItems: [], privateNote: note },
    });
    expect(submitted.status).toBe(200);
    for (const path of [`${rel}/checkins`, rel, `${rel}/checkins?meetingId=meeting-1`]) {
      const partner = await h.request('GET', path, { person: cast.mentor });
      expect(partner.status).toBe(200);
      expect(partner.text).toContain('Power Query');
      expect(partner.text).not.toContain(note);
      const author = await h.request('GET', path, { person: cast.mentee });
      expect(author.text).toContain(note);
    }
    const partnersOwn = await h.request('GET', `${rel}/meetings/meeting-1/checkin`, { person: cast.mentor });
    expect([partnersOwn.status, partnersOwn.json.error.code]).toEqual([404, 'CHECKIN.NOT_FOUND']);
  });
});
