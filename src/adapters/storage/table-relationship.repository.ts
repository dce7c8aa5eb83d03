/**
 * A relationship and everything in it live in ONE partition (t|{tenant}|rel|{id}): the relationship
 * row, agreement versions, goals, the roadmap, meetings, action items and check-ins. The detail view
 * is then a single partition query, and writes that span several of them can be one transaction.
 * "My relationships" comes from index rows in each member's person partition, written before the
 * relationship itself (members never change, so the index never needs updating).
 *
 * The aggregate is cached per process under the partition's revision (see partition-revision.ts):
 * every insert and conditional replace in the partition rewrites the revision row in the same
 * transaction, so a reader that point-reads the revision and finds the stamp its cached copy was
 * read under knows that copy is current, whichever process wrote last. Reading the revision BEFORE
 * the partition query matters: a write landing in between makes the copy look older than it is
 * (one extra query later), never newer.
 *
 * Deletes are the exception: a delete inside a transaction carries no ETag, so it would lose the
 * optimistic-concurrency check. A delete is therefore the conditional delete alone, then the
 * revision touch right after. Between the two, another process may still serve its cached copy with
 * the deleted row; if the touch fails (the store went away just then), that lasts until the cache
 * TTL expires. The deleting process drops its own copy at once.
 *
 * Limits (GROWTH_LIMITS) are checked and written as one step: the revision's ETag is read, then the
 * kind's rows are listed and checked, then the write commits in one transaction with a replace of
 * the revision row conditioned on that ETag. Any write to the partition in between (each one
 * rewrites the revision) fails the transaction, and the check runs again on what is there now. So
 * concurrent writers never pass a limit together; deletes (which touch the revision only after they
 * land) can only make a check stricter for a moment, never looser.
 */
import { fail, ok, type Result } from '../../core/result';
import {
  STORAGE_ALREADY_EXISTS,
  STORAGE_CONFLICT,
  STORAGE_NOT_FOUND,
  isWildcardVersion,
  wildcardVersionRefused,
  type RelationshipPartRepository,
  type RelationshipRepository,
  type Unversioned,
} from '../../core/ports/repositories';
import type { Relationship, RelationshipAggregate } from '../../core/relationships/relationship';
import type { AgreementVersion } from '../../core/relationships/agreement-version';
import type { Meeting } from '../../core/relationships/meeting';
import type { Goal } from '../../core/goals/goal';
import type { Roadmap } from '../../core/roadmap/roadmap';
import type { ActionItem } from '../../core/actions/action-item';
import type { CheckIn } from '../../core/checkins/check-in';
import {
  StoredActionItem,
  StoredAgreementVersion,
  StoredCheckIn,
  StoredGoal,
  StoredMeeting,
  StoredMembership,
  StoredRelationship,
  StoredRoadmap,
} from './stored-entity.schemas';
import { byId, found, versioned, withoutVersion, type Schema } from './stored-document';
import type { StoredDocument, TableDocumentStore, WriteAction } from './table-document-store';
import { key, tenantKeys } from './table-keys';
import { guardRevision, nonceOf, readRevision, readRevisionState, REVISION_ROW, revisionStamp, touchRevision } from './partition-revision';
import { type Entry, RevisionValidatedCache } from './revision-validated-cache';

const RELATIONSHIP_ROW = 'relationship';
const INDEX_PREFIX = 'rel|';

/** Where a part's rows sit in the aggregate: a list, or (the roadmap) at most one. */
type PartField = 'agreementVersions' | 'goals' | 'meetings' | 'actionItems' | 'checkIns' | 'roadmap';

interface PartSpec {
  /** Stored as the row's kind and as the row-key prefix. */
  readonly kind: string;
  /** How the part is named in messages. */
  readonly label: string;
  readonly schema: Schema<unknown>;
  readonly field: PartField;
}

const PARTS = {
  agreementVersions: { kind: 'agreement', label: 'agreement version', schema: StoredAgreementVersion, field: 'agreementVersions' },
  goals: { kind: 'goal', label: 'goal', schema: StoredGoal, field: 'goals' },
  roadmaps: { kind: 'roadmap', label: 'roadmap', schema: StoredRoadmap, field: 'roadmap' },
  meetings: { kind: 'meeting', label: 'meeting', schema: StoredMeeting, field: 'meetings' },
  actionItems: { kind: 'action', label: 'action item', schema: StoredActionItem, field: 'actionItems' },
  checkIns: { kind: 'checkin', label: 'check-in', schema: StoredCheckIn, field: 'checkIns' },
} as const satisfies Record<string, PartSpec>;

const PART_BY_KIND: ReadonlyMap<string, PartSpec> = new Map(Object.values(PARTS).map((p) => [p.kind, p]));

/** The part's rows in an aggregate, sorted by id as a partition read lists them. */
function rowsOf<T>(aggregate: RelationshipAggregate, spec: PartSpec): readonly T[] {
  if (spec.field === 'roadmap') return (aggregate.roadmap ? [aggregate.roadmap] : []) as unknown as readonly T[];
  return aggregate[spec.field] as unknown as readonly T[];
}

const rowKeyOf = (spec: PartSpec, id: string) => `${spec.kind}|${key(id)}`;

export interface AggregateCacheOptions {
  /** Aggregates kept per process (least recently used go first). */
  readonly maxEntries?: number;
  /** The longest an aggregate is served, even under an unchanged revision (a safety net, see above); each entry lives 75–100% of it. */
  readonly ttlMs?: number;
  /** Milliseconds since the epoch; for tests that age entries. */
  readonly now?: () => number;
}

/** A detail view is a few KB, so 10,000 of them stay in the tens of MB. */
const DEFAULT_MAX_AGGREGATES = 10_000;
const DEFAULT_AGGREGATE_TTL_MS = 60_000;
/** Checked writes that lost to a concurrent write try again this often before answering a conflict. */
const GUARDED_ATTEMPTS = 20;
const pause = (attempt: number) => new Promise<void>((resolve) => setTimeout(resolve, 2 + Math.random() * 10 * Math.min(attempt + 1, 8)));
/** Lifetimes spread over 45–60 s, so a warm-up's entries do not all refetch in the same second. */
const AGGREGATE_TTL_JITTER = 0.25;

/**
 * Writes to one relationship partition, each bumping the partition's revision. Shared by the
 * relationship row and all its parts, so every write path keeps the cache honest the same way.
 *
 * Writes carry this process's cached aggregate forward instead of dropping it. A write that finds
 * the partition cached guards its transaction on the revision the copy was kept under; if it lands,
 * nothing else was written in between, so the copy plus this write IS the partition now, kept under
 * the revision this write made. (Without this, a pair that keeps writing made every next read, and
 * every limit check, read and validate its whole partition: up to 1,000 action items, on the API's
 * one thread, while everyone else's reads waited.) If the guard fails, the partition moved on since
 * the copy was read: the write goes ahead unguarded, as before, and the copy is dropped.
 */
class RelationshipPartitionWriter {
  constructor(
    private readonly store: TableDocumentStore,
    private readonly cache: RevisionValidatedCache<RelationshipAggregate>,
  ) {}

  async insert(tenantId: string, relationshipId: string, rowKey: string, kind: string, label: string, doc: unknown): Promise<Result<string>> {
    return this.write(tenantId, relationshipId, { type: 'insert', rowKey, kind, value: doc }, label);
  }

  async replace(
    tenantId: string,
    relationshipId: string,
    rowKey: string,
    kind: string,
    label: string,
    doc: unknown,
    etag: string,
  ): Promise<Result<string>> {
    return this.write(tenantId, relationshipId, { type: 'replace', rowKey, kind, value: doc, etag }, label);
  }

  async delete(tenantId: string, relationshipId: string, rowKey: string, label: string, etag: string): Promise<Result<void>> {
    const partitionKey = tenantKeys.relationship(tenantId, relationshipId);
    const deleted = await this.store.delete(partitionKey, rowKey, label, etag);
    if (!deleted.ok) return deleted;
    this.cache.delete(partitionKey);
    // The delete has landed whatever happens here; a failed touch only leaves other processes'
    // copies to expire by TTL (documented at the top), so it must not turn success into an error.
    await this.store.transact(partitionKey, [touchRevision()], label);
    return ok(undefined);
  }

  /**
   * Writes `actions` only if `check` (run after the revision's ETag was read) accepts the partition
   * as it is, all in one transaction guarded by that ETag; a concurrent write makes it check again.
   * `check` is given this process's copy of the aggregate when it is current under that revision, so
   * a limit can be checked without listing the partition.
   */
  async guarded(
    tenantId: string,
    relationshipId: string,
    actions: readonly WriteAction[],
    label: string,
    check: (current: RelationshipAggregate | undefined) => Promise<Result<void>>,
  ): Promise<Result<Map<string, string>>> {
    const partitionKey = tenantKeys.relationship(tenantId, relationshipId);
    for (let attempt = 0; attempt < GUARDED_ATTEMPTS; attempt++) {
      if (attempt > 0) await pause(attempt);
      const revision = await readRevisionState(this.store, partitionKey);
      if (!revision.ok) return revision;
      const entry = this.cache.peek(partitionKey);
      const cached = entry && revision.value && entry.stamp === revision.value.stamp ? entry : undefined;
      const checked = await check(cached?.value);
      if (!checked.ok) return checked;
      const guard = guardRevision(revision.value?.etag);
      const written = await this.store.transact(partitionKey, [...actions, guard], label, { missing: 'not-found' });
      if (written.ok) {
        this.carryForward(partitionKey, cached, actions, guard, written.value);
        return written;
      }
      // The revision moved (412), or another writer created it first (409 with none read): check again.
      const lost = written.error.code === STORAGE_CONFLICT || (written.error.code === STORAGE_ALREADY_EXISTS && revision.value === undefined);
      if (!lost) return written;
    }
    return fail(STORAGE_CONFLICT, `Many changes reached this relationship at the same moment, so this ${label} was not saved. Try again.`);
  }

  private async write(tenantId: string, relationshipId: string, action: WriteAction, label: string): Promise<Result<string>> {
    const partitionKey = tenantKeys.relationship(tenantId, relationshipId);
    const cached = this.cache.peek(partitionKey);
    if (cached) {
      const guard = guardRevision(revisionEtagOf(cached.stamp));
      const written = await this.store.transact(partitionKey, [action, guard], label, { missing: 'not-found' });
      if (written.ok) {
        this.carryForward(partitionKey, cached, [action], guard, written.value);
        return ok(etagOf(written.value, action.rowKey));
      }
      // A conflict is the partition having moved on since the copy (or this write's own stale
      // version, which the unguarded write below answers the same way); anything else is the answer.
      if (written.error.code !== STORAGE_CONFLICT) return written;
    }
    const written = await this.store.transact(partitionKey, [action, touchRevision()], label, { missing: 'not-found' });
    if (!written.ok) return written;
    this.cache.delete(partitionKey);
    return ok(etagOf(written.value, action.rowKey));
  }

  /** Keeps `from` plus the written rows under the revision the write made, or drops the copy. */
  private carryForward(
    partitionKey: string,
    from: Entry<RelationshipAggregate> | undefined,
    actions: readonly WriteAction[],
    guard: WriteAction,
    etags: ReadonlyMap<string, string>,
  ): void {
    const revisionEtag = etags.get(REVISION_ROW);
    const next = from && revisionEtag !== undefined ? withWritten(from.value, actions, etags) : undefined;
    if (!from || !next || revisionEtag === undefined) {
      this.cache.delete(partitionKey);
      return;
    }
    this.cache.setDerived(partitionKey, from, revisionStamp(revisionEtag, nonceOf(guard)), next);
  }
}

/** The ETag part of a revision stamp (`{etag}|{nonce}`; a nonce is a UUID, so the last bar splits). */
function revisionEtagOf(stamp: string): string {
  return stamp.slice(0, stamp.lastIndexOf('|'));
}

/**
 * The aggregate after inserts and replaces of its rows, each row as a partition read would give it
 * back: the document through JSON and its schema, the ETag the write returned as its version. Any
 * other write (a delete, a row of no known kind, a document its schema refuses) gives undefined.
 */
function withWritten(
  aggregate: RelationshipAggregate,
  actions: readonly WriteAction[],
  etags: ReadonlyMap<string, string>,
): RelationshipAggregate | undefined {
  let next: RelationshipAggregate = aggregate;
  for (const action of actions) {
    if (action.type !== 'insert' && action.type !== 'replace') return undefined;
    const etag = etags.get(action.rowKey);
    if (etag === undefined) return undefined;
    if (action.rowKey === RELATIONSHIP_ROW) {
      const parsed = StoredRelationship.safeParse(JSON.parse(JSON.stringify(action.value)));
      if (!parsed.success) return undefined;
      next = { ...next, relationship: { ...parsed.data, version: etag } as Relationship };
      continue;
    }
    const spec = PART_BY_KIND.get(action.kind);
    if (!spec || !action.rowKey.startsWith(`${spec.kind}|`)) return undefined;
    const parsed = spec.schema.safeParse(JSON.parse(JSON.stringify(action.value)));
    if (!parsed.success) return undefined;
    const row = { ...(parsed.data as { id: string }), version: etag };
    if (spec.field === 'roadmap') {
      next = { ...next, roadmap: row as unknown as Roadmap };
      continue;
    }
    const rows = (next[spec.field] as readonly { id: string }[]).filter((r) => r.id !== row.id);
    const at = rows.findIndex((r) => byId(r, row) > 0);
    next = { ...next, [spec.field]: at === -1 ? [...rows, row] : [...rows.slice(0, at), row, ...rows.slice(at)] };
  }
  return next;
}

class TablePartRepository<T extends { readonly id: string; readonly version: string }> implements RelationshipPartRepository<T> {
  constructor(
    private readonly store: TableDocumentStore,
    private readonly writer: RelationshipPartitionWriter,
    private readonly spec: PartSpec,
  ) {}

  async list(tenantId: string, relationshipId: string): Promise<Result<T[]>> {
    const rows = await this.store.list(tenantKeys.relationship(tenantId, relationshipId), this.spec.schema, `${this.spec.kind}|`);
    if (!rows.ok) return rows;
    return ok(rows.value.map((r) => versioned<T>(r)).sort(byId));
  }

  async get(tenantId: string, relationshipId: string, id: string): Promise<Result<T>> {
    const row = await this.store.get(tenantKeys.relationship(tenantId, relationshipId), rowKeyOf(this.spec, id), this.spec.schema);
    return found<T>(row, this.spec.label);
  }

  /** The part's rows for a limit check: from the aggregate when it is current, else listed. */
  private async current(tenantId: string, relationshipId: string, cached: RelationshipAggregate | undefined): Promise<Result<readonly T[]>> {
    return cached ? ok(rowsOf<T>(cached, this.spec)) : this.list(tenantId, relationshipId);
  }

  async create(tenantId: string, relationshipId: string, item: Unversioned<T>): Promise<Result<T>> {
    const doc = withoutVersion(item);
    const written = await this.writer.insert(tenantId, relationshipId, rowKeyOf(this.spec, item.id), this.spec.kind, this.spec.label, doc);
    return written.ok ? ok({ ...doc, version: written.value } as unknown as T) : written;
  }

  async update(tenantId: string, relationshipId: string, item: Unversioned<T>, expectedVersion: string): Promise<Result<T>> {
    const doc = withoutVersion(item);
    const written = await this.writer.replace(
      tenantId,
      relationshipId,
      rowKeyOf(this.spec, item.id),
      this.spec.kind,
      this.spec.label,
      doc,
      expectedVersion,
    );
    return written.ok ? ok({ ...doc, version: written.value } as unknown as T) : written;
  }

  async delete(tenantId: string, relationshipId: string, id: string, expectedVersion: string): Promise<Result<void>> {
    return this.writer.delete(tenantId, relationshipId, rowKeyOf(this.spec, id), this.spec.label, expectedVersion);
  }

  async createWithin(
    tenantId: string,
    relationshipId: string,
    items: readonly Unversioned<T>[],
    allowed: (current: readonly T[]) => Result<void>,
  ): Promise<Result<T[]>> {
    const docs = items.map((item) => withoutVersion(item));
    const actions: WriteAction[] = items.map((item, i) => ({ type: 'insert', rowKey: rowKeyOf(this.spec, item.id), kind: this.spec.kind, value: docs[i] }));
    const written = await this.writer.guarded(tenantId, relationshipId, actions, this.spec.label, async (cached) => {
      const current = await this.current(tenantId, relationshipId, cached);
      return current.ok ? allowed(current.value) : current;
    });
    if (!written.ok) return written;
    return ok(items.map((item, i) => ({ ...docs[i], version: etagOf(written.value, rowKeyOf(this.spec, item.id)) }) as unknown as T));
  }

  async updateWithin(
    tenantId: string,
    relationshipId: string,
    item: Unversioned<T>,
    expectedVersion: string,
    allowed: (current: readonly T[]) => Result<void>,
  ): Promise<Result<T>> {
    if (isWildcardVersion(expectedVersion)) return wildcardVersionRefused();
    const doc = withoutVersion(item);
    const rowKey = rowKeyOf(this.spec, item.id);
    const action: WriteAction = { type: 'replace', rowKey, kind: this.spec.kind, value: doc, etag: expectedVersion };
    const written = await this.writer.guarded(tenantId, relationshipId, [action], this.spec.label, async (cached) => {
      const current = await this.current(tenantId, relationshipId, cached);
      if (!current.ok) return current;
      // A stale version is the caller's conflict, not a lost race: answer it instead of retrying.
      const stored = current.value.find((c) => c.id === item.id);
      if (!stored) return fail(STORAGE_NOT_FOUND, `No ${this.spec.label} with that id.`);
      if (stored.version !== expectedVersion) return fail(STORAGE_CONFLICT, `This ${this.spec.label} was changed by someone else since you loaded it. Reload it and apply your change again.`);
      return allowed(current.value);
    });
    return written.ok ? ok({ ...doc, version: etagOf(written.value, rowKey) } as unknown as T) : written;
  }
}

function etagOf(etags: ReadonlyMap<string, string>, rowKey: string): string {
  const etag = etags.get(rowKey);
  if (etag === undefined) throw new Error(`The store answered the write of ${rowKey} without an ETag`);
  return etag;
}

export class TableRelationshipRepository implements RelationshipRepository {
  readonly agreementVersions: RelationshipPartRepository<AgreementVersion>;
  readonly goals: RelationshipPartRepository<Goal>;
  readonly roadmaps: RelationshipPartRepository<Roadmap>;
  readonly meetings: RelationshipPartRepository<Meeting>;
  readonly actionItems: RelationshipPartRepository<ActionItem>;
  readonly checkIns: RelationshipPartRepository<CheckIn>;

  private readonly aggregates: RevisionValidatedCache<RelationshipAggregate>;
  private readonly writer: RelationshipPartitionWriter;

  constructor(
    private readonly store: TableDocumentStore,
    cacheOptions: AggregateCacheOptions = {},
  ) {
    this.aggregates = new RevisionValidatedCache({
      maxEntries: cacheOptions.maxEntries ?? DEFAULT_MAX_AGGREGATES,
      ttlMs: cacheOptions.ttlMs ?? DEFAULT_AGGREGATE_TTL_MS,
      ttlJitter: AGGREGATE_TTL_JITTER,
      ...(cacheOptions.now ? { now: cacheOptions.now } : {}),
    });
    this.writer = new RelationshipPartitionWriter(store, this.aggregates);
    this.agreementVersions = new TablePartRepository(store, this.writer, PARTS.agreementVersions);
    this.goals = new TablePartRepository(store, this.writer, PARTS.goals);
    this.roadmaps = new TablePartRepository(store, this.writer, PARTS.roadmaps);
    this.meetings = new TablePartRepository(store, this.writer, PARTS.meetings);
    this.actionItems = new TablePartRepository(store, this.writer, PARTS.actionItems);
    this.checkIns = new TablePartRepository(store, this.writer, PARTS.checkIns);
  }

  /** How many aggregates this process holds (for tests of the bound). */
  get cachedAggregates(): number {
    return this.aggregates.size;
  }

  async get(tenantId: string, relationshipId: string): Promise<Result<Relationship>> {
    const row = await this.store.get(tenantKeys.relationship(tenantId, relationshipId), RELATIONSHIP_ROW, StoredRelationship);
    return found<Relationship>(row, 'relationship');
  }

  async listForPerson(tenantId: string, personId: string): Promise<Result<Relationship[]>> {
    const index = await this.store.list(tenantKeys.person(tenantId, personId), StoredMembership, INDEX_PREFIX);
    if (!index.ok) return index;
    const loaded = await Promise.all(index.value.map((row) => this.get(tenantId, row.value.id)));
    const relationships: Relationship[] = [];
    for (const result of loaded) {
      if (result.ok) relationships.push(result.value);
      else if (result.error.code !== STORAGE_NOT_FOUND) return result;
    }
    return ok(
      relationships
        .filter((r) => r.mentorId === personId || r.menteeId === personId)
        .sort((a, b) => a.startedAt - b.startedAt || byId(a, b)),
    );
  }

  async create(tenantId: string, relationship: Unversioned<Relationship>): Promise<Result<Relationship>> {
    for (const personId of new Set([relationship.mentorId, relationship.menteeId])) {
      const indexed = await this.store.upsert(
        tenantKeys.person(tenantId, personId),
        `${INDEX_PREFIX}${key(relationship.id)}`,
        'relationship-index',
        { id: relationship.id },
      );
      if (!indexed.ok) return indexed;
    }
    const doc = withoutVersion(relationship);
    const written = await this.writer.insert(tenantId, relationship.id, RELATIONSHIP_ROW, 'relationship', 'relationship', doc);
    return written.ok ? ok({ ...doc, version: written.value } as Relationship) : written;
  }

  async update(tenantId: string, relationship: Unversioned<Relationship>, expectedVersion: string): Promise<Result<Relationship>> {
    const doc = withoutVersion(relationship);
    const written = await this.writer.replace(tenantId, relationship.id, RELATIONSHIP_ROW, 'relationship', 'relationship', doc, expectedVersion);
    return written.ok ? ok({ ...doc, version: written.value } as Relationship) : written;
  }

  /**
   * One point read of the revision when this process already holds the aggregate under it; the
   * partition query otherwise (and for partitions written before revisions, which are not cached).
   */
  async getAggregate(tenantId: string, relationshipId: string): Promise<Result<RelationshipAggregate>> {
    const partitionKey = tenantKeys.relationship(tenantId, relationshipId);
    const revision = await readRevision(this.store, partitionKey);
    if (!revision.ok) return revision;
    if (revision.value !== undefined) {
      const cached = this.aggregates.get(partitionKey, revision.value);
      if (cached) return ok(cached);
    }
    const aggregate = await this.queryAggregate(partitionKey);
    if (aggregate.ok && revision.value !== undefined) this.aggregates.set(partitionKey, revision.value, aggregate.value);
    return aggregate;
  }

  private async queryAggregate(partitionKey: string): Promise<Result<RelationshipAggregate>> {
    const rows = await this.store.listMixed(partitionKey, {
      relationship: StoredRelationship,
      ...Object.fromEntries(Object.values(PARTS).map((p) => [p.kind, p.schema])),
    });
    if (!rows.ok) return rows;
    const ofKind = <T extends { id: string }>(kind: string): T[] =>
      rows.value.filter((r) => kindOf(r) === kind).map((r) => versioned<T>(r)).sort(byId);
    const relationshipRow = rows.value.find((r) => r.rowKey === RELATIONSHIP_ROW);
    if (!relationshipRow) return fail(STORAGE_NOT_FOUND, 'No relationship with that id.');
    const roadmap = ofKind<Roadmap>(PARTS.roadmaps.kind)[0];
    return ok({
      relationship: versioned<Relationship>(relationshipRow),
      agreementVersions: ofKind<AgreementVersion>(PARTS.agreementVersions.kind),
      goals: ofKind<Goal>(PARTS.goals.kind),
      ...(roadmap ? { roadmap } : {}),
      meetings: ofKind<Meeting>(PARTS.meetings.kind),
      actionItems: ofKind<ActionItem>(PARTS.actionItems.kind),
      checkIns: ofKind<CheckIn>(PARTS.checkIns.kind),
    });
  }
}

/** Row keys are `{kind}|{id}` (or `relationship`), so the kind is the part before the first `|`. */
function kindOf(row: StoredDocument<unknown>): string {
  const bar = row.rowKey.indexOf('|');
  return bar === -1 ? row.rowKey : row.rowKey.slice(0, bar);
}
