/**
 * A programme's request (published as an invitation to accept) is a pair waiting for its answer: on
 * the dashboard from when it is written, at risk after seven days unanswered (the hourly timer reads
 * time), and replaced by the relationship of the same id when the mentor accepts — counted once.
 */
import { startApiHarness, type ApiHarness } from './support/api-harness';
import { programmeBody } from './support/endpoint-catalogue';
import { refreshProgrammeRisks } from '../../src/api/functions/programme-health-timer';

const DAY = 86_400_000;
const START = Date.parse('2026-11-23T10:00:00Z');
let now = START;
let h: ApiHarness;
beforeAll(async () => {
  h = await startApiHarness({ clock: { now: () => now } });
});
afterAll(() => h.stop());

it('waits, turns at risk after seven days, and becomes the pair when accepted', async () => {
  const cast = await h.newCast();
  const programme = (await h.request('POST', '/api/programmes', { person: cast.owner, body: programmeBody({ kind: 'everyone' }, { publishAs: 'invitation' }) })).json;
  const id = `${programme.id}.1.0`;
  const made = await h.api.services.repositories.requests.create(cast.tenantId, {
    id,
    menteeId: cast.stranger.personId,
    mentorId: cast.mentor.personId,
    note: `Matched in ${programme.name}`,
    preWork: { whatIWant: 'Dashboards', whatIBring: '', expectations: '' },
    status: 'open',
    createdAt: now,
    programmeId: programme.id,
  });
  if (!made.ok) throw new Error(made.error.code);
  const health = async () => (await h.request('GET', `/api/programmes/${programme.id}/health`, { person: cast.owner })).json;

  expect((await health()).atRisk).toEqual({ total: 0, pairs: [] });
  now = START + 7 * DAY;
  await refreshProgrammeRisks(h.api.services, now, { error: () => undefined, info: () => undefined });
  const atRisk = (await health()).atRisk;
  expect(atRisk.total).toBe(1);
  expect(atRisk.pairs[0]).toMatchObject({ relationshipId: id, menteeName: 'Sam Stranger', mentorName: 'Kacper Mentor', stage: 'matched', risks: ['requestUnanswered'] });

  const accepted = await h.request('POST', `/api/requests/${encodeURIComponent(id)}/accept`, { person: cast.mentor, body: { version: made.value.version } });
  expect(accepted.status).toBe(200);
  expect(accepted.json.id).toBe(id);
  const pairs = await h.api.services.programmeHealth.listPairs(cast.tenantId, programme.id);
  expect(pairs.ok && pairs.value.map((p) => [p.relationshipId, p.stage, p.awaitingAnswer ?? false, p.risks])).toEqual([[id, 'matched', false, []]]);
  expect((await health()).atRisk).toEqual({ total: 0, pairs: [] });
});
