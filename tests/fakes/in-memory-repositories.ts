/**
 * In-memory implementations of the domain's repository ports, with the same contract as the
 * Table Storage adapters: tenant-scoped keys, versions that change on every write, and
 * STORAGE.CONFLICT / NOT_FOUND / ALREADY_EXISTS as values. Entities are copied in and out so that a
 * caller mutating what it got back cannot change what is stored.
 */
import { fail, ok, type Result } from '../../src/core/result';
import {
  STORAGE_ALREADY_EXISTS,
  STORAGE_CONFLICT,
  STORAGE_NOT_FOUND,
  isWildcardVersion,
  wildcardVersionRefused,
  type MentoringRepositories,
  type ProfileRepository,
  type RelationshipPartRepository,
  type RelationshipRepository,
  type RequestRepository,
  type Unversioned,
} from '../../src/core/ports/repositories';
import type { IdGenerator } from '../../src/core/ports/id-generator';
import type { Profile } from '../../src/core/profiles/profile';
import type { MentoringRequest } from '../../src/core/requests/mentoring-request';
import type { Relationship, RelationshipAggregate } from '../../src/core/relationships/relationship';
import type { AgreementVersion } from '../../src/core/relationships/agreement-version';
import type { Meeting } from '../../src/core/relationships/meeting';
import type { Goal } from '../../src/core/goals/goal';
import type { Roadmap } from '../../src/core/roadmap/roadmap';
import type { ActionItem } from '../../src/core/actions/action-item';
import type { CheckIn } from '../../src/core/checkins/check-in';

type Versioned = { readonly version: string };

const copy = <T>(value: T): T => structuredClone(value);

/** A keyed table of versioned entities; the key already includes the tenant. */
class VersionedTable<T extends Versioned> {
  private readonly rows = new Map<string, T>();
  private counter = 0;
  /** Every write, for tests that assert "nothing changed". */
  writes = 0;

  constructor(private readonly kind: string) {}

  get(key: string): Result<T> {
    const row = this.rows.get(key);
    return row ? ok(copy(row)) : fail(STORAGE_NOT_FOUND, `No ${this.kind} with that id.`);
  }

  has(key: string): boolean {
    return this.rows.has(key);
  }

  values(filter: (key: string, row: T) => boolean): T[] {
    return [...this.rows.entries()].filter(([k, v]) => filter(k, v)).map(([, v]) => copy(v));
  }

  create(key: string, item: Unversioned<T>): Result<T> {
    if (this.rows.has(key)) return fail(STORAGE_ALREADY_EXISTS, `That ${this.kind} already exists.`);
    return ok(this.put(key, item));
  }

  update(key: string, item: Unversioned<T>, expectedVersion: string): Result<T> {
    if (isWildcardVersion(expectedVersion)) return wildcardVersionRefused();
    const current = this.rows.get(key);
    if (!current) return fail(STORAGE_NOT_FOUND, `No ${this.kind} with that id.`);
    if (current.version !== expectedVersion) {
      return fail(STORAGE_CONFLICT, `The ${this.kind} was changed by someone else; reload and try again.`);
    }
    return ok(this.put(key, item));
  }

  delete(key: string, expectedVersion: string): Result<void> {
    if (isWildcardVersion(expectedVersion)) return wildcardVersionRefused();
    const current = this.rows.get(key);
    if (!current) return fail(STORAGE_NOT_FOUND, `No ${this.kind} with that id.`);
    if (current.version !== expectedVersion) {
      return fail(STORAGE_CONFLICT, `The ${this.kind} was changed by someone else; reload and try again.`);
    }
    this.rows.delete(key);
    this.writes += 1;
    return ok(undefined);
  }

  /** A deep snapshot of every row, to compare before and after a rejected call. */
  snapshot(): Record<string, T> {
    return copy(Object.fromEntries(this.rows));
  }

  private put(key: string, item: Unversioned<T>): T {
    this.counter += 1;
    this.writes += 1;
    const stored = { ...copy(item), version: `W/"${this.counter}"` } as unknown as T;
    this.rows.set(key, stored);
    return copy(stored);
  }
}

const key = (...parts: string[]): string => JSON.stringify(parts);
const byId = <T extends { id: string }>(a: T, b: T): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Yields once so that concurrent callers interleave the way they would against real storage. */
const tick = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

export class InMemoryProfileRepository implements ProfileRepository {
  readonly table = new VersionedTable<Profile>('profile');

  async get(tenantId: string, userId: string): Promise<Result<Profile>> {
    await tick();
    return this.table.get(key(tenantId, userId));
  }
  async list(tenantId: string): Promise<Result<Profile[]>> {
    await tick();
    const rows = this.table.values((k) => JSON.parse(k)[0] === tenantId);
    return ok(rows.sort((a, b) => (a.userId < b.userId ? -1 : a.userId > b.userId ? 1 : 0)));
  }
  async create(tenantId: string, profile: Unversioned<Profile>): Promise<Result<Profile>> {
    await tick();
    return this.table.create(key(tenantId, profile.userId), profile);
  }
  async update(tenantId: string, profile: Unversioned<Profile>, expectedVersion: string): Promise<Result<Profile>> {
    await tick();
    return this.table.update(key(tenantId, profile.userId), profile, expectedVersion);
  }
}

export class InMemoryRequestRepository implements RequestRepository {
  readonly table = new VersionedTable<MentoringRequest>('request');

  async get(tenantId: string, requestId: string): Promise<Result<MentoringRequest>> {
    await tick();
    return this.table.get(key(tenantId, requestId));
  }
  async listForPerson(tenantId: string, personId: string): Promise<Result<MentoringRequest[]>> {
    await tick();
    const rows = this.table.values(
      (k, r) => JSON.parse(k)[0] === tenantId && (r.menteeId === personId || r.mentorId === personId),
    );
    return ok(rows.sort((a, b) => a.createdAt - b.createdAt || byId(a, b)));
  }
  async create(tenantId: string, request: Unversioned<MentoringRequest>): Promise<Result<MentoringRequest>> {
    await tick();
    return this.table.create(key(tenantId, request.id), request);
  }
  async update(
    tenantId: string,
    request: Unversioned<MentoringRequest>,
    expectedVersion: string,
  ): Promise<Result<MentoringRequest>> {
    await tick();
    return this.table.update(key(tenantId, request.id), request, expectedVersion);
  }
}

export class InMemoryPartRepository<T extends { readonly id: string; readonly version: string }>
  implements RelationshipPartRepository<T>
{
  readonly table: VersionedTable<T>;

  constructor(kind: string) {
    this.table = new VersionedTable<T>(kind);
  }

  listNow(tenantId: string, relationshipId: string): T[] {
    return this.table
      .values((k) => {
        const [t, r] = JSON.parse(k) as string[];
        return t === tenantId && r === relationshipId;
      })
      .sort(byId);
  }
  async list(tenantId: string, relationshipId: string): Promise<Result<T[]>> {
    await tick();
    return ok(this.listNow(tenantId, relationshipId));
  }
  async get(tenantId: string, relationshipId: string, id: string): Promise<Result<T>> {
    await tick();
    return this.table.get(key(tenantId, relationshipId, id));
  }
  async create(tenantId: string, relationshipId: string, item: Unversioned<T>): Promise<Result<T>> {
    await tick();
    return this.table.create(key(tenantId, relationshipId, item.id), item);
  }
  async update(tenantId: string, relationshipId: string, item: Unversioned<T>, expectedVersion: string): Promise<Result<T>> {
    await tick();
    return this.table.update(key(tenantId, relationshipId, item.id), item, expectedVersion);
  }
  async delete(tenantId: string, relationshipId: string, id: string, expectedVersion: string): Promise<Result<void>> {
    await tick();
    return this.table.delete(key(tenantId, relationshipId, id), expectedVersion);
  }
  /** Check and write with no await between them: atomic, as the Table store's guarded transaction is. */
  async createWithin(tenantId: string, relationshipId: string, items: readonly Unversioned<T>[], allowed: (current: readonly T[]) => Result<void>): Promise<Result<T[]>> {
    await tick();
    const checked = allowed(this.listNow(tenantId, relationshipId));
    if (!checked.ok) return checked;
    const keys = items.map((item) => key(tenantId, relationshipId, item.id));
    if (new Set(keys).size !== keys.length || keys.some((k) => this.table.has(k))) return fail(STORAGE_ALREADY_EXISTS, 'That item already exists.');
    return ok(items.map((item, i) => unwrapCreated(this.table.create(keys[i]!, item))));
  }
  async updateWithin(
    tenantId: string,
    relationshipId: string,
    item: Unversioned<T>,
    expectedVersion: string,
    allowed: (current: readonly T[]) => Result<void>,
  ): Promise<Result<T>> {
    await tick();
    if (isWildcardVersion(expectedVersion)) return wildcardVersionRefused();
    const stored = this.table.get(key(tenantId, relationshipId, item.id));
    if (!stored.ok) return stored;
    if (stored.value.version !== expectedVersion) return fail(STORAGE_CONFLICT, 'The item was changed by someone else; reload and try again.');
    const checked = allowed(this.listNow(tenantId, relationshipId));
    if (!checked.ok) return checked;
    return this.table.update(key(tenantId, relationshipId, item.id), item, expectedVersion);
  }
}

function unwrapCreated<T>(created: Result<T>): T {
  if (!created.ok) throw new Error(`checked before: ${created.error.code}`);
  return created.value;
}

export class InMemoryRelationshipRepository implements RelationshipRepository {
  readonly table = new VersionedTable<Relationship>('relationship');
  readonly agreementVersions = new InMemoryPartRepository<AgreementVersion>('agreement version');
  readonly goals = new InMemoryPartRepository<Goal>('goal');
  readonly roadmaps = new InMemoryPartRepository<Roadmap>('roadmap');
  readonly meetings = new InMemoryPartRepository<Meeting>('meeting');
  readonly actionItems = new InMemoryPartRepository<ActionItem>('action item');
  readonly checkIns = new InMemoryPartRepository<CheckIn>('check-in');

  async get(tenantId: string, relationshipId: string): Promise<Result<Relationship>> {
    await tick();
    return this.table.get(key(tenantId, relationshipId));
  }
  async listForPerson(tenantId: string, personId: string): Promise<Result<Relationship[]>> {
    await tick();
    const rows = this.table.values(
      (k, r) => JSON.parse(k)[0] === tenantId && (r.mentorId === personId || r.menteeId === personId),
    );
    return ok(rows.sort((a, b) => a.startedAt - b.startedAt || byId(a, b)));
  }
  async create(tenantId: string, relationship: Unversioned<Relationship>): Promise<Result<Relationship>> {
    await tick();
    return this.table.create(key(tenantId, relationship.id), relationship);
  }
  async update(
    tenantId: string,
    relationship: Unversioned<Relationship>,
    expectedVersion: string,
  ): Promise<Result<Relationship>> {
    await tick();
    return this.table.update(key(tenantId, relationship.id), relationship, expectedVersion);
  }
  async getAggregate(tenantId: string, relationshipId: string): Promise<Result<RelationshipAggregate>> {
    await tick();
    const relationship = this.table.get(key(tenantId, relationshipId));
    if (!relationship.ok) return relationship;
    const roadmap = this.roadmaps.listNow(tenantId, relationshipId)[0];
    return ok({
      relationship: relationship.value,
      agreementVersions: this.agreementVersions.listNow(tenantId, relationshipId),
      goals: this.goals.listNow(tenantId, relationshipId),
      ...(roadmap ? { roadmap } : {}),
      meetings: this.meetings.listNow(tenantId, relationshipId),
      actionItems: this.actionItems.listNow(tenantId, relationshipId),
      checkIns: this.checkIns.listNow(tenantId, relationshipId),
    });
  }
}

export class InMemoryRepositories implements MentoringRepositories {
  readonly profiles = new InMemoryProfileRepository();
  readonly requests = new InMemoryRequestRepository();
  readonly relationships = new InMemoryRelationshipRepository();

  /** Everything stored, deep-copied: equal snapshots before and after a call mean it changed nothing. */
  snapshot(): unknown {
    const r = this.relationships;
    return {
      profiles: this.profiles.table.snapshot(),
      requests: this.requests.table.snapshot(),
      relationships: r.table.snapshot(),
      agreementVersions: r.agreementVersions.table.snapshot(),
      goals: r.goals.table.snapshot(),
      roadmaps: r.roadmaps.table.snapshot(),
      meetings: r.meetings.table.snapshot(),
      actionItems: r.actionItems.table.snapshot(),
      checkIns: r.checkIns.table.snapshot(),
    };
  }
}

/** Predictable ids: `${prefix}-1`, `${prefix}-2`, … */
export class SequentialIdGenerator implements IdGenerator {
  private next = 0;
  constructor(private readonly prefix = 'id') {}
  newId(): string {
    this.next += 1;
    return `${this.prefix}-${String(this.next).padStart(4, '0')}`;
  }
}
