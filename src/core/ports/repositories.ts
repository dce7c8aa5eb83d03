import { fail, type Result } from '../result';
import type { Profile } from '../profiles/profile';
import type { MentoringRequest } from '../requests/mentoring-request';
import type { Relationship, RelationshipAggregate } from '../relationships/relationship';
import type { AgreementVersion } from '../relationships/agreement-version';
import type { Meeting } from '../relationships/meeting';
import type { Goal } from '../goals/goal';
import type { Roadmap } from '../roadmap/roadmap';
import type { ActionItem } from '../actions/action-item';
import type { CheckIn } from '../checkins/check-in';

/**
 * The storage ports of the mentoring domain.
 *
 * - Every method takes `tenantId` first; adapters key all data by it (the partition), so one
 *   tenant's calls can never reach another's rows. Entities carry no tenant field.
 * - Every stored entity carries an opaque `version` (the ETag). Writes take the entity without its
 *   version; `update`/`delete` take the version the caller read, and a stale one fails with
 *   `STORAGE.CONFLICT` — a concurrent write is never silently lost. "*" is refused
 *   (`STORAGE.VERSION_WILDCARD`): there is no unconditional update or delete. Successful writes return the
 *   entity with its new version.
 * - Expected storage failures are values: `STORAGE.NOT_FOUND`, `STORAGE.ALREADY_EXISTS`,
 *   `STORAGE.CONFLICT`. Anything else (the store is down) is `STORAGE.UNAVAILABLE`.
 * - Lists come back in a stable order (documented per method); callers do not rely on more.
 */
export const STORAGE_NOT_FOUND = 'STORAGE.NOT_FOUND';
export const STORAGE_ALREADY_EXISTS = 'STORAGE.ALREADY_EXISTS';
export const STORAGE_CONFLICT = 'STORAGE.CONFLICT';
export const STORAGE_UNAVAILABLE = 'STORAGE.UNAVAILABLE';

/**
 * "*" (If-Match: any) would turn an update or delete into an unconditional write that overwrites a
 * partner's change unseen. No port takes it: a caller presents the version it read.
 */
export function isWildcardVersion(sent: string): boolean {
  const bare = sent.trim().replace(/^W\//, '');
  return bare === '*' || bare === '"*"';
}

export const wildcardVersionRefused = () =>
  fail('STORAGE.VERSION_WILDCARD', '"*" is not a version. Send the version you loaded, so that no one’s change is overwritten unseen.', {
    field: 'version',
  });

/** An entity as written: the store assigns the version. */
export type Unversioned<T extends { readonly version: string }> = Omit<T, 'version'>;

export interface ProfileRepository {
  /** `STORAGE.NOT_FOUND` when the person has no profile yet. */
  get(tenantId: string, userId: string): Promise<Result<Profile>>;
  /** Every profile in the tenant, ordered by userId. Used for mentor search and suggestions. */
  list(tenantId: string): Promise<Result<Profile[]>>;
  /** `STORAGE.ALREADY_EXISTS` when the person already has one. */
  create(tenantId: string, profile: Unversioned<Profile>): Promise<Result<Profile>>;
  update(tenantId: string, profile: Unversioned<Profile>, expectedVersion: string): Promise<Result<Profile>>;
}

export interface RequestRepository {
  get(tenantId: string, requestId: string): Promise<Result<MentoringRequest>>;
  /** Requests where the person is the mentee or the mentor, ordered by createdAt then id. */
  listForPerson(tenantId: string, personId: string): Promise<Result<MentoringRequest[]>>;
  create(tenantId: string, request: Unversioned<MentoringRequest>): Promise<Result<MentoringRequest>>;
  update(tenantId: string, request: Unversioned<MentoringRequest>, expectedVersion: string): Promise<Result<MentoringRequest>>;
}

/**
 * One kind of child entity of a relationship (goals, action items, …), stored alongside the
 * relationship (same partition). Ids are unique within the relationship.
 */
export interface RelationshipPartRepository<T extends { readonly id: string; readonly version: string }> {
  /** Ordered by id. */
  list(tenantId: string, relationshipId: string): Promise<Result<T[]>>;
  get(tenantId: string, relationshipId: string, id: string): Promise<Result<T>>;
  create(tenantId: string, relationshipId: string, item: Unversioned<T>): Promise<Result<T>>;
  update(tenantId: string, relationshipId: string, item: Unversioned<T>, expectedVersion: string): Promise<Result<T>>;
  delete(tenantId: string, relationshipId: string, id: string, expectedVersion: string): Promise<Result<void>>;
  /**
   * Creates `items` (all or none) only if `allowed` accepts this kind's items as they are at the
   * moment of the write: the check and the write are one atomic step, so concurrent calls cannot
   * together pass a limit that has room for fewer of them (a growth limit holds exactly). `allowed`
   * may be called more than once (the store retries when the relationship changed meanwhile); its
   * refusal is returned as it is and nothing is written.
   */
  createWithin(tenantId: string, relationshipId: string, items: readonly Unversioned<T>[], allowed: (current: readonly T[]) => Result<void>): Promise<Result<T[]>>;
  /** `update`, with `allowed` checked atomically with the write as in `createWithin` (e.g. reopening an item counts against a limit). */
  updateWithin(
    tenantId: string,
    relationshipId: string,
    item: Unversioned<T>,
    expectedVersion: string,
    allowed: (current: readonly T[]) => Result<void>,
  ): Promise<Result<T>>;
}

export interface RelationshipRepository {
  get(tenantId: string, relationshipId: string): Promise<Result<Relationship>>;
  /** Relationships where the person is the mentor or the mentee, ordered by startedAt then id. */
  listForPerson(tenantId: string, personId: string): Promise<Result<Relationship[]>>;
  create(tenantId: string, relationship: Unversioned<Relationship>): Promise<Result<Relationship>>;
  update(tenantId: string, relationship: Unversioned<Relationship>, expectedVersion: string): Promise<Result<Relationship>>;
  /** The relationship with all of its parts (each list ordered as in its part repository). */
  getAggregate(tenantId: string, relationshipId: string): Promise<Result<RelationshipAggregate>>;

  /** Ids from `agreementVersionId(n)`; creating an existing number fails with ALREADY_EXISTS. */
  readonly agreementVersions: RelationshipPartRepository<AgreementVersion>;
  readonly goals: RelationshipPartRepository<Goal>;
  /** At most one item, with id ROADMAP_ID. */
  readonly roadmaps: RelationshipPartRepository<Roadmap>;
  readonly meetings: RelationshipPartRepository<Meeting>;
  readonly actionItems: RelationshipPartRepository<ActionItem>;
  /** Ids from `checkInId(meetingId, authorId)`. */
  readonly checkIns: RelationshipPartRepository<CheckIn>;
}

/** Every domain port a use case may need, bundled so that hosts wire them once. */
export interface MentoringRepositories {
  readonly profiles: ProfileRepository;
  readonly requests: RequestRepository;
  readonly relationships: RelationshipRepository;
}
