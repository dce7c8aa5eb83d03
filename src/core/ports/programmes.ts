import type { Result } from '../result';
import type { Unversioned } from './repositories';
import type { Programme, ProgrammeCohort, ProgrammeMember } from '../programmes/programme';

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
