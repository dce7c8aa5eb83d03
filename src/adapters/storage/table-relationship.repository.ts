/**
 * A relationship and everything in it live in ONE partition (t|{tenant}|rel|{id}): the relationship
 * row, agreement versions, goals, the roadmap, meetings, action items and check-ins. The detail view
 * is then a single partition query, and writes that span several of them can be one transaction.
 * "My relationships" comes from index rows in each member's person partition, written before the
 * relationship itself (members never change, so the index never needs updating).
 */
import { fail, ok, type Result } from '../../core/result';
import {
  STORAGE_NOT_FOUND,
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
import type { StoredDocument, TableDocumentStore } from './table-document-store';
import { key, tenantKeys } from './table-keys';

const RELATIONSHIP_ROW = 'relationship';
const INDEX_PREFIX = 'rel|';

interface PartSpec {
  /** Stored as the row's kind and as the row-key prefix. */
  readonly kind: string;
  /** How the part is named in messages. */
  readonly label: string;
  readonly schema: Schema<unknown>;
}

const PARTS = {
  agreementVersions: { kind: 'agreement', label: 'agreement version', schema: StoredAgreementVersion },
  goals: { kind: 'goal', label: 'goal', schema: StoredGoal },
  roadmaps: { kind: 'roadmap', label: 'roadmap', schema: StoredRoadmap },
  meetings: { kind: 'meeting', label: 'meeting', schema: StoredMeeting },
  actionItems: { kind: 'action', label: 'action item', schema: StoredActionItem },
  checkIns: { kind: 'checkin', label: 'check-in', schema: StoredCheckIn },
} as const satisfies Record<string, PartSpec>;

const rowKeyOf = (spec: PartSpec, id: string) => `${spec.kind}|${key(id)}`;

class TablePartRepository<T extends { readonly id: string; readonly version: string }> implements RelationshipPartRepository<T> {
  constructor(
    private readonly store: TableDocumentStore,
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

  async create(tenantId: string, relationshipId: string, item: Unversioned<T>): Promise<Result<T>> {
    const doc = withoutVersion(item);
    const written = await this.store.insert(tenantKeys.relationship(tenantId, relationshipId), rowKeyOf(this.spec, item.id), this.spec.kind, doc);
    return written.ok ? ok({ ...doc, version: written.value.etag } as unknown as T) : written;
  }

  async update(tenantId: string, relationshipId: string, item: Unversioned<T>, expectedVersion: string): Promise<Result<T>> {
    const doc = withoutVersion(item);
    const written = await this.store.replace(
      tenantKeys.relationship(tenantId, relationshipId),
      rowKeyOf(this.spec, item.id),
      this.spec.kind,
      doc,
      expectedVersion,
    );
    return written.ok ? ok({ ...doc, version: written.value.etag } as unknown as T) : written;
  }

  async delete(tenantId: string, relationshipId: string, id: string, expectedVersion: string): Promise<Result<void>> {
    return this.store.delete(tenantKeys.relationship(tenantId, relationshipId), rowKeyOf(this.spec, id), this.spec.label, expectedVersion);
  }
}

export class TableRelationshipRepository implements RelationshipRepository {
  readonly agreementVersions: RelationshipPartRepository<AgreementVersion>;
  readonly goals: RelationshipPartRepository<Goal>;
  readonly roadmaps: RelationshipPartRepository<Roadmap>;
  readonly meetings: RelationshipPartRepository<Meeting>;
  readonly actionItems: RelationshipPartRepository<ActionItem>;
  readonly checkIns: RelationshipPartRepository<CheckIn>;

  constructor(private readonly store: TableDocumentStore) {
    this.agreementVersions = new TablePartRepository(store, PARTS.agreementVersions);
    this.goals = new TablePartRepository(store, PARTS.goals);
    this.roadmaps = new TablePartRepository(store, PARTS.roadmaps);
    this.meetings = new TablePartRepository(store, PARTS.meetings);
    this.actionItems = new TablePartRepository(store, PARTS.actionItems);
    this.checkIns = new TablePartRepository(store, PARTS.checkIns);
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
    const written = await this.store.insert(tenantKeys.relationship(tenantId, relationship.id), RELATIONSHIP_ROW, 'relationship', doc);
    return written.ok ? ok({ ...doc, version: written.value.etag } as Relationship) : written;
  }

  async update(tenantId: string, relationship: Unversioned<Relationship>, expectedVersion: string): Promise<Result<Relationship>> {
    const doc = withoutVersion(relationship);
    const written = await this.store.replace(tenantKeys.relationship(tenantId, relationship.id), RELATIONSHIP_ROW, 'relationship', doc, expectedVersion);
    return written.ok ? ok({ ...doc, version: written.value.etag } as Relationship) : written;
  }

  async getAggregate(tenantId: string, relationshipId: string): Promise<Result<RelationshipAggregate>> {
    const rows = await this.store.listMixed(tenantKeys.relationship(tenantId, relationshipId), {
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
