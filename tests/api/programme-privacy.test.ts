/**
 * What an owner can read never carries what a pair wrote: after the pair has pre-work, a goal, a held
 * meeting and check-ins with answers and a private note, every owner endpoint and every CSV part is
 * read, and none holds any of that text. The CSV keeps the under-five rule.
 */
import { startApiHarness, type ApiHarness } from './support/api-harness';
import { joinBody, programmeBody, SMART } from './support/endpoint-catalogue';

let h: ApiHarness;
beforeAll(async () => {
  h = await startApiHarness({ bot: true });
});
afterAll(() => h.stop());

const SECRETS = {
  preWork: 'PREWORK-SECRET-burnout',
  goal: 'GOAL-SECRET-leave-the-company',
  smart: 'SMART-SECRET-measurable',
  answer: 'ANSWER-SECRET-manager-conflict',
  note: 'NOTE-SECRET-felt-out-of-depth',
};

it('owner endpoints and every CSV part never contain answers, notes, pre-work or goal text', async () => {
  const cast = await h.newCast();
  const created = await h.request('POST', '/api/programmes', { person: cast.owner, body: programmeBody({ kind: 'everyone' }) });
  const programmeId = created.json.id as string;
  for (const [who, role] of [[cast.mentee, 'mentee'], [cast.mentor, 'mentor']] as const) {
    expect((await h.request('PUT', `/api/programmes/${programmeId}/membership`, { person: who, body: joinBody(role) })).status).toBe(200);
  }
  const repos = h.api.services.repositories;
  const relationshipId = `${programmeId}.1.0`;
  const made = await repos.relationships.create(cast.tenantId, {
    id: relationshipId,
    menteeId: cast.mentee.personId,
    mentorId: cast.mentor.personId,
    reverse: true,
    status: 'active',
    requestId: relationshipId,
    menteePreWork: { whatIWant: SECRETS.preWork, whatIBring: SECRETS.preWork, expectations: SECRETS.preWork },
    startedAt: Date.now() - 20 * 86_400_000,
    reflections: {},
    programmeId,
  });
  expect(made.ok).toBe(true);
  const goal = await h.request('POST', `/api/relationships/${relationshipId}/goals`, { person: cast.mentee, body: { title: SECRETS.goal, smart: { ...SMART, measurable: SECRETS.smart } } });
  expect(goal.status).toBe(201);
  const start = Date.now() - 3_600_000;
  await repos.relationships.meetings.create(cast.tenantId, relationshipId, { id: 'm1', number: 1, start, end: start + 1_800_000, status: 'held', organizerId: cast.mentor.personId });
  for (const who of [cast.mentee, cast.mentor]) {
    const checkIn = await h.request('PUT', `/api/relationships/${relationshipId}/meetings/m1/checkin`, {
      person: who,
      body: { answers: { useful: SECRETS.answer, nextSteps: SECRETS.answer, beforeNextTime: SECRETS.answer, changeOrFocus: SECRETS.answer }, goalProgress: [], newActionItems: [], privateNote: SECRETS.note },
    });
    expect(checkIn.status).toBe(200);
  }
  expect((await h.request('POST', `/api/programmes/${programmeId}/matches`, { person: cast.owner, body: {} })).status).toBe(200);

  const base = `/api/programmes/${programmeId}`;
  const reads = ['/api/programmes', base, `${base}/members`, `${base}/matches`, `${base}/health`, `${base}/export/aggregates`, `${base}/export/pairs`, `${base}/export/columns`];
  const answers = await Promise.all(reads.map((path) => h.request('GET', path, { person: cast.owner })));
  for (const [i, answer] of answers.entries()) {
    expect({ path: reads[i], status: answer.status }).toEqual({ path: reads[i], status: 200 });
    for (const secret of [SECRETS.preWork, SECRETS.goal, SECRETS.smart, SECRETS.answer, SECRETS.note]) expect({ path: reads[i], leaked: answer.text.includes(secret) }).toEqual({ path: reads[i], leaked: false });
  }

  // What the owner sends through the bot, and its answers: no pair's text either.
  const announced = await h.request('POST', `${base}/announcements`, { person: cast.owner, body: { clientKey: `${programmeId}-a1`, text: 'Kick-off on Friday' } });
  const progress = await h.request('GET', `${base}/announcements/${programmeId}-a1`, { person: cast.owner });
  const nudge = await h.request('POST', `${base}/pairs/${relationshipId}/nudge`, { person: cast.owner });
  expect([announced.status, progress.status]).toEqual([202, 200]);
  expect([202, 409]).toContain(nudge.status);
  for (const answer of [announced, progress, nudge]) {
    for (const secret of [SECRETS.preWork, SECRETS.goal, SECRETS.smart, SECRETS.answer, SECRETS.note]) expect(answer.text).not.toContain(secret);
    expect(answer.text).not.toContain(cast.mentee.personId);
  }

  // The pair's facts reached the owner: the meeting held and both check-ins, as counts.
  const pairs = answers[6]!;
  expect(pairs.headers.get('content-type')).toBe('text/csv; charset=utf-8');
  expect(pairs.headers.get('content-disposition')).toBe('attachment; filename="programme-pairs.csv"');
  const [header, row] = pairs.text.trimEnd().split('\r\n');
  expect(header).toBe('relationship_id,mentee,mentor,stage,matched_on,first_meeting_on,last_meeting_on,meetings_planned,meetings_held,meetings_missed,meetings_cancelled,checkins_given,checkins_possible,goals,risks');
  expect(row).toMatch(new RegExp(`^${relationshipId.replace(/\./g, '\\.')},Margaret Mentee,Kacper Mentor,meeting,\\d{4}-\\d{2}-\\d{2},\\d{4}-\\d{2}-\\d{2},\\d{4}-\\d{2}-\\d{2},0,1,0,0,2,2,1,$`));

  // One pair is two people: every aggregate is hidden, and the file says why.
  const aggregates = answers[5]!.text.trimEnd().split('\r\n');
  expect(aggregates[0]).toBe('metric,value,note');
  expect(aggregates).toContain('pairs,,hidden: about fewer than 5 people');
  expect(aggregates).toContain('checkin_response_rate,,hidden: about fewer than 5 people');
  expect(answers[7]!.text).toContain('numbers about fewer than 5 people are not shown');
});

it('the export refuses people who are not the tenant’s owners, and an unknown part', async () => {
  const cast = await h.newCast();
  const created = await h.request('POST', '/api/programmes', { person: cast.owner, body: programmeBody({ kind: 'everyone' }) });
  const path = `/api/programmes/${created.json.id}/export/pairs`;
  expect((await h.request('GET', path, { person: cast.mentee })).json.error.code).toBe('PROGRAMME.OWNER_ROLE_REQUIRED');
  expect((await h.request('GET', path, { person: cast.outsiderOwner })).json.error.code).toBe('PROGRAMME.NOT_FOUND');
  const unknown = await h.request('GET', `/api/programmes/${created.json.id}/export/answers`, { person: cast.owner });
  expect({ status: unknown.status, code: unknown.json.error.code }).toEqual({ status: 400, code: 'HTTP.INVALID_PARAMETER' });
});
