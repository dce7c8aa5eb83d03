/**
 * Publishing survives a failure half-way: the store refuses one relationship write (as a timeout
 * would), the owner publishes again, and every pair ends with exactly one request and one
 * relationship, the mentor counted once. Real Table Storage (Azurite) behind the use case.
 */
import { fail } from '../../src/core/result';
import { publishProgrammeMatches, suggestProgrammeMatches } from '../../src/core/programmes/cohort-use-cases';
import type { ProgrammeDeps } from '../../src/core/programmes/programme-use-cases';
import { principalOf } from '../../src/local/seed-demo-data';
import { startApiHarness, type ApiHarness } from './support/api-harness';
import { joinBody, programmeBody } from './support/endpoint-catalogue';

let h: ApiHarness;
beforeAll(async () => {
  h = await startApiHarness();
});
afterAll(() => h.stop());

it('a publish cut off after the first pair’s request is finished by the retry, with nothing made twice', async () => {
  const cast = await h.newCast();
  const created = await h.request('POST', '/api/programmes', { person: cast.owner, body: programmeBody({ kind: 'everyone' }) });
  const id = created.json.id as string;
  // Two mentees: the cast's mentee and the stranger.
  for (const [who, role] of [[cast.stranger, 'mentee'], [cast.mentee, 'mentee']] as const) {
    expect((await h.request('PUT', `/api/programmes/${id}/membership`, { person: who, body: joinBody(role) })).status).toBe(200);
  }
  // The cast's mentor is already the mentee's mentor, so the mentee's pair would be skipped: pair both with a fresh mentor.
  const profile = { jobTitle: 'Analyst', seniority: 'executive', skillsToTeach: ['leadership'], skillsToLearn: [], languages: ['en'], timeZone: 'Europe/London', capacity: 5, openToReverseMentoring: false };
  expect((await h.request('PUT', '/api/me/profile', { person: cast.owner, body: profile })).status).toBeLessThan(300);
  expect((await h.request('PUT', `/api/programmes/${id}/membership`, { person: cast.owner, body: joinBody('mentor') })).status).toBe(200);

  const services = h.api.services;
  let refused = 0;
  const relationships = new Proxy(services.repositories.relationships, {
    get(target, prop, receiver) {
      if (prop === 'create') {
        return async (...args: Parameters<typeof target.create>) => {
          if (refused === 0 && args[1].menteeId === cast.mentee.personId) {
            refused += 1;
            return fail('STORAGE.UNAVAILABLE', 'The data store did not answer.');
          }
          return target.create(...args);
        };
      }
      return Reflect.get(target, prop, receiver);
    },
  });
  const deps: ProgrammeDeps = { repos: { ...services.repositories, relationships }, programmes: services.programmes, ids: services.ids, groups: (t) => services.booking.groupsFor(t) };
  const call = <I>(input: I) => ({ principal: principalOf(cast.owner), now: Date.now(), input });

  const draft = await suggestProgrammeMatches(deps, call({ programmeId: id, pinned: [], excluded: [] }));
  expect(draft.ok && draft.value.cohort.pairs.map((p) => p.mentorId)).toEqual([cast.owner.personId, cast.owner.personId]);
  const version = draft.ok ? draft.value.cohort.version : '';
  const cut = await publishProgrammeMatches(deps, call({ programmeId: id, version }));
  expect(cut).toMatchObject({ ok: false, error: { code: 'STORAGE.UNAVAILABLE' } });
  expect(refused).toBe(1);

  const retry = await publishProgrammeMatches(deps, call({ programmeId: id, version }));
  expect(retry.ok).toBe(true);
  const third = await publishProgrammeMatches(deps, call({ programmeId: id, version }));
  expect(third.ok && { created: third.value.created, alreadyThere: third.value.alreadyThere }).toEqual({ created: 0, alreadyThere: 2 });

  for (const mentee of [cast.mentee, cast.stranger]) {
    const theirs = await services.repositories.relationships.listForPerson(cast.tenantId, mentee.personId);
    const inProgramme = theirs.ok ? theirs.value.filter((r) => r.programmeId === id) : [];
    expect(inProgramme).toHaveLength(1);
    expect(inProgramme[0]).toMatchObject({ mentorId: cast.owner.personId, status: 'active' });
    const requests = await services.repositories.requests.listForPerson(cast.tenantId, mentee.personId);
    expect(requests.ok && requests.value.filter((r) => r.programmeId === id)).toHaveLength(1);
  }
  // The cut-off pair was counted before its relationship write failed, and the retry does not count it again: 2.
  const owner = await services.repositories.profiles.get(cast.tenantId, cast.owner.personId);
  expect(owner.ok && owner.value.activeMenteeCount).toBe(2);
});
