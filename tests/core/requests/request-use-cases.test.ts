import {
  acceptRequest,
  createRequest,
  declineRequest,
  listMyRequests,
  withdrawRequest,
  type CreateRequestInput,
} from '../../../src/core/usecases/request-use-cases';
import { closeRelationship } from '../../../src/core/usecases/relationship-use-cases';
import { call, MentoringWorld, person, unwrap } from '../../fakes/mentoring-world';

const mentor = person('mira', 'Mira');
const mentee = person('tom', 'Tom');
const other = person('olga', 'Olga');

const ask = (overrides: Partial<CreateRequestInput> = {}): CreateRequestInput => ({
  mentorId: 'mira',
  note: 'Would you mentor me?',
  preWork: { whatIWant: 'Learn Azure', whatIBring: 'Fresh eyes', expectations: 'Monthly talks' },
  ...overrides,
});

async function world(options: { mentorCapacity?: number; mentorSeniority?: 'junior' | 'senior'; mentorOpen?: boolean } = {}) {
  const w = new MentoringWorld();
  await w.profile(mentor, {
    capacity: options.mentorCapacity ?? 1,
    seniority: options.mentorSeniority ?? 'senior',
    openToReverseMentoring: options.mentorOpen ?? true,
  });
  await w.profile(mentee, { seniority: 'intermediate' });
  await w.profile(other, { seniority: 'lead' });
  return w;
}

describe('createRequest', () => {
  it('creates an open request with trimmed pre-work', async () => {
    const w = await world();
    const request = unwrap(await createRequest(w.deps, call(mentee, ask({ note: '  Hi  ' }))));
    expect(request).toMatchObject({ menteeId: 'tom', mentorId: 'mira', status: 'open', note: 'Hi', preWork: { whatIWant: 'Learn Azure' } });
  });

  const rejections: [string, (w: MentoringWorld) => Promise<unknown>, string, string | undefined][] = [
    ['asking myself', (w) => createRequest(w.deps, call(mentee, ask({ mentorId: 'tom' }))), 'REQUEST.SELF', 'mentorId'],
    ['no pre-work', (w) => createRequest(w.deps, call(mentee, ask({ preWork: { whatIWant: ' ', whatIBring: '', expectations: '' } }))), 'REQUEST.PREWORK_REQUIRED', 'preWork.whatIWant'],
    ['no profile of mine', (w) => createRequest(w.deps, call(person('ghost'), ask())), 'REQUEST.PROFILE_REQUIRED', undefined],
    ['unknown mentor', (w) => createRequest(w.deps, call(mentee, ask({ mentorId: 'nobody' }))), 'REQUEST.MENTOR_NOT_FOUND', 'mentorId'],
  ];
  it.each(rejections)('rejects %s and changes nothing', async (_name, act, code, field) => {
    const w = await world();
    const before = w.repos.snapshot();
    const result = await act(w);
    expect(result).toMatchObject({ ok: false, error: { code, ...(field ? { field } : {}) } });
    expect(w.repos.snapshot()).toEqual(before);
  });

  it('rejects a second open request to the same mentor', async () => {
    const w = await world();
    unwrap(await createRequest(w.deps, call(mentee, ask())));
    expect(await createRequest(w.deps, call(mentee, ask()))).toMatchObject({ ok: false, error: { code: 'REQUEST.DUPLICATE_OPEN' } });
  });

  it('allows a new request after the first was withdrawn', async () => {
    const w = await world();
    const first = unwrap(await createRequest(w.deps, call(mentee, ask())));
    unwrap(await withdrawRequest(w.deps, call(mentee, { requestId: first.id })));
    expect((await createRequest(w.deps, call(mentee, ask()))).ok).toBe(true);
  });

  it('rejects a request to a mentor with no room', async () => {
    const w = await world({ mentorCapacity: 0 });
    expect(await createRequest(w.deps, call(mentee, ask()))).toMatchObject({ ok: false, error: { code: 'REQUEST.MENTOR_AT_CAPACITY' } });
  });

  it('rejects a reverse request to someone not open to reverse mentoring', async () => {
    const w = await world({ mentorSeniority: 'junior', mentorOpen: false });
    expect(await createRequest(w.deps, call(mentee, ask()))).toMatchObject({ ok: false, error: { code: 'REQUEST.MENTOR_NOT_OPEN_TO_REVERSE' } });
  });

  it('rejects a request to my current mentor', async () => {
    const w = await world({ mentorCapacity: 2 });
    const first = unwrap(await createRequest(w.deps, call(mentee, ask())));
    unwrap(await acceptRequest(w.deps, call(mentor, { requestId: first.id })));
    expect(await createRequest(w.deps, call(mentee, ask()))).toMatchObject({ ok: false, error: { code: 'REQUEST.ALREADY_PAIRED' } });
  });
});

describe('accept, decline, withdraw', () => {
  it('accepting creates the relationship, takes a place and marks the request', async () => {
    const w = await world();
    const request = unwrap(await createRequest(w.deps, call(mentee, ask())));
    const relationship = unwrap(await acceptRequest(w.deps, call(mentor, { requestId: request.id, version: request.version })));
    expect(relationship).toMatchObject({ mentorId: 'mira', menteeId: 'tom', reverse: false, status: 'active', requestId: request.id });
    expect(relationship.menteePreWork.whatIWant).toBe('Learn Azure');
    expect(unwrap(await w.repos.requests.get('tenant-a', request.id))).toMatchObject({ status: 'accepted', relationshipId: relationship.id });
    expect(unwrap(await w.repos.profiles.get('tenant-a', 'mira')).activeMenteeCount).toBe(1);
  });

  it('marks a reverse pair when the mentor is more junior', async () => {
    const w = await world({ mentorSeniority: 'junior' });
    const request = unwrap(await createRequest(w.deps, call(other, ask())));
    expect(unwrap(await acceptRequest(w.deps, call(mentor, { requestId: request.id }))).reverse).toBe(true);
  });

  it('enforces capacity at accept', async () => {
    const w = await world({ mentorCapacity: 1 });
    const a = unwrap(await createRequest(w.deps, call(mentee, ask())));
    const b = unwrap(await createRequest(w.deps, call(other, ask())));
    unwrap(await acceptRequest(w.deps, call(mentor, { requestId: a.id })));
    const before = w.repos.snapshot();
    expect(await acceptRequest(w.deps, call(mentor, { requestId: b.id }))).toMatchObject({ ok: false, error: { code: 'REQUEST.MENTOR_AT_CAPACITY' } });
    expect(w.repos.snapshot()).toEqual(before);
  });

  it('two accepts at once cannot both take the last place', async () => {
    const w = await world({ mentorCapacity: 2 });
    const a = unwrap(await createRequest(w.deps, call(mentee, ask())));
    const b = unwrap(await createRequest(w.deps, call(other, ask())));
    const third = person('pat', 'Pat');
    await w.profile(third);
    const c = unwrap(await createRequest(w.deps, call(third, ask())));
    const results = await Promise.all([a, b, c].map((r) => acceptRequest(w.deps, call(mentor, { requestId: r.id }))));
    expect(results.filter((r) => r.ok)).toHaveLength(2);
    expect(results.filter((r) => !r.ok).map((r) => !r.ok && r.error.code)).toEqual(['REQUEST.MENTOR_AT_CAPACITY']);
    expect(unwrap(await w.repos.profiles.get('tenant-a', 'mira')).activeMenteeCount).toBe(2);
    expect(unwrap(await w.repos.relationships.listForPerson('tenant-a', 'mira'))).toHaveLength(2);
  });

  it('a retried accept returns the same relationship and takes no second place', async () => {
    const w = await world({ mentorCapacity: 3 });
    const request = unwrap(await createRequest(w.deps, call(mentee, ask())));
    const first = unwrap(await acceptRequest(w.deps, call(mentor, { requestId: request.id })));
    const again = unwrap(await acceptRequest(w.deps, call(mentor, { requestId: request.id })));
    expect(again.id).toBe(first.id);
    expect(unwrap(await w.repos.profiles.get('tenant-a', 'mira')).activeMenteeCount).toBe(1);
  });

  it('only the mentor accepts or declines; only the mentee withdraws', async () => {
    const w = await world();
    const request = unwrap(await createRequest(w.deps, call(mentee, ask())));
    expect(await acceptRequest(w.deps, call(mentee, { requestId: request.id }))).toMatchObject({ ok: false, error: { code: 'REQUEST.NOT_ALLOWED' } });
    expect(await declineRequest(w.deps, call(mentee, { requestId: request.id, reason: 'x' }))).toMatchObject({ ok: false, error: { code: 'REQUEST.NOT_ALLOWED' } });
    expect(await withdrawRequest(w.deps, call(mentor, { requestId: request.id }))).toMatchObject({ ok: false, error: { code: 'REQUEST.NOT_ALLOWED' } });
  });

  it('a stranger gets REQUEST.NOT_FOUND, the same as for a missing id', async () => {
    const w = await world();
    const request = unwrap(await createRequest(w.deps, call(mentee, ask())));
    const strange = await acceptRequest(w.deps, call(other, { requestId: request.id }));
    const missing = await acceptRequest(w.deps, call(other, { requestId: 'no-such-id' }));
    expect(strange).toEqual(missing);
    expect(strange).toMatchObject({ ok: false, error: { code: 'REQUEST.NOT_FOUND' } });
    const otherTenant = await acceptRequest(w.deps, call(person('mira', 'Mira', 'tenant-b'), { requestId: request.id }));
    expect(otherTenant).toEqual(missing);
  });

  it('declining needs a reason and records it', async () => {
    const w = await world();
    const request = unwrap(await createRequest(w.deps, call(mentee, ask())));
    expect(await declineRequest(w.deps, call(mentor, { requestId: request.id, reason: '  ' }))).toMatchObject({
      ok: false,
      error: { code: 'REQUEST.DECLINE_REASON_REQUIRED', field: 'reason' },
    });
    const declined = unwrap(await declineRequest(w.deps, call(mentor, { requestId: request.id, reason: 'No time this quarter' })));
    expect(declined).toMatchObject({ status: 'declined', declineReason: 'No time this quarter' });
  });

  it('a decided request cannot be decided again', async () => {
    const w = await world();
    const request = unwrap(await createRequest(w.deps, call(mentee, ask())));
    unwrap(await withdrawRequest(w.deps, call(mentee, { requestId: request.id })));
    expect(await acceptRequest(w.deps, call(mentor, { requestId: request.id }))).toMatchObject({ ok: false, error: { code: 'REQUEST.NOT_OPEN' } });
    expect(await declineRequest(w.deps, call(mentor, { requestId: request.id, reason: 'x' }))).toMatchObject({ ok: false, error: { code: 'REQUEST.NOT_OPEN' } });
    expect(await withdrawRequest(w.deps, call(mentee, { requestId: request.id }))).toMatchObject({ ok: false, error: { code: 'REQUEST.NOT_OPEN' } });
  });

  it('a stale version is a conflict', async () => {
    const w = await world();
    const request = unwrap(await createRequest(w.deps, call(mentee, ask())));
    expect(await withdrawRequest(w.deps, call(mentee, { requestId: request.id, version: 'W/"old"' }))).toMatchObject({
      ok: false,
      error: { code: 'STORAGE.CONFLICT' },
    });
  });

  it('closing a relationship frees the place for the next mentee', async () => {
    const w = await world({ mentorCapacity: 1 });
    const a = unwrap(await createRequest(w.deps, call(mentee, ask())));
    const relationship = unwrap(await acceptRequest(w.deps, call(mentor, { requestId: a.id })));
    unwrap(await closeRelationship(w.deps, call(mentee, { relationshipId: relationship.id, reflection: { whatWorked: 'Talks', whatToImprove: '', keyTakeaway: '' } })));
    expect(unwrap(await w.repos.profiles.get('tenant-a', 'mira')).activeMenteeCount).toBe(0);
    const b = unwrap(await createRequest(w.deps, call(other, ask())));
    expect((await acceptRequest(w.deps, call(mentor, { requestId: b.id }))).ok).toBe(true);
  });

  it('lists my incoming and outgoing requests with the other person named', async () => {
    const w = await world();
    unwrap(await createRequest(w.deps, call(mentee, ask())));
    const mine = unwrap(await listMyRequests(w.deps, call(mentor, undefined)));
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ direction: 'incoming', counterpart: { userId: 'tom', displayName: 'Tom', jobTitle: 'Engineer' } });
    const theirs = unwrap(await listMyRequests(w.deps, call(mentee, undefined)));
    expect(theirs[0]).toMatchObject({ direction: 'outgoing', counterpart: { userId: 'mira' } });
    expect(unwrap(await listMyRequests(w.deps, call(other, undefined)))).toEqual([]);
  });
});
