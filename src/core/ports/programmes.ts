import type { Result } from '../result';
import type { Unversioned } from './repositories';
import type { Programme, ProgrammeCohort, ProgrammeMember } from '../programmes/programme';
import type { PairFacts, ProgrammeHealth } from '../programmes/programme-health';
import type { Announcement, CampaignProgress, PairNudge } from '../programmes/campaign';
import type { Instant } from '../time/interval';

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
  /** `STORAGE.NOT_FOUND` when there is none with that id. */
  getAnnouncement(tenantId: string, programmeId: string, announcementId: string): Promise<Result<Announcement>>;
  /** Insert only: `STORAGE.ALREADY_EXISTS` when the id is taken (a retry of the same announcement). */
  createAnnouncement(tenantId: string, programmeId: string, announcement: Unversioned<Announcement>): Promise<Result<Announcement>>;
  /** The pair's last nudge; `STORAGE.NOT_FOUND` before the first. */
  getNudge(tenantId: string, programmeId: string, relationshipId: string): Promise<Result<PairNudge>>;
  /** Insert (no version) or replace (the version read); a lost race is `STORAGE.CONFLICT` or `STORAGE.ALREADY_EXISTS`. */
  saveNudge(tenantId: string, programmeId: string, nudge: Unversioned<PairNudge>, expectedVersion?: string): Promise<Result<PairNudge>>;
}

/**
 * The bot's messages about a programme, planned from the API into the bot's delivery pipeline (its
 * queues, planned keys and ledger): each person gets each message at most once, inside their contact
 * hours. A campaign is one message to many people (an announcement, the invitations of a programme,
 * a nudge); planning it again plans only who is missing, so a retried request never sends twice.
 */
export interface ProgrammeMessenger {
  announce(input: { tenantId: string; programmeId: string; announcementId: string; personIds: readonly string[]; now: Instant }): Promise<Result<CampaignProgress>>;
  /** Progress of an announcement: counts only. */
  announcementProgress(tenantId: string, programmeId: string, announcementId: string): Promise<Result<CampaignProgress>>;
  /** The invitation card to each person on an invited list (each once per programme). */
  invite(input: { tenantId: string; programmeId: string; personIds: readonly string[]; now: Instant }): Promise<Result<CampaignProgress>>;
  /** The nudge card to both people of a pair; `nudgeId` names this nudge (one per seven days). */
  nudge(input: { tenantId: string; programmeId: string; relationshipId: string; nudgeId: string; personIds: readonly string[]; now: Instant }): Promise<Result<CampaignProgress>>;
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

/**
 * Who manages whom, from Microsoft Entra ID (Graph `GET /users/{id}/manager`, application
 * `User.Read.All`): matching never pairs a person with their own manager.
 */
export interface ManagerDirectory {
  /** Each person's manager id; a person without a manager (or whose manager is a contact) is absent. */
  managersOf(personIds: readonly string[]): Promise<Result<ReadonlyMap<string, string>>>;
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
