/**
 * Keeps programme health as things happen: after any write to a programme pair's relationship,
 * meetings, check-ins or goals succeeds, the pair's facts are read again from its aggregate (one
 * partition query) and recorded, which moves the programme's counters by the difference. Every
 * write path (the API, the bot, the sync timers) goes through these repositories, so none is missed;
 * because facts are re-derived rather than counted per event, a retried or repeated write counts
 * once, and a recording that failed is made good by the pair's next write (and by the daily timer).
 * Relationships outside programmes cost nothing beyond the first lookup of their programme id.
 * A programme's request (published as an invitation to accept) is a pair waiting for its answer
 * until the relationship of the same id is made: recorded when it is written, so a request
 * unanswered for seven days reaches the at-risk list (through the hourly timer's re-reading).
 */
import type { MentoringRepositories, RelationshipPartRepository, RelationshipRepository } from '../../core/ports/repositories';
import type { ProgrammeHealthStore } from '../../core/ports/programmes';
import { pairFacts, requestFacts } from '../../core/programmes/programme-health';
import type { MentoringRequest } from '../../core/requests/mentoring-request';
import type { Result } from '../../core/result';

export interface HealthRecordingOptions {
  readonly health: ProgrammeHealthStore;
  readonly now: () => number;
  /** A recording that failed (the write itself stands); logged by the host. */
  readonly onError: (message: string, fields: Record<string, unknown>) => void;
}

export class ProgrammeHealthRecorder {
  /** relationship → its programme (null: none). A relationship's programme never changes after it is made. */
  private readonly programmeOf = new Map<string, string | null>();

  constructor(
    private readonly repositories: MentoringRepositories,
    private readonly options: HealthRecordingOptions,
  ) {}

  remember(tenantId: string, relationshipId: string, programmeId: string | undefined): void {
    this.programmeOf.set(`${tenantId}|${relationshipId}`, programmeId ?? null);
  }

  /** Records the pair's facts now; never fails the caller. */
  async refresh(tenantId: string, relationshipId: string): Promise<void> {
    try {
      const cacheKey = `${tenantId}|${relationshipId}`;
      let programmeId = this.programmeOf.get(cacheKey);
      if (programmeId === undefined) {
        const relationship = await this.repositories.relationships.get(tenantId, relationshipId);
        if (!relationship.ok) return;
        programmeId = relationship.value.programmeId ?? null;
        this.programmeOf.set(cacheKey, programmeId);
      }
      if (programmeId === null) return;
      const result = await this.record(tenantId, programmeId, relationshipId);
      if (!result.ok) this.options.onError('programme health not recorded', { tenantId, programmeId, relationshipId, code: result.error.code });
    } catch (error) {
      this.options.onError('programme health not recorded', { tenantId, relationshipId, reason: error instanceof Error ? error.message : String(error) });
    }
  }

  /**
   * A programme's request, open or answered: its facts until the relationship of the same id exists
   * (an accepted request records nothing here; the relationship's creation does). Never fails the caller.
   */
  async refreshRequest(tenantId: string, request: MentoringRequest): Promise<void> {
    if (!request.programmeId || request.status === 'accepted') return;
    try {
      const known = await this.options.health.getPair(tenantId, request.programmeId, request.id);
      if (!known.ok) throw new Error(known.error.code);
      // A relationship of this id was recorded already (accepted meanwhile): it speaks for the pair.
      if (known.value && !known.value.awaitingAnswer && known.value.stage !== 'closed') return;
      let names = known.value ? { mentee: known.value.menteeName, mentor: known.value.mentorName } : undefined;
      if (!names) {
        const [mentee, mentor] = await Promise.all([this.repositories.profiles.get(tenantId, request.menteeId), this.repositories.profiles.get(tenantId, request.mentorId)]);
        names = { mentee: mentee.ok ? mentee.value.displayName : 'Former colleague', mentor: mentor.ok ? mentor.value.displayName : 'Former colleague' };
      }
      const recorded = await this.options.health.recordPair(tenantId, request.programmeId, requestFacts(request, names, this.options.now()));
      if (!recorded.ok) this.options.onError('programme health not recorded', { tenantId, programmeId: request.programmeId, requestId: request.id, code: recorded.error.code });
    } catch (error) {
      this.options.onError('programme health not recorded', { tenantId, requestId: request.id, reason: error instanceof Error ? error.message : String(error) });
    }
  }

  private async record(tenantId: string, programmeId: string, relationshipId: string): Promise<Result<void>> {
    const [aggregate, known] = await Promise.all([this.repositories.relationships.getAggregate(tenantId, relationshipId), this.options.health.getPair(tenantId, programmeId, relationshipId)]);
    if (!aggregate.ok) return aggregate;
    if (!known.ok) return known;
    const { menteeId, mentorId } = aggregate.value.relationship;
    let names = known.value ? { mentee: known.value.menteeName, mentor: known.value.mentorName } : undefined;
    if (!names) {
      const [mentee, mentor] = await Promise.all([this.repositories.profiles.get(tenantId, menteeId), this.repositories.profiles.get(tenantId, mentorId)]);
      names = { mentee: mentee.ok ? mentee.value.displayName : 'Former colleague', mentor: mentor.ok ? mentor.value.displayName : 'Former colleague' };
    }
    return this.options.health.recordPair(tenantId, programmeId, pairFacts(aggregate.value, names, this.options.now()));
  }
}

type Part<T extends { readonly id: string; readonly version: string }> = RelationshipPartRepository<T>;

/** The part repository with the pair's facts recorded after every successful write. */
function recording<T extends { readonly id: string; readonly version: string }>(inner: Part<T>, recorder: ProgrammeHealthRecorder): Part<T> {
  const after = async <R>(tenantId: string, relationshipId: string, result: Result<R>): Promise<Result<R>> => {
    if (result.ok) await recorder.refresh(tenantId, relationshipId);
    return result;
  };
  return {
    list: (...args) => inner.list(...args),
    get: (...args) => inner.get(...args),
    create: async (t, r, item) => after(t, r, await inner.create(t, r, item)),
    update: async (t, r, item, v) => after(t, r, await inner.update(t, r, item, v)),
    delete: async (t, r, id, v) => after(t, r, await inner.delete(t, r, id, v)),
    createWithin: async (t, r, items, allowed) => after(t, r, await inner.createWithin(t, r, items, allowed)),
    updateWithin: async (t, r, item, v, allowed) => after(t, r, await inner.updateWithin(t, r, item, v, allowed)),
  };
}

/** The same repositories, with programme health recorded on every write that can change a pair's facts. */
export function withProgrammeHealth(repositories: MentoringRepositories, options: HealthRecordingOptions): MentoringRepositories {
  const recorder = new ProgrammeHealthRecorder(repositories, options);
  const relationships = repositories.relationships;
  const decorated: RelationshipRepository = {
    get: (...args) => relationships.get(...args),
    listForPerson: (...args) => relationships.listForPerson(...args),
    create: async (tenantId, relationship) => {
      const created = await relationships.create(tenantId, relationship);
      if (created.ok) {
        recorder.remember(tenantId, created.value.id, created.value.programmeId);
        await recorder.refresh(tenantId, created.value.id);
      }
      return created;
    },
    update: async (tenantId, relationship, expectedVersion) => {
      const updated = await relationships.update(tenantId, relationship, expectedVersion);
      if (updated.ok) await recorder.refresh(tenantId, updated.value.id);
      return updated;
    },
    getAggregate: (...args) => relationships.getAggregate(...args),
    agreementVersions: relationships.agreementVersions,
    goals: recording(relationships.goals, recorder),
    roadmaps: relationships.roadmaps,
    meetings: recording(relationships.meetings, recorder),
    actionItems: relationships.actionItems,
    checkIns: recording(relationships.checkIns, recorder),
  };
  const requests = repositories.requests;
  const decoratedRequests: MentoringRepositories['requests'] = {
    get: (...args) => requests.get(...args),
    listForPerson: (...args) => requests.listForPerson(...args),
    create: async (tenantId, request) => {
      const created = await requests.create(tenantId, request);
      if (created.ok) await recorder.refreshRequest(tenantId, created.value);
      return created;
    },
    update: async (tenantId, request, expectedVersion) => {
      const updated = await requests.update(tenantId, request, expectedVersion);
      if (updated.ok) await recorder.refreshRequest(tenantId, updated.value);
      return updated;
    },
  };
  return { ...repositories, relationships: decorated, requests: decoratedRequests };
}
