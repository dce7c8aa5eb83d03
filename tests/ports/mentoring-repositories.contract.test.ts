/**
 * One contract for the storage ports (src/core/ports/repositories.ts), run against both
 * implementations: the in-memory repositories the use-case and bot tests use (tests/fakes) and the
 * Table Storage repositories on the run's Azurite (src/adapters/storage). A fake that drifts from the
 * real thing fails here, not in a test that trusted it.
 */
import type { MentoringRepositories } from '../../src/core/ports/repositories';
import type { Profile } from '../../src/core/profiles/profile';
import type { Relationship } from '../../src/core/relationships/relationship';
import type { Goal } from '../../src/core/goals/goal';
import type { MentoringRequest } from '../../src/core/requests/mentoring-request';
import { storageFromConnectionString } from '../../src/adapters/storage/storage-connection';
import { TableDocumentStore } from '../../src/adapters/storage/table-document-store';
import { tableRepositories } from '../../src/adapters/storage/table-repositories';
import { InMemoryRepositories } from '../fakes/in-memory-repositories';
import { testStorageConnectionString, uniqueTableName } from '../support/azurite';

const T1 = '11111111-1111-4111-8111-111111111111';
const T2 = '22222222-2222-4222-8222-222222222222';
const T0 = Date.UTC(2026, 10, 23, 9, 0);

const profile = (userId: string, extra: Partial<Profile> = {}): Omit<Profile, 'version'> => ({
  userId,
  displayName: `Person ${userId}`,
  jobTitle: 'Engineer',
  seniority: 'junior',
  skillsToTeach: ['power bi'],
  skillsToLearn: ['leadership'],
  languages: ['en'],
  timeZone: 'Europe/Warsaw',
  capacity: 2,
  openToReverseMentoring: true,
  activeMenteeCount: 0,
  createdAt: T0,
  updatedAt: T0,
  ...extra,
});

const relationship = (id: string, mentorId: string, menteeId: string, startedAt = T0): Omit<Relationship, 'version'> => ({
  id,
  mentorId,
  menteeId,
  reverse: true,
  status: 'active',
  requestId: `req-${id}`,
  menteePreWork: { whatIWant: 'learn', whatIBring: 'context', expectations: 'monthly' },
  startedAt,
  reflections: {},
});

const goal = (id: string, progress = 0): Omit<Goal, 'version'> => ({
  id,
  title: `Goal ${id}`,
  smart: { specific: 's', measurable: 'm', achievable: 'a', relevant: 'r', timeBound: 't' },
  targetDate: '2027-01-31',
  progress,
  createdBy: 'mentee',
  createdAt: T0,
  updatedAt: T0,
});

const request = (id: string, menteeId: string, mentorId: string, createdAt = T0): Omit<MentoringRequest, 'version'> => ({
  id,
  menteeId,
  mentorId,
  note: 'Would you mentor me?',
  preWork: { whatIWant: 'w', whatIBring: 'b', expectations: 'e' },
  status: 'open',
  createdAt,
});

function value<T>(result: { ok: true; value: T } | { ok: false; error: { code: string } }): T {
  if (!result.ok) throw new Error(`expected ok, got ${result.error.code}`);
  return result.value;
}

const implementations: [string, () => Promise<MentoringRepositories>][] = [
  ['in-memory (tests/fakes)', async () => new InMemoryRepositories()],
  ['Table Storage on Azurite', async () => tableRepositories(await TableDocumentStore.open(storageFromConnectionString(testStorageConnectionString()), uniqueTableName('contract')))],
];

describe.each(implementations)('the storage ports: %s', (_name, make) => {
  let repos: MentoringRepositories;
  beforeEach(async () => {
    repos = await make();
  });

  it('profiles: create, read back with a version, update with it, list in userId order', async () => {
    const created = value(await repos.profiles.create(T1, profile('b')));
    expect(created.version).toEqual(expect.any(String));
    await repos.profiles.create(T1, profile('a'));
    const updated = value(await repos.profiles.update(T1, { ...profile('b'), capacity: 3 }, created.version));
    expect(updated.version).not.toBe(created.version);
    expect(value(await repos.profiles.get(T1, 'b'))).toEqual(updated);
    expect(value(await repos.profiles.list(T1)).map((p) => p.userId)).toEqual(['a', 'b']);
  });

  it('profiles: a stale version is a conflict and a second create is ALREADY_EXISTS', async () => {
    const created = value(await repos.profiles.create(T1, profile('a')));
    value(await repos.profiles.update(T1, { ...profile('a'), capacity: 3 }, created.version));
    expect(await repos.profiles.update(T1, { ...profile('a'), capacity: 4 }, created.version)).toMatchObject({ ok: false, error: { code: 'STORAGE.CONFLICT' } });
    expect(await repos.profiles.create(T1, profile('a'))).toMatchObject({ ok: false, error: { code: 'STORAGE.ALREADY_EXISTS' } });
    expect(await repos.profiles.get(T1, 'zz')).toMatchObject({ ok: false, error: { code: 'STORAGE.NOT_FOUND' } });
  });

  it('keeps tenants apart: the same ids in another tenant are other rows', async () => {
    value(await repos.profiles.create(T1, profile('a')));
    value(await repos.relationships.create(T1, relationship('r1', 'a', 'b')));
    expect(await repos.profiles.get(T2, 'a')).toMatchObject({ ok: false, error: { code: 'STORAGE.NOT_FOUND' } });
    expect(await repos.relationships.get(T2, 'r1')).toMatchObject({ ok: false, error: { code: 'STORAGE.NOT_FOUND' } });
    expect(value(await repos.relationships.listForPerson(T2, 'a'))).toEqual([]);
    expect(value(await repos.profiles.list(T2))).toEqual([]);
    expect(await repos.relationships.getAggregate(T2, 'r1')).toMatchObject({ ok: false, error: { code: 'STORAGE.NOT_FOUND' } });
  });

  it('requests: listed for both mentee and mentor in createdAt order', async () => {
    value(await repos.requests.create(T1, request('q2', 'm1', 'x', T0 + 2)));
    value(await repos.requests.create(T1, request('q1', 'm1', 'y', T0 + 1)));
    value(await repos.requests.create(T1, request('q3', 'other', 'x', T0 + 3)));
    expect(value(await repos.requests.listForPerson(T1, 'm1')).map((r) => r.id)).toEqual(['q1', 'q2']);
    expect(value(await repos.requests.listForPerson(T1, 'x')).map((r) => r.id)).toEqual(['q2', 'q3']);
    const q1 = value(await repos.requests.get(T1, 'q1'));
    const accepted = value(await repos.requests.update(T1, { ...q1, status: 'accepted', decidedAt: T0 + 5 }, q1.version));
    expect(accepted.status).toBe('accepted');
    expect(await repos.requests.update(T1, { ...q1, status: 'declined' }, q1.version)).toMatchObject({ ok: false, error: { code: 'STORAGE.CONFLICT' } });
  });

  it('relationships: "my relationships" for each member, ordered by start', async () => {
    value(await repos.relationships.create(T1, relationship('r2', 'mentor', 'mentee', T0 + 10)));
    value(await repos.relationships.create(T1, relationship('r1', 'mentor', 'other', T0)));
    expect(value(await repos.relationships.listForPerson(T1, 'mentor')).map((r) => r.id)).toEqual(['r1', 'r2']);
    expect(value(await repos.relationships.listForPerson(T1, 'mentee')).map((r) => r.id)).toEqual(['r2']);
    expect(value(await repos.relationships.listForPerson(T1, 'stranger'))).toEqual([]);
  });

  it('relationships: the aggregate holds every part in id order, and only its own', async () => {
    value(await repos.relationships.create(T1, relationship('r1', 'a', 'b')));
    value(await repos.relationships.create(T1, relationship('r2', 'a', 'c')));
    value(await repos.relationships.goals.create(T1, 'r1', goal('g2')));
    value(await repos.relationships.goals.create(T1, 'r1', goal('g1')));
    value(await repos.relationships.goals.create(T1, 'r2', goal('other')));
    value(await repos.relationships.roadmaps.create(T1, 'r1', { id: 'roadmap', themes: [{ id: 't1', title: 'Power BI basics', notes: '', meetingNumbers: [1] }], updatedBy: 'a', updatedAt: T0 }));
    value(await repos.relationships.actionItems.create(T1, 'r1', { id: 'ai1', title: 'Install Power BI', ownerId: 'b', status: 'open', origin: { kind: 'manual' }, createdBy: 'a', createdAt: T0, updatedAt: T0 }));
    value(await repos.relationships.meetings.create(T1, 'r1', { id: 'm1', number: 1, start: T0, end: T0 + 1_800_000, status: 'planned', organizerId: 'a' }));
    value(await repos.relationships.checkIns.create(T1, 'r1', { id: 'm1.a', meetingId: 'm1', authorId: 'a', answers: { useful: 'u', nextSteps: 'n', beforeNextTime: 'b', changeOrFocus: 'c' }, rating: 4, goalProgress: [], actionItemIds: [], privateNote: 'mine', submittedAt: T0, updatedAt: T0 }));
    const aggregate = value(await repos.relationships.getAggregate(T1, 'r1'));
    expect(aggregate.relationship.id).toBe('r1');
    expect(aggregate.goals.map((g) => g.id)).toEqual(['g1', 'g2']);
    expect(aggregate.roadmap?.themes[0]?.title).toBe('Power BI basics');
    expect(aggregate.actionItems.map((a) => a.id)).toEqual(['ai1']);
    expect(aggregate.meetings.map((m) => m.id)).toEqual(['m1']);
    expect(aggregate.checkIns.map((c) => [c.privateNote, c.rating])).toEqual([['mine', 4]]);
    expect(aggregate.agreementVersions).toEqual([]);
    for (const g of aggregate.goals) expect(value(await repos.relationships.goals.get(T1, 'r1', g.id))).toEqual(g);
  });

  it('relationship parts: stale update and stale delete are conflicts; delete with the right version removes', async () => {
    value(await repos.relationships.create(T1, relationship('r1', 'a', 'b')));
    const g = value(await repos.relationships.goals.create(T1, 'r1', goal('g1')));
    const g2 = value(await repos.relationships.goals.update(T1, 'r1', { ...goal('g1', 40) }, g.version));
    expect(await repos.relationships.goals.update(T1, 'r1', goal('g1', 50), g.version)).toMatchObject({ ok: false, error: { code: 'STORAGE.CONFLICT' } });
    expect(await repos.relationships.goals.delete(T1, 'r1', 'g1', g.version)).toMatchObject({ ok: false, error: { code: 'STORAGE.CONFLICT' } });
    expect(value(await repos.relationships.goals.get(T1, 'r1', 'g1')).progress).toBe(40);
    value(await repos.relationships.goals.delete(T1, 'r1', 'g1', g2.version));
    expect(await repos.relationships.goals.get(T1, 'r1', 'g1')).toMatchObject({ ok: false, error: { code: 'STORAGE.NOT_FOUND' } });
    expect(await repos.relationships.goals.delete(T1, 'r1', 'g1', g2.version)).toMatchObject({ ok: false, error: { code: 'STORAGE.NOT_FOUND' } });
  });

  it('refuses "*" as a version on update and delete, and changes nothing', async () => {
    value(await repos.relationships.create(T1, relationship('r1', 'a', 'b')));
    const g = value(await repos.relationships.goals.create(T1, 'r1', goal('g1')));
    const p = value(await repos.profiles.create(T1, profile('a')));
    for (const wildcard of ['*', 'W/"*"']) {
      expect(await repos.relationships.goals.update(T1, 'r1', goal('g1', 90), wildcard)).toMatchObject({ ok: false, error: { code: 'STORAGE.VERSION_WILDCARD' } });
      expect(await repos.relationships.goals.delete(T1, 'r1', 'g1', wildcard)).toMatchObject({ ok: false, error: { code: 'STORAGE.VERSION_WILDCARD' } });
      expect(await repos.profiles.update(T1, { ...profile('a'), capacity: 9 }, wildcard)).toMatchObject({ ok: false, error: { code: 'STORAGE.VERSION_WILDCARD' } });
    }
    expect(value(await repos.relationships.goals.get(T1, 'r1', 'g1'))).toEqual(g);
    expect(value(await repos.profiles.get(T1, 'a'))).toEqual(p);
  });

  it('hands out copies: changing what a read returned does not change what is stored', async () => {
    value(await repos.relationships.create(T1, relationship('r1', 'a', 'b')));
    const created = value(await repos.relationships.goals.create(T1, 'r1', goal('g1')));
    (created as { title: string }).title = 'changed by a caller';
    const read = value(await repos.relationships.goals.get(T1, 'r1', 'g1'));
    (read as { title: string }).title = 'changed again';
    expect(value(await repos.relationships.goals.get(T1, 'r1', 'g1')).title).toBe('Goal g1');
  });

  it('a version changes on every write and is only good once', async () => {
    value(await repos.relationships.create(T1, relationship('r1', 'a', 'b')));
    const v1 = value(await repos.relationships.actionItems.create(T1, 'r1', { id: 'ai1', title: 'Read', ownerId: 'b', status: 'open', origin: { kind: 'manual' }, createdBy: 'a', createdAt: T0, updatedAt: T0 }));
    const v2 = value(await repos.relationships.actionItems.update(T1, 'r1', { ...v1, status: 'done', completedAt: T0 + 1 }, v1.version));
    expect(v2.version).not.toBe(v1.version);
    const r = value(await repos.relationships.get(T1, 'r1'));
    const r2 = value(await repos.relationships.update(T1, { ...r, activeAgreementVersion: 1 }, r.version));
    expect(await repos.relationships.update(T1, { ...r, status: 'closed' }, r.version)).toMatchObject({ ok: false, error: { code: 'STORAGE.CONFLICT' } });
    expect(value(await repos.relationships.get(T1, 'r1'))).toEqual(r2);
  });

  describe('checked writes (createWithin, updateWithin): a limit checked in the same step as the write', () => {
    const atMost = (limit: number) => (current: readonly unknown[]) =>
      current.length + 1 <= limit ? { ok: true as const, value: undefined } : { ok: false as const, error: { code: 'GOAL.TOO_MANY' as const, message: 'full' } };

    it('creates all or none, hands back versions, and returns the refusal as it is with nothing written', async () => {
      value(await repos.relationships.create(T1, relationship('r1', 'a', 'b')));
      const made = value(await repos.relationships.goals.createWithin(T1, 'r1', [goal('g1'), goal('g2')], () => ({ ok: true, value: undefined })));
      expect(made.map((g) => g.id)).toEqual(['g1', 'g2']);
      expect(value(await repos.relationships.goals.list(T1, 'r1'))).toEqual(made);
      const seen: string[][] = [];
      const refused = await repos.relationships.goals.createWithin(T1, 'r1', [goal('g3')], (current) => {
        seen.push(current.map((g) => g.id));
        return atMost(2)(current);
      });
      expect(refused).toMatchObject({ ok: false, error: { code: 'GOAL.TOO_MANY', message: 'full' } });
      expect(seen.at(-1)).toEqual(['g1', 'g2']);
      expect(await repos.relationships.goals.createWithin(T1, 'r1', [goal('g4'), goal('g1')], () => ({ ok: true, value: undefined }))).toMatchObject({
        ok: false,
        error: { code: 'STORAGE.ALREADY_EXISTS' },
      });
      expect(value(await repos.relationships.goals.list(T1, 'r1')).map((g) => g.id)).toEqual(['g1', 'g2']);
    });

    it('updateWithin: a stale version is a conflict, "*" is refused, a refusal writes nothing, else it updates', async () => {
      value(await repos.relationships.create(T1, relationship('r1', 'a', 'b')));
      const [g1] = value(await repos.relationships.goals.createWithin(T1, 'r1', [goal('g1')], () => ({ ok: true, value: undefined })));
      const fine = () => ({ ok: true as const, value: undefined });
      const moved = value(await repos.relationships.goals.updateWithin(T1, 'r1', { ...goal('g1'), progress: 50 }, g1!.version, fine));
      expect(moved.version).not.toBe(g1!.version);
      expect(await repos.relationships.goals.updateWithin(T1, 'r1', { ...goal('g1'), progress: 60 }, g1!.version, fine)).toMatchObject({ ok: false, error: { code: 'STORAGE.CONFLICT' } });
      expect(await repos.relationships.goals.updateWithin(T1, 'r1', { ...goal('g1'), progress: 60 }, '*', fine)).toMatchObject({ ok: false, error: { code: 'STORAGE.VERSION_WILDCARD' } });
      expect(await repos.relationships.goals.updateWithin(T1, 'r1', { ...goal('g1'), progress: 60 }, moved.version, atMost(1))).toMatchObject({ ok: false, error: { code: 'GOAL.TOO_MANY' } });
      expect(value(await repos.relationships.goals.get(T1, 'r1', 'g1'))).toEqual(moved);
    });

    it('twelve concurrent creates under a limit of five: exactly five land, the rest are refused by the check', async () => {
      value(await repos.relationships.create(T1, relationship('r1', 'a', 'b')));
      value(await repos.relationships.goals.createWithin(T1, 'r1', [goal('g00'), goal('g01')], () => ({ ok: true, value: undefined })));
      const answers = await Promise.all(
        Array.from({ length: 12 }, (_, i) => repos.relationships.goals.createWithin(T1, 'r1', [goal(`g${String(i + 10)}`)], atMost(5))),
      );
      expect(answers.filter((a) => a.ok)).toHaveLength(3);
      expect(answers.filter((a) => !a.ok).map((a) => (a.ok ? '' : a.error.code))).toEqual(Array(9).fill('GOAL.TOO_MANY'));
      expect(value(await repos.relationships.goals.list(T1, 'r1'))).toHaveLength(5);
      // The aggregate (cached per revision in the Table store) sees the same five.
      expect(value(await repos.relationships.getAggregate(T1, 'r1')).goals).toHaveLength(5);
    });
  });
});
