/**
 * Decorates the meetings part repository so that every meeting stored or moved is also in the
 * meeting-moment index the bot's planning timer reads (its end, nudge and reminder moments). The
 * index rows are written BEFORE the meeting: if the meeting write then fails, the rows are stale and
 * the timer skips them (it checks the meeting's current times and status); the other order could
 * store a meeting the timer never finds.
 */
import type { Meeting } from '../../core/relationships/meeting';
import { fail, type Result } from '../../core/result';
import {
  STORAGE_UNAVAILABLE,
  type MentoringRepositories,
  type RelationshipPartRepository,
  type RelationshipRepository,
  type Unversioned,
} from '../../core/ports/repositories';
import type { MeetingMomentRecorder } from './table-meeting-moment-index';

export class MeetingMomentIndexedMeetings implements RelationshipPartRepository<Meeting> {
  constructor(
    private readonly inner: RelationshipPartRepository<Meeting>,
    private readonly index: MeetingMomentRecorder,
  ) {}

  list(tenantId: string, relationshipId: string): Promise<Result<Meeting[]>> {
    return this.inner.list(tenantId, relationshipId);
  }

  get(tenantId: string, relationshipId: string, id: string): Promise<Result<Meeting>> {
    return this.inner.get(tenantId, relationshipId, id);
  }

  async create(tenantId: string, relationshipId: string, item: Unversioned<Meeting>): Promise<Result<Meeting>> {
    const indexed = await this.indexed(tenantId, relationshipId, item);
    return indexed ?? this.inner.create(tenantId, relationshipId, item);
  }

  async update(tenantId: string, relationshipId: string, item: Unversioned<Meeting>, expectedVersion: string): Promise<Result<Meeting>> {
    const indexed = await this.indexed(tenantId, relationshipId, item);
    return indexed ?? this.inner.update(tenantId, relationshipId, item, expectedVersion);
  }

  delete(tenantId: string, relationshipId: string, id: string, expectedVersion: string): Promise<Result<void>> {
    // The row left behind is stale; the timer finds no meeting and skips it.
    return this.inner.delete(tenantId, relationshipId, id, expectedVersion);
  }

  async createWithin(
    tenantId: string,
    relationshipId: string,
    items: readonly Unversioned<Meeting>[],
    allowed: (current: readonly Meeting[]) => Result<void>,
  ): Promise<Result<Meeting[]>> {
    for (const item of items) {
      const indexed = await this.indexed(tenantId, relationshipId, item);
      if (indexed) return indexed;
    }
    return this.inner.createWithin(tenantId, relationshipId, items, allowed);
  }

  async updateWithin(
    tenantId: string,
    relationshipId: string,
    item: Unversioned<Meeting>,
    expectedVersion: string,
    allowed: (current: readonly Meeting[]) => Result<void>,
  ): Promise<Result<Meeting>> {
    const indexed = await this.indexed(tenantId, relationshipId, item);
    return indexed ?? this.inner.updateWithin(tenantId, relationshipId, item, expectedVersion, allowed);
  }

  /** Undefined when indexed (or nothing to index), a failure to return otherwise. */
  private async indexed(tenantId: string, relationshipId: string, meeting: Unversioned<Meeting>): Promise<Result<never> | undefined> {
    // A cancelled meeting never gets a check-in; its earlier row (if any) is skipped by the timer.
    if (meeting.status === 'cancelled') return undefined;
    try {
      await this.index.record(tenantId, relationshipId, meeting);
      return undefined;
    } catch {
      return fail(STORAGE_UNAVAILABLE, 'Storage did not answer while the meeting was being saved, so it may be only partly recorded. Reload in a minute to check, then try again.');
    }
  }
}

/** The same repositories with the meetings part indexed by its moments; everything else passes through. */
export function withMeetingMomentIndex(repositories: MentoringRepositories, index: MeetingMomentRecorder): MentoringRepositories {
  const relationships = repositories.relationships;
  const meetings = new MeetingMomentIndexedMeetings(relationships.meetings, index);
  const decorated: RelationshipRepository = {
    get: (...args) => relationships.get(...args),
    listForPerson: (...args) => relationships.listForPerson(...args),
    create: (...args) => relationships.create(...args),
    update: (...args) => relationships.update(...args),
    getAggregate: (...args) => relationships.getAggregate(...args),
    agreementVersions: relationships.agreementVersions,
    goals: relationships.goals,
    roadmaps: relationships.roadmaps,
    meetings,
    actionItems: relationships.actionItems,
    checkIns: relationships.checkIns,
  };
  return { ...repositories, relationships: decorated };
}
