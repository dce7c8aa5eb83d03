/**
 * Programme health over HTTP on Azurite: the counters move as the pairs' facts are written (meetings
 * held or cancelled, check-ins given), through the same repositories every path uses; the at-risk
 * list names pairs and facts, never what anyone wrote; aggregates over fewer than five people are
 * not shown.
 */
import { randomUUID } from 'node:crypto';
import type { Unversioned } from '../../src/core/ports/repositories';
import type { Meeting } from '../../src/core/relationships/meeting';
import { refreshProgrammeRisks } from '../../src/api/functions/programme-health-timer';
import { startApiHarness, type ApiHarness } from './support/api-harness';
import { programmeBody } from './support/endpoint-catalogue';

let h: ApiHarness;
beforeAll(async () => {
  h = await startApiHarness();
});
afterAll(() => h.stop());

const DAY = 86_400_000;

/** `count` pairs; those from `oldFrom` on were matched a month ago and never agreed or met (at risk). */
async function programmeWithPairs(count: number, oldFrom = count - 1) {
  const cast = await h.newCast();
  const created = await h.request('POST', '/api/programmes', { person: cast.owner, body: programmeBody({ kind: 'everyone' }) });
  const programmeId = created.json.id as string;
  const repos = h.api.services.repositories;
  const now = Date.now();
  const pairs = [];
  for (let i = 0; i < count; i++) {
    const [menteeId, mentorId] = i === 0 ? [cast.mentee.personId, cast.mentor.personId] : [randomUUID(), randomUUID()];
    const made = await repos.relationships.create(cast.tenantId, {
      id: `${programmeId}.1.${i}`,
      menteeId: menteeId!,
      mentorId: mentorId!,
      reverse: false,
      status: 'active',
      requestId: `${programmeId}.1.${i}`,
      menteePreWork: { whatIWant: 'PRE-WORK-SECRET', whatIBring: '', expectations: '' },
      startedAt: i >= oldFrom ? now - 30 * DAY : now - DAY,
      reflections: {},
      programmeId,
    });
    if (!made.ok) throw new Error(made.error.code);
    pairs.push(made.value);
  }
  return { cast, programmeId, pairs, path: `/api/programmes/${programmeId}/health` };
}

const meeting = (id: string, organizerId: string, start: number, status: Meeting['status']): Unversioned<Meeting> => ({ id, number: 1, start, end: start + 3_600_000, status, organizerId });

it('counts what happened as it is written, flags pairs at risk by facts, and never shows what anyone wrote', async () => {
  const { cast, pairs, path } = await programmeWithPairs(3);
  const repos = h.api.services.repositories;
  const start = await h.request('GET', path, { person: cast.owner });
  expect(start.json).toMatchObject({ pairs: 3, smallGroup: false, byStage: { matched: 3, agreed: 0, meeting: 0, closed: 0 }, meetings: { planned: 0, held: 0, missed: 0, cancelled: 0 } });
  expect(start.json.atRisk.total).toBe(1);
  expect(start.json.atRisk.pairs[0]).toMatchObject({ relationshipId: pairs[2]!.id, risks: ['noMeetingInTwoPeriods', 'agreementNotAccepted'] });

  const [held, one, two] = [pairs[0]!, pairs[1]!, pairs[1]!];
  const past = Date.now() - 2 * 3_600_000;
  const m1 = await repos.relationships.meetings.create(cast.tenantId, held.id, meeting('m1', held.mentorId, past, 'held'));
  expect(m1.ok).toBe(true);
  await repos.relationships.meetings.create(cast.tenantId, one.id, meeting('c1', one.mentorId, past - 14 * DAY, 'cancelled'));
  await repos.relationships.meetings.create(cast.tenantId, two.id, meeting('c2', two.mentorId, past - 7 * DAY, 'cancelled'));
  await repos.relationships.meetings.create(cast.tenantId, two.id, meeting('p1', two.mentorId, past + 7 * DAY, 'planned'));

  const note = 'PRIVATE-NOTE-felt-lost';
  const checkIn = await h.request('PUT', `/api/relationships/${held.id}/meetings/m1/checkin`, {
    person: cast.mentee,
    body: { answers: { useful: 'ANSWER-SECRET', nextSteps: '', beforeNextTime: '', changeOrFocus: '' }, goalProgress: [], newActionItems: [], privateNote: note },
  });
  expect(checkIn.status).toBe(200);

  const after = await h.request('GET', path, { person: cast.owner });
  expect(after.json).toMatchObject({
    pairs: 3,
    meetings: { planned: 1, held: 1, missed: 0, cancelled: 2 },
    checkInResponseRate: 0.5,
    // One pair met (two people) and one took its first meeting: too few people to show those numbers.
    byStage: { matched: null, agreed: 0, meeting: null, closed: 0 },
    daysToFirstMeeting: null,
  });
  expect(after.json.hidden).toEqual(expect.arrayContaining(['byStage.meeting', 'byStage.matched']));
  expect(after.json.hiddenReason).toMatch(/fewer than 5 people/);
  const flagged = Object.fromEntries(after.json.atRisk.pairs.map((p: { relationshipId: string; risks: string[] }) => [p.relationshipId, p.risks]));
  expect(flagged).toEqual({ [one.id]: ['twoCancellationsInARow'], [pairs[2]!.id]: ['noMeetingInTwoPeriods', 'agreementNotAccepted'] });
  for (const secret of [note, 'ANSWER-SECRET', 'PRE-WORK-SECRET']) expect(after.text).not.toContain(secret);

  // The same facts written again count once.
  const again = await repos.relationships.meetings.update(cast.tenantId, held.id, { ...meeting('m1', held.mentorId, past, 'held') }, m1.ok ? m1.value.version : '');
  expect(again.ok).toBe(true);
  expect((await h.request('GET', path, { person: cast.owner })).json.meetings).toEqual(after.json.meetings);

  // A held meeting after the two cancellations clears the flag.
  await repos.relationships.meetings.create(cast.tenantId, one.id, meeting('h2', one.mentorId, past, 'held'));
  const cleared = await h.request('GET', path, { person: cast.owner });
  expect(cleared.json.atRisk.pairs.map((p: { relationshipId: string }) => p.relationshipId)).toEqual([pairs[2]!.id]);
  expect(cleared.json.meetings.held).toBe(2);
  // Two pairs that met are four people: still too few to show.
  expect(cleared.json.byStage.meeting).toBeNull();
});

it('with fewer than five people in the programme, every aggregate is hidden and the answer says why', async () => {
  const { cast, path } = await programmeWithPairs(2);
  const answer = await h.request('GET', path, { person: cast.owner });
  expect(answer.json).toMatchObject({ pairs: null, smallGroup: true, hidden: ['all'], meetings: null, checkInResponseRate: null, byStage: { matched: null, agreed: null } });
  expect(answer.json.hiddenReason).toMatch(/fewer than 5 people/);
  // Names and facts of pairs at risk stay visible to the owner: they act on them.
  expect(answer.json.atRisk.total).toBe(1);
});

it('a programme’s health is for its tenant’s owners only', async () => {
  const { cast, path } = await programmeWithPairs(1);
  expect((await h.request('GET', path, { person: cast.mentee })).json.error.code).toBe('PROGRAMME.OWNER_ROLE_REQUIRED');
  expect((await h.request('GET', path, { person: cast.outsiderOwner })).json.error.code).toBe('PROGRAMME.NOT_FOUND');
});

it('the hourly timer flags pairs that time alone put at risk, without any write of theirs', async () => {
  const { cast, path } = await programmeWithPairs(3);
  expect((await h.request('GET', path, { person: cast.owner })).json.atRisk.total).toBe(1);
  const logged: string[] = [];
  const logger = { error: (m: string) => logged.push(m), info: () => undefined };
  const first = await refreshProgrammeRisks(h.api.services, Date.now() + 10 * DAY, logger);
  expect(first.changed).toBeGreaterThanOrEqual(2);
  const later = await h.request('GET', path, { person: cast.owner });
  expect(later.json.atRisk.total).toBe(3);
  expect(later.json.atRisk.pairs.every((p: { risks: string[] }) => p.risks.includes('agreementNotAccepted'))).toBe(true);
  // Run again at the same moment: nothing left to change in this programme.
  await refreshProgrammeRisks(h.api.services, Date.now() + 10 * DAY, logger);
  expect((await h.request('GET', path, { person: cast.owner })).json.atRisk).toEqual(later.json.atRisk);
  expect(logged).toEqual([]);
});

it('the dashboard lists the first 50 pairs at risk from the counters row, and a pair leaving a full list lets the next one in', async () => {
  const { cast, pairs, path } = await programmeWithPairs(56, 1);
  const atRisk = pairs.slice(1).map((p) => p.id).sort((a, b) => (a < b ? -1 : 1));
  const listed = await h.request('GET', path, { person: cast.owner });
  expect(listed.json.atRisk.total).toBe(55);
  expect(listed.json.atRisk.pairs.map((p: { relationshipId: string }) => p.relationshipId)).toEqual(atRisk.slice(0, 50));
  // The first listed pair meets: it leaves the list, and the 51st comes in.
  const first = pairs.find((p) => p.id === atRisk[0])!;
  await h.api.services.repositories.relationships.meetings.create(cast.tenantId, first.id, meeting('held-now', first.mentorId, Date.now() - 3_600_000, 'held'));
  const after = await h.request('GET', path, { person: cast.owner });
  expect(after.json.atRisk.total).toBe(54);
  expect(after.json.atRisk.pairs.map((p: { relationshipId: string }) => p.relationshipId)).toEqual(atRisk.slice(1, 51));
}, 60_000);
