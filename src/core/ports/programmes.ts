import type { Result } from '../result';
import type { Unversioned } from './repositories';
import type { Programme, ProgrammeCohort, ProgrammeMember } from '../programmes/programme';
import type { PairFacts, ProgrammeHealth } from '../programmes/programme-health';

/**
 * Programmes and their members, per tenant (same rules as the other storage ports: `tenantId`
 * first, versions are ETags, stale writes are `STORAGE.CONFLICT`, misses are `STORAGE.NOT_FOUND`).
 */
export interface ProgrammeRepository {
  get(tenantId: string, programmeId: string): Promise<Result<Programme>>;
  /** Every programme of the tenant, ordered by createdAt then id (a tenant runs tens, not thousands). */
  list(tenantId: string): Promise<Result<Programme[]>>;
  create(tenantId: string, programme: Unversioned<Programme>): Promise<Result<Programme>>;
  update(tenantId: string, programme: Unversioned<Programme>, expectedVersion: string): Promise<Result<Programme>>;
  /** `STORAGE.NOT_FOUND` when the person has not joined. */
  getMember(tenantId: string, programmeId: string, personId: string): Promise<Result<ProgrammeMember>>;
  /** Ordered by personId. */
  listMembers(tenantId: string, programmeId: string): Promise<Result<ProgrammeMember[]>>;
  /** Insert (no version) or update (the version read). */
  saveMember(tenantId: string, programmeId: string, member: Unversioned<ProgrammeMember>, expectedVersion?: string): Promise<Result<ProgrammeMember>>;
  /** Every programme of every tenant (for timers; never on a request). */
  listAll(): Promise<Result<{ readonly tenantId: string; readonly programmeId: string }[]>>;
  /** The current cohort matches; `STORAGE.NOT_FOUND` before the first suggestion. */
  getCohort(tenantId: string, programmeId: string): Promise<Result<ProgrammeCohort>>;
  /** Insert (no version) or replace (the version read). */
  saveCohort(tenantId: string, programmeId: string, cohort: Unversioned<ProgrammeCohort>, expectedVersion?: string): Promise<Result<ProgrammeCohort>>;
}

/** Entra ID groups, read through Graph (`GET /groups/{id}/transitiveMembers`, nested groups flattened). */
export interface GroupDirectory {
  /**
   * Whether the person is a member of the group, directly or through nested groups.
   * `PROGRAMME.GROUP_NOT_FOUND` when the group does not exist in the tenant.
   */
  isMember(groupId: string, personId: string): Promise<Result<boolean>>;
  /** The user ids of every member (nested groups flattened; devices, contacts and groups left out). */
  userIds(groupId: string): Promise<Result<string[]>>;
}

/** A pair the owner should look at: names and facts, never anything the pair wrote. */
export type AtRiskPair = Pick<PairFacts, 'relationshipId' | 'menteeId' | 'mentorId' | 'menteeName' | 'mentorName' | 'stage' | 'risks' | 'lastHeldAt' | 'asOf'>;

/**
 * A programme's health, kept as pairs change: one counters row and one row per pair (and per pair at
 * risk) in the programme's partition. Reading the dashboard is one point read and one bounded range
 * read, whatever the programme's size.
 */
export interface ProgrammeHealthStore {
  /** The counters (undefined before the programme's first pair) and the first `limit` pairs at risk (by relationship id). */
  read(tenantId: string, programmeId: string, limit: number): Promise<Result<{ readonly health: ProgrammeHealth | undefined; readonly atRisk: readonly AtRiskPair[] }>>;
  /** The pair's facts as last recorded; undefined before its first. */
  getPair(tenantId: string, programmeId: string, relationshipId: string): Promise<Result<PairFacts | undefined>>;
  /**
   * Replaces the pair's facts and moves the counters by the difference in one atomic write
   * (re-reading and retrying when another pair's write moved the counters meanwhile). Recording the
   * same facts again changes nothing.
   */
  recordPair(tenantId: string, programmeId: string, facts: PairFacts): Promise<Result<void>>;
  /** Every pair's recorded facts (for the timer that re-reads the time-based risks; never on a request). */
  listPairs(tenantId: string, programmeId: string): Promise<Result<PairFacts[]>>;
}
