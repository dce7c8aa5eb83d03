/**
 * The relationship aggregate is cached per process under the partition's revision row. These tests
 * run two repository instances over one Azurite table — two processes of the API — and check that a
 * write through either is seen by the very next read through both, that conflicts still surface,
 * and that the cache is bounded.
 */
import { z } from 'zod';
import type { RelationshipPartRepository, Unversioned } from '../../../src/core/ports/repositories';
import type { Relationship, RelationshipAggregate } from '../../../src/core/relationships/relationship';
import type { Goal } from '../../../src/core/goals/goal';
import type { AgreementVersion } from '../../../src/core/relationships/agreement-version';
import type { Meeting } from '../../../src/core/relationships/meeting';
import type { ActionItem } from '../../../src/core/actions/action-item';
import type { CheckIn } from '../../../src/core/checkins/check-in';
import type { Roadmap } from '../../../src/core/roadmap/roadmap';
import { agreementVersionId } from '../../../src/core/relationships/agreement-version';
import { storageFromConnectionString } from '../../../src/adapters/storage/storage-connection';
import { TableDocumentStore } from '../../../src/adapters/storage/table-document-store';
import { TableRelationshipRepository, type AggregateCacheOptions } from '../../../src/adapters/storage/table-relationship.repository';
import { REVISION_ROW } from '../../../src/adapters/storage/partition-revision';
import { tenantKeys } from '../../../src/adapters/storage/table-keys';
import { testStorageConnectionString, uniqueTableName } from '../../support/azurite';

const T1 = '11111111-1111-4111-8111-111111111111';
const T2 = '22222222-2222-4222-8222-222222222222';
const T0 = Date.UTC(2026, 10, 23, 9, 0);

const relationship = (id: string, extra: Partial<Relationship> = {}): Unversioned<Relationship> => ({
  id,
  mentorId: 'mentor',
  menteeId: 'mentee',
  reverse: true,
  status: 'active',
  requestId: `req-${id}`,
  menteePreWork: { whatIWant: 'learn', whatIBring: 'context', expectations: 'monthly' },
  startedAt: T0,
  reflections: {},
  ...extra,
});

const goal = (id: string, progress = 0): Unversioned<Goal> => ({
  id,
  title: `Goal ${id}`,
  smart: { specific: 's', measurable: 'm', achievable: 'a', relevant: 'r', timeBound: 't' },
  targetDate: '2027-01-31',
  progress,
  createdBy: 'mentee',
  createdAt: T0,
  updatedAt: T0,
});

const agreementVersion = (n: number, note = ''): Unversioned<AgreementVersion> => ({
  id: agreementVersionId(n),
  number: n,
  agreement: {
    cadence: { kind: 'biweekly' },
    meetingMinutes: 45,
    bufferMinutes: 10,
    minimumNoticeHours: 24,
    respectWorkingHours: true,
    firstDate: '2026-12-01',
    meetingCount: 6,
    location: { kind: 'online' },
    mentor: { personId: 'mentor', timeZone: 'Europe/Warsaw', meetingWindows: [{ weekday: 2, start: '14:00', end: '17:00' }], contactChannel: 'teamsChat', contactHours: [{ weekday: 2, start: '09:00', end: '17:00' }] },
    mentee: { personId: 'mentee', timeZone: 'America/New_York', meetingWindows: [{ weekday: 2, start: '08:00', end: '12:00' }], contactChannel: 'email', contactHours: [{ weekday: 2, start: '08:00', end: '18:00' }] },
  },
  proposedBy: 'mentee',
  proposedAt: T0,
  note,
  acceptedBy: ['mentee'],
});

const meeting = (id: string, number = 1): Unversioned<Meeting> => ({ id, number, start: T0, end: T0 + 1_800_000, status: 'planned', organizerId: 'mentor' });

const actionItem = (id: string, title = 'Install Power BI'): Unversioned<ActionItem> => ({
  id,
  title,
  ownerId: 'mentee',
  status: 'open',
  origin: { kind: 'manual' },
  createdBy: 'mentor',
  createdAt: T0,
  updatedAt: T0,
});

const checkIn = (id: string, useful = 'u'): Unversioned<CheckIn> => ({
  id,
  meetingId: 'm1',
  authorId: 'mentor',
  answers: { useful, nextSteps: 'n', beforeNextTime: 'b', changeOrFocus: 'c' },
  goalProgress: [],
  actionItemIds: [],
  privateNote: 'mine',
  submittedAt: T0,
  updatedAt: T0,
});

const roadmap = (title: string): Unversioned<Roadmap> => ({ id: 'roadmap', themes: [{ id: 't1', title, notes: '', meetingNumbers: [1] }], updatedBy: 'mentor', updatedAt: T0 });

function value<T>(result: { ok: true; value: T } | { ok: false; error: { code: string } }): T {
  if (!result.ok) throw new Error(`expected ok, got ${result.error.code}`);
  return result.value;
}

let store: TableDocumentStore;
let a: TableRelationshipRepository;
let b: TableRelationshipRepository;

async function openStore(): Promise<TableDocumentStore> {
  return TableDocumentStore.open(storageFromConnectionString(testStorageConnectionString()), uniqueTableName('aggcache'));
}

beforeEach(async () => {
  store = await openStore();
  a = new TableRelationshipRepository(store);
  b = new TableRelationshipRepository(store);
});

/** What storage holds right now, read by a repository with nothing cached. */
async function truth(tenantId: string, id: string): Promise<RelationshipAggregate> {
  return value(await new TableRelationshipRepository(store).getAggregate(tenantId, id));
}

/** Both instances answer exactly what storage holds. */
async function expectBothFresh(id: string, tenantId = T1): Promise<RelationshipAggregate> {
  const expected = await truth(tenantId, id);
  expect(value(await a.getAggregate(tenantId, id))).toEqual(expected);
  expect(value(await b.getAggregate(tenantId, id))).toEqual(expected);
  return expected;
}

interface PartCase<T extends { id: string; version: string }> {
  readonly name: string;
  readonly repo: (r: TableRelationshipRepository) => RelationshipPartRepository<T>;
  readonly created: Unversioned<T>;
  readonly changed: Unversioned<T>;
  readonly listOf: (agg: RelationshipAggregate) => readonly T[];
}

const partCases = [
  { name: 'goal', repo: (r) => r.goals, created: goal('g1'), changed: goal('g1', 60), listOf: (x) => x.goals } satisfies PartCase<Goal>,
  {
    name: 'agreement version',
    repo: (r) => r.agreementVersions,
    created: agreementVersion(1),
    changed: { ...agreementVersion(1, 'amended'), acceptedBy: ['mentee', 'mentor'] },
    listOf: (x) => x.agreementVersions,
  } satisfies PartCase<AgreementVersion>,
  { name: 'meeting', repo: (r) => r.meetings, created: meeting('m1'), changed: { ...meeting('m1'), status: 'cancelled', cancelledAt: T0 }, listOf: (x) => x.meetings } satisfies PartCase<Meeting>,
  { name: 'action item', repo: (r) => r.actionItems, created: actionItem('ai1'), changed: actionItem('ai1', 'Publish the dashboard'), listOf: (x) => x.actionItems } satisfies PartCase<ActionItem>,
  { name: 'check-in', repo: (r) => r.checkIns, created: checkIn('m1.mentor'), changed: checkIn('m1.mentor', 'very useful'), listOf: (x) => x.checkIns } satisfies PartCase<CheckIn>,
  { name: 'roadmap', repo: (r) => r.roadmaps, created: roadmap('Power BI basics'), changed: roadmap('DAX'), listOf: (x) => (x.roadmap ? [x.roadmap] : []) } satisfies PartCase<Roadmap>,
] as const;

describe('relationship aggregate cache (two instances over one table)', () => {
  it.each(partCases.map((c) => [c.name, c] as const))(
    '%s: create, update and delete through one instance are seen by the next read through both',
    async (_name, c) => {
      const part = c as unknown as PartCase<{ id: string; version: string }>;
      value(await a.create(T1, relationship('r1')));
      for (const [writer, other] of [
        [a, b],
        [b, a],
      ] as const) {
        // Both instances hold the aggregate before every write, so a stale copy would be served.
        await expectBothFresh('r1');
        const created = value(await part.repo(writer).create(T1, 'r1', part.created));
        let seen = await expectBothFresh('r1');
        expect(part.listOf(seen)).toEqual([created]);

        const updated = value(await part.repo(other).update(T1, 'r1', part.changed, created.version));
        seen = await expectBothFresh('r1');
        expect(part.listOf(seen)).toEqual([updated]);

        value(await part.repo(writer).delete(T1, 'r1', part.created.id, updated.version));
        seen = await expectBothFresh('r1');
        expect(part.listOf(seen)).toEqual([]);
      }
    },
  );

  it('a root update (closing with a reflection) is seen by the next read through both', async () => {
    const created = value(await a.create(T1, relationship('r1')));
    await expectBothFresh('r1');
    const closed = value(await b.update(T1, relationship('r1', { status: 'closed', closedAt: T0, closedBy: 'mentor' }), created.version));
    const seen = await expectBothFresh('r1');
    expect(seen.relationship).toEqual(closed);
    expect(seen.relationship.status).toBe('closed');
  });

  it('a relationship created after a miss is found: "not found" is never cached', async () => {
    expect(await a.getAggregate(T1, 'r9')).toMatchObject({ ok: false, error: { code: 'STORAGE.NOT_FOUND' } });
    value(await b.create(T1, relationship('r9')));
    expect(value(await a.getAggregate(T1, 'r9')).relationship.id).toBe('r9');
  });

  it('interleaved writes through two instances never leave either serving stale data', async () => {
    value(await a.create(T1, relationship('r1')));
    const instances = [a, b];
    let version = value(await a.goals.create(T1, 'r1', goal('g', 0))).version;
    for (let step = 1; step <= 30; step++) {
      const writer = instances[step % 2]!;
      // Reads through both between writes keep both caches warm with the previous revision.
      for (const reader of instances) await reader.getAggregate(T1, 'r1');
      if (step % 5 === 0) {
        value(await writer.actionItems.create(T1, 'r1', actionItem(`ai${step}`)));
      } else {
        version = value(await writer.goals.update(T1, 'r1', goal('g', step), version)).version;
      }
      for (const reader of instances) {
        const seen = value(await reader.getAggregate(T1, 'r1'));
        expect(seen.goals[0]?.progress).toBe(step - (step % 5 === 0 ? 1 : 0));
        expect(seen.goals[0]?.version).toBe(version);
        expect(seen.actionItems).toHaveLength(Math.floor(step / 5));
      }
    }
  });

  it('a stale update or delete is still STORAGE.CONFLICT and changes nothing, cached or not', async () => {
    value(await a.create(T1, relationship('r1')));
    const g = value(await a.goals.create(T1, 'r1', goal('g1')));
    const newer = value(await b.goals.update(T1, 'r1', goal('g1', 40), g.version));
    await expectBothFresh('r1');
    expect(await a.goals.update(T1, 'r1', goal('g1', 50), g.version)).toMatchObject({ ok: false, error: { code: 'STORAGE.CONFLICT' } });
    expect(await a.goals.delete(T1, 'r1', 'g1', g.version)).toMatchObject({ ok: false, error: { code: 'STORAGE.CONFLICT' } });
    expect(await a.goals.update(T1, 'r1', goal('g1', 50), 'W/"made-up"')).toMatchObject({ ok: false, error: { code: 'STORAGE.CONFLICT' } });
    expect(await a.update(T1, relationship('r1', { status: 'closed' }), 'W/"made-up"')).toMatchObject({ ok: false, error: { code: 'STORAGE.CONFLICT' } });
    const seen = await expectBothFresh('r1');
    expect(seen.goals).toEqual([newer]);
    expect(seen.relationship.status).toBe('active');
  });

  it('updating a part that is gone is STORAGE.NOT_FOUND, a second create is STORAGE.ALREADY_EXISTS', async () => {
    value(await a.create(T1, relationship('r1')));
    const g = value(await a.goals.create(T1, 'r1', goal('g1')));
    value(await b.goals.delete(T1, 'r1', 'g1', g.version));
    expect(await a.goals.update(T1, 'r1', goal('g1', 10), g.version)).toMatchObject({ ok: false, error: { code: 'STORAGE.NOT_FOUND' } });
    expect(await a.create(T1, relationship('r1'))).toMatchObject({ ok: false, error: { code: 'STORAGE.ALREADY_EXISTS' } });
    value(await a.goals.create(T1, 'r1', goal('g2')));
    expect(await b.goals.create(T1, 'r1', goal('g2'))).toMatchObject({ ok: false, error: { code: 'STORAGE.ALREADY_EXISTS' } });
    expect((await expectBothFresh('r1')).goals.map((x) => x.id)).toEqual(['g2']);
  });

  it('concurrent updates of one goal through both instances: each lands or conflicts, and the survivor is what both read', async () => {
    value(await a.create(T1, relationship('r1')));
    let current = value(await a.goals.create(T1, 'r1', goal('g1')));
    for (let round = 1; round <= 5; round++) {
      await expectBothFresh('r1');
      const results = await Promise.all(
        Array.from({ length: 10 }, (_, i) => (i % 2 ? a : b).goals.update(T1, 'r1', goal('g1', round * 10 + i), current.version)),
      );
      const landed = results.filter((r) => r.ok);
      expect(landed).toHaveLength(1);
      for (const r of results) if (!r.ok) expect(r.error.code).toBe('STORAGE.CONFLICT');
      current = value(landed[0]!);
      const seen = await expectBothFresh('r1');
      expect(seen.goals).toEqual([current]);
    }
  });

  it('a writer carries its cached copy forward: its next read and its limit checks need no partition read, and equal storage', async () => {
    value(await a.create(T1, relationship('r1')));
    value(await a.goals.create(T1, 'r1', goal('g1')));
    await a.getAggregate(T1, 'r1');
    const partitionReads = jest.spyOn(store, 'listMixed');
    const kindReads = jest.spyOn(store, 'list');
    try {
      const allowed = (current: readonly ActionItem[]) =>
        current.filter((x) => x.status === 'open').length < 100 ? ({ ok: true, value: undefined } as const) : ({ ok: false, error: { code: 'X', message: 'cap' } } as never);
      let last: ActionItem | undefined;
      for (let i = 0; i < 12; i++) {
        // Ids out of order, so a carried-forward list must keep the partition's sort by id.
        const [created] = value(await a.actionItems.createWithin(T1, 'r1', [actionItem(`ai${(i * 7) % 12}`)], allowed));
        last = created;
        if (i % 3 === 0) value(await a.goals.update(T1, 'r1', goal('g1', i), value(await a.getAggregate(T1, 'r1')).goals[0]!.version));
        value(await a.getAggregate(T1, 'r1'));
      }
      const done = value(await a.actionItems.updateWithin(T1, 'r1', { ...actionItem(last!.id), status: 'done' }, last!.version, allowed));
      value(await a.update(T1, relationship('r1', { activeAgreementVersion: 1 }), value(await a.getAggregate(T1, 'r1')).relationship.version));
      value(await a.roadmaps.create(T1, 'r1', roadmap('DAX')));
      const served = value(await a.getAggregate(T1, 'r1'));
      expect(partitionReads).not.toHaveBeenCalled();
      expect(kindReads).not.toHaveBeenCalled();
      partitionReads.mockRestore();
      kindReads.mockRestore();
      expect(served).toEqual(await truth(T1, 'r1'));
      expect(served.actionItems.map((x) => x.id)).toEqual([...served.actionItems.map((x) => x.id)].sort());
      expect(served.actionItems.find((x) => x.id === done.id)?.version).toBe(done.version);
    } finally {
      partitionReads.mockRestore();
      kindReads.mockRestore();
    }
  });

  it('a write after another instance wrote drops the copy instead of carrying it forward, and the write still lands', async () => {
    value(await a.create(T1, relationship('r1')));
    await expectBothFresh('r1');
    value(await b.goals.create(T1, 'r1', goal('from-b')));
    // a still holds the copy without from-b: its guarded write fails, and it writes unguarded.
    value(await a.goals.create(T1, 'r1', goal('from-a')));
    const seen = await expectBothFresh('r1');
    expect(seen.goals.map((x) => x.id)).toEqual(['from-a', 'from-b']);
    // A stale version is still the caller's conflict on the cached path.
    const stale = seen.goals[0]!;
    value(await a.goals.update(T1, 'r1', goal('from-a', 5), stale.version));
    await a.getAggregate(T1, 'r1');
    expect(await a.goals.update(T1, 'r1', goal('from-a', 9), stale.version)).toMatchObject({ ok: false, error: { code: 'STORAGE.CONFLICT' } });
    expect((await expectBothFresh('r1')).goals[0]?.progress).toBe(5);
  });

  it('keeps tenants apart: the same relationship id in another tenant is another aggregate', async () => {
    value(await a.create(T1, relationship('r1')));
    value(await a.create(T2, relationship('r1', { mentorId: 'other-mentor' })));
    value(await a.goals.create(T1, 'r1', goal('only-t1')));
    expect(value(await a.getAggregate(T1, 'r1')).goals.map((g) => g.id)).toEqual(['only-t1']);
    const t2 = value(await a.getAggregate(T2, 'r1'));
    expect(t2.goals).toEqual([]);
    expect(t2.relationship.mentorId).toBe('other-mentor');
  });

  it('serves the cached copy while the revision is unchanged, until its TTL (writes bypassing the repository show why)', async () => {
    let now = T0;
    const timed = new TableRelationshipRepository(store, { ttlMs: 60_000, now: () => now });
    value(await timed.create(T1, relationship('r1')));
    const g = value(await timed.goals.create(T1, 'r1', goal('g1', 10)));
    expect(value(await timed.getAggregate(T1, 'r1')).goals[0]?.progress).toBe(10);
    // A raw write leaves the revision alone: only the repository's writes keep the cache honest.
    const pk = tenantKeys.relationship(T1, 'r1');
    value(await store.replace(pk, 'goal|g1', 'goal', { ...goal('g1', 99) }, g.version));
    expect(value(await timed.getAggregate(T1, 'r1')).goals[0]?.progress).toBe(10);
    // Lifetimes are spread over 75–100% of the TTL so that entries filled together expire apart.
    now += 44_999;
    expect(value(await timed.getAggregate(T1, 'r1')).goals[0]?.progress).toBe(10);
    now += 15_001;
    expect(value(await timed.getAggregate(T1, 'r1')).goals[0]?.progress).toBe(99);
  });

  it('partitions written before revisions existed are read whole every time until their next write', async () => {
    const pk = tenantKeys.relationship(T1, 'legacy');
    value(await store.insert(pk, 'relationship', 'relationship', relationship('legacy')));
    const g = value(await store.insert(pk, 'goal|g1', 'goal', goal('g1', 10)));
    expect(value(await store.get(pk, REVISION_ROW, z.unknown()))).toBeUndefined();
    expect(value(await a.getAggregate(T1, 'legacy')).goals[0]?.progress).toBe(10);
    value(await store.replace(pk, 'goal|g1', 'goal', goal('g1', 20), g.etag));
    expect(value(await a.getAggregate(T1, 'legacy')).goals[0]?.progress).toBe(20);
    expect(a.cachedAggregates).toBe(0);
    // The first write through the repository creates the revision, and caching starts.
    value(await b.goals.create(T1, 'legacy', goal('g2')));
    expect(value(await a.getAggregate(T1, 'legacy')).goals.map((x) => x.id)).toEqual(['g1', 'g2']);
    expect(a.cachedAggregates).toBe(1);
  });

  it('a caller cannot change what the next caller gets: the served aggregate is frozen (no copy per read)', async () => {
    value(await a.create(T1, relationship('r1')));
    value(await a.goals.create(T1, 'r1', goal('g1', 10)));
    await a.getAggregate(T1, 'r1');
    const first = value(await a.getAggregate(T1, 'r1'));
    expect(() => (first.goals as Goal[]).push({ ...first.goals[0]!, id: 'injected' })).toThrow(/not extensible/);
    expect(() => {
      (first.relationship as { status: string }).status = 'closed';
    }).toThrow(/read.only/);
    const second = value(await a.getAggregate(T1, 'r1'));
    expect(second.goals.map((g) => g.id)).toEqual(['g1']);
    expect(second.relationship.status).toBe('active');
  });

  it('is bounded: holds at most maxEntries aggregates, dropping the least recently used', async () => {
    const options: AggregateCacheOptions = { maxEntries: 3 };
    const small = new TableRelationshipRepository(store, options);
    for (const id of ['r1', 'r2', 'r3', 'r4', 'r5']) value(await small.create(T1, relationship(id)));
    for (const id of ['r1', 'r2', 'r3']) await small.getAggregate(T1, id);
    expect(small.cachedAggregates).toBe(3);
    await small.getAggregate(T1, 'r1'); // r1 is now the most recently used; r2 the least
    await small.getAggregate(T1, 'r4');
    await small.getAggregate(T1, 'r5');
    expect(small.cachedAggregates).toBe(3);
    // Raw writes (which leave revisions alone) tell which partitions are still served from the cache.
    for (const id of ['r1', 'r2', 'r3', 'r4', 'r5']) {
      const pk = tenantKeys.relationship(T1, id);
      value(await store.insert(pk, 'goal|raw', 'goal', goal('raw')));
    }
    // Hits first: a miss re-caches its partition and would evict one of them.
    const cached = [];
    for (const id of ['r1', 'r4', 'r5', 'r2', 'r3']) {
      if (value(await small.getAggregate(T1, id)).goals.length === 0) cached.push(id);
    }
    expect(cached).toEqual(['r1', 'r4', 'r5']);
  });
});
