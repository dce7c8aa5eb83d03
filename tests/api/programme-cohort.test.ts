/**
 * A programme's cohort over HTTP on Azurite: the owner suggests matches over the members who
 * joined, reviews them (names and weekly overlap, no profile text), swaps pairs (each checked as a
 * suggested pair is), publishes (relationships already accepted on both sides, or invitations), and a
 * retried publish makes nothing twice.
 */
import type { ApiHarness } from './support/api-harness';
import { startApiHarness } from './support/api-harness';
import { joinBody, programmeBody } from './support/endpoint-catalogue';

let h: ApiHarness;
beforeAll(async () => {
  h = await startApiHarness();
});
afterAll(() => h.stop());

const monday = (start: string, end: string) => [{ weekday: 1, start, end }];

/**
 * Mentees: the cast's mentee (New York, Mondays 08:00–11:00, learns Power BI) and the stranger (London,
 * Mondays 09:00–12:00, learns leadership). Mentors: the cast's mentor (Warsaw, Mondays 14:00–18:00,
 * teaches Power BI; already the mentee's mentor outside the programme) and the owner (London, Mondays
 * 09:00–17:00). The stranger can meet only the owner.
 */
async function cohort(extra: Record<string, unknown> = {}) {
  const cast = await h.newCast();
  const profile = { jobTitle: 'L&D lead', seniority: 'intermediate', skillsToTeach: ['power bi'], skillsToLearn: [], languages: ['en'], timeZone: 'Europe/London', capacity: 3, openToReverseMentoring: true };
  expect((await h.request('PUT', '/api/me/profile', { person: cast.owner, body: profile })).status).toBeLessThan(300);
  const created = await h.request('POST', '/api/programmes', { person: cast.owner, body: programmeBody({ kind: 'everyone' }, { startDate: '2027-01-04', endDate: '2027-06-30', ...extra }) });
  const id = created.json.id as string;
  const join = async (who: typeof cast.mentee, role: 'mentee' | 'mentor', timeZone: string, windows: { weekday: number; start: string; end: string }[]) => {
    const answer = await h.request('PUT', `/api/programmes/${id}/membership`, { person: who, body: { ...joinBody(role, timeZone), meetingWindows: windows } });
    expect(answer.status).toBe(200);
  };
  await join(cast.mentee, 'mentee', 'America/New_York', monday('08:00', '11:00'));
  await join(cast.stranger, 'mentee', 'Europe/London', monday('09:00', '12:00'));
  await join(cast.mentor, 'mentor', 'Europe/Warsaw', monday('14:00', '18:00'));
  await join(cast.owner, 'mentor', 'Europe/London', monday('09:00', '17:00'));
  return { cast, id, path: `/api/programmes/${id}/matches` };
}

describe('suggest, review and swap', () => {
  it('suggests the optimal schedulable assignment over the members, keeps it as the draft, and shows names and overlap, never profile text', async () => {
    const { cast, path } = await cohort();
    const suggested = await h.request('POST', path, { person: cast.owner, body: {} });
    expect(suggested.status).toBe(200);
    expect(suggested.json).toMatchObject({ round: 1, status: 'draft', totalScore: 18, unmatched: [], notMatchable: 0 });
    const byMentee = Object.fromEntries(suggested.json.pairs.map((p: { menteeId: string }) => [p.menteeId, p]));
    expect(byMentee[cast.stranger.personId]).toMatchObject({ menteeName: 'Sam Stranger', mentorId: cast.owner.personId, mentorName: 'Priya Owner', score: 4, minutesPerWeek: 180 });
    expect(byMentee[cast.stranger.personId].overlap).toMatchObject({ mentee: { timeZone: 'Europe/London' }, mentor: { timeZone: 'Europe/London' } });
    expect(byMentee[cast.mentee.personId].score).toBe(14);
    expect(suggested.text).not.toContain('leadership');
    expect(suggested.text).not.toContain('power bi');

    const read = await h.request('GET', path, { person: cast.owner });
    expect(read.json.pairs.map((p: { menteeId: string; mentorId: string }) => [p.menteeId, p.mentorId])).toEqual(suggested.json.pairs.map((p: { menteeId: string; mentorId: string }) => [p.menteeId, p.mentorId]));
    expect(read.json.version).toBe(suggested.json.version);
  });

  it('a swap keeps every rule: an unschedulable pair, a stranger to the cohort or a stale version is refused and nothing changes', async () => {
    const { cast, path } = await cohort();
    const draft = await h.request('POST', path, { person: cast.owner, body: {} });
    const before = await h.snapshot(cast.tenantId);
    const unschedulable = await h.request('PUT', path, { person: cast.owner, body: { pairs: [{ menteeId: cast.stranger.personId, mentorId: cast.mentor.personId }], version: draft.json.version } });
    expect({ status: unschedulable.status, code: unschedulable.json.error.code }).toEqual({ status: 422, code: 'MATCHING.PINNED_PAIR_REFUSED' });
    const notMember = await h.request('PUT', path, { person: cast.owner, body: { pairs: [{ menteeId: cast.outsider.personId, mentorId: cast.owner.personId }], version: draft.json.version } });
    expect({ status: notMember.status, code: notMember.json.error.code }).toEqual({ status: 422, code: 'MATCHING.UNKNOWN_PERSON' });
    expect(await h.snapshot(cast.tenantId)).toEqual(before);

    const swapped = await h.request('PUT', path, {
      person: cast.owner,
      body: { pairs: [{ menteeId: cast.mentee.personId, mentorId: cast.owner.personId }, { menteeId: cast.stranger.personId, mentorId: cast.owner.personId }], version: draft.json.version },
    });
    expect(swapped.status).toBe(200);
    expect(swapped.json.pairs.every((p: { mentorId: string; pinned: boolean }) => p.mentorId === cast.owner.personId && p.pinned)).toBe(true);
    const stale = await h.request('PUT', path, { person: cast.owner, body: { pairs: [], version: draft.json.version } });
    expect({ status: stale.status, code: stale.json.error.code }).toEqual({ status: 412, code: 'STORAGE.CONFLICT' });
    const leaveOut = await h.request('PUT', path, { person: cast.owner, body: { pairs: [{ menteeId: cast.stranger.personId, mentorId: cast.owner.personId }], version: swapped.json.version } });
    expect(leaveOut.json.unmatched).toEqual([{ menteeId: cast.mentee.personId, menteeName: cast.mentee.displayName, candidates: 0 }]);
  });
});

describe('publish', () => {
  it('makes accepted relationships that belong to the programme, skips a pair already paired, and a retry makes nothing twice', async () => {
    const { cast, id, path } = await cohort();
    const draft = await h.request('POST', path, { person: cast.owner, body: {} });
    const review = await h.request('PUT', path, {
      person: cast.owner,
      body: { pairs: [{ menteeId: cast.mentee.personId, mentorId: cast.mentor.personId }, { menteeId: cast.stranger.personId, mentorId: cast.owner.personId }], version: draft.json.version },
    });
    const countBefore = await h.api.services.repositories.profiles.get(cast.tenantId, cast.owner.personId);
    const first = await h.request('POST', `${path}/publish`, { person: cast.owner, body: { version: review.json.version } });
    expect(first.status).toBe(200);
    expect(first.json).toMatchObject({ round: 1, status: 'published', pairs: 2, created: 1, alreadyThere: 0, skipped: [{ menteeId: cast.mentee.personId, mentorId: cast.mentor.personId, reason: 'already paired outside this cohort' }] });

    const retry = await h.request('POST', `${path}/publish`, { person: cast.owner, body: { version: review.json.version } });
    expect(retry.json).toMatchObject({ created: 0, alreadyThere: 1, skipped: [{ menteeId: cast.mentee.personId }] });
    const countAfter = await h.api.services.repositories.profiles.get(cast.tenantId, cast.owner.personId);
    expect(countAfter.ok && countBefore.ok && countAfter.value.activeMenteeCount - countBefore.value.activeMenteeCount).toBe(1);

    const mine = await h.request('GET', '/api/relationships', { person: cast.stranger });
    expect(mine.json.relationships.map((r: { relationship: unknown }) => r.relationship)).toEqual([expect.objectContaining({ mentorId: cast.owner.personId, status: 'active', programmeId: id })]);

    const again = await h.request('PUT', path, { person: cast.owner, body: { pairs: [], version: review.json.version } });
    expect({ status: again.status, code: again.json.error.code }).toEqual({ status: 409, code: 'PROGRAMME.MATCHES_PUBLISHED' });
    const nextRound = await h.request('POST', path, { person: cast.owner, body: {} });
    expect(nextRound.json).toMatchObject({ round: 2, status: 'draft' });
  });

  it('as invitations: the mentor gets a request to accept, and accepting makes a relationship of the programme', async () => {
    const { cast, id, path } = await cohort({ publishAs: 'invitation' });
    const draft = await h.request('POST', path, { person: cast.owner, body: {} });
    const review = await h.request('PUT', path, { person: cast.owner, body: { pairs: [{ menteeId: cast.stranger.personId, mentorId: cast.owner.personId }], version: draft.json.version } });
    const published = await h.request('POST', `${path}/publish`, { person: cast.owner, body: { version: review.json.version } });
    expect(published.json).toMatchObject({ created: 1, alreadyThere: 0, skipped: [] });
    const requests = await h.request('GET', '/api/requests', { person: cast.owner });
    const incoming = requests.json.requests.find((r: { direction: string }) => r.direction === 'incoming');
    expect(incoming.request).toMatchObject({ status: 'open', menteeId: cast.stranger.personId, note: 'Matched in Data skills 2027' });
    const accepted = await h.request('POST', `/api/requests/${incoming.request.id}/accept`, { person: cast.owner, body: { version: incoming.request.version } });
    expect(accepted.status).toBe(200);
    expect(accepted.json).toMatchObject({ menteeId: cast.stranger.personId, mentorId: cast.owner.personId, status: 'active', programmeId: id });
    expect((await h.request('POST', `${path}/publish`, { person: cast.owner, body: { version: review.json.version } })).json).toMatchObject({ created: 0, alreadyThere: 1 });
  });

  it('only the tenant’s owners reach the cohort', async () => {
    const { cast, path } = await cohort();
    await h.request('POST', path, { person: cast.owner, body: {} });
    for (const person of [cast.mentee, cast.mentor]) {
      expect((await h.request('GET', path, { person })).json.error.code).toBe('PROGRAMME.OWNER_ROLE_REQUIRED');
    }
    expect((await h.request('GET', path, { person: cast.outsiderOwner })).json.error.code).toBe('PROGRAMME.NOT_FOUND');
  });
});
