/**
 * Programme use cases: owners (the `Programme.Owner` app role) create and edit their tenant's
 * programmes and see who joined; people see the programmes they may join and join them.
 *
 * - Tenant comes only from the token; another tenant's programme id is `PROGRAMME.NOT_FOUND`.
 * - A programme with an invited list is left out of the lists of anyone not on it; joining it (or
 *   reading it by id) says `PROGRAMME.NOT_INVITED` (403) without its name or its list. A group programme is visible to the tenant; joining asks Entra
 *   ID (Graph `transitiveMembers`, nested groups included) and refuses non-members with
 *   `PROGRAMME.NOT_IN_GROUP`.
 * - Joining again edits the person's role and windows (idempotent: a retry changes nothing more).
 */
import { reachAfterJoining, type ReachFor } from '../reach/reach-people';
import { fail, ok, type Result } from '../result';
import type { Principal, UseCaseCall } from '../usecases/principal';
import { STORAGE_NOT_FOUND, type MentoringRepositories, type Unversioned } from '../ports/repositories';
import type { AtRiskPair, GroupDirectory, ManagerDirectory, ProgrammeHealthStore, ProgrammeRepository } from '../ports/programmes';
import { EMPTY_HEALTH, type PairFacts, type ProgrammeHealth } from './programme-health';
import { PROGRAMME_OWNER_ROLE, type JoinPolicy, type MemberRole, type Programme, type ProgrammeMember } from './programme';
import type { WeeklyWindow } from '../agreement/agreement';
import { parseLocalDate, formatLocalDate } from '../time/civil-date';
import { resolveTimeZone } from '../time/zones';
import { windowProblems } from '../agreement/validate-agreement';
import { checkAgreementNumbers } from '../agreement/agreement-limits';
import { findRoadmapTemplate } from '../roadmap/roadmap-templates';
import type { IdGenerator } from '../ports/id-generator';


export interface ProgrammeDeps {
  readonly repos: MentoringRepositories;
  readonly programmes: ProgrammeRepository;
  readonly ids: IdGenerator;
  /** The tenant's Entra groups; a failure when the host has no Graph credential. */
  readonly groups: (tenantId: string) => Result<GroupDirectory>;
  /**
   * After an owner saved a programme: the bot's invitation cards to an invited list (planned once per
   * person; a failure here is made good by the hourly programme timer, never fails the save).
   */
  readonly invite?: (tenantId: string, programme: Programme, now: number) => Promise<void>;
  /**
   * Who manages whom (Graph), for matching's "never one's own manager" rule; a failure when the host
   * has no Graph credential. Absent only where no directory exists (unit tests of other rules).
   */
  readonly managers?: (tenantId: string) => Result<ManagerDirectory>;
  /** Installing the app for members the bot cannot reach yet; absent where it is off. */
  readonly reach?: ReachFor;
}

/** What an owner sets: the programme without its id, author, stamps and version. */
export type ProgrammeFields = Omit<Programme, 'id' | 'createdBy' | 'createdAt' | 'updatedAt' | 'version'>;

export interface UpdateProgrammeInput extends Partial<ProgrammeFields> {
  readonly programmeId: string;
  readonly version: string;
}

export interface JoinProgrammeInput {
  readonly programmeId: string;
  readonly role: MemberRole;
  readonly timeZone: string;
  readonly meetingWindows: readonly WeeklyWindow[];
  readonly workingHours?: readonly WeeklyWindow[];
}

/** A programme as a person sees it in the list: whether they joined, and in which role. */
export interface ProgrammeView {
  readonly programme: Programme;
  readonly membership?: ProgrammeMember;
  /** Owners see every programme of the tenant; the flag says the caller is one. */
  readonly asOwner: boolean;
}

export const isProgrammeOwner = (principal: Principal) => principal.roles.includes(PROGRAMME_OWNER_ROLE);

export const ownerRoleRequired = () =>
  fail('PROGRAMME.OWNER_ROLE_REQUIRED', `Only programme owners (the ${PROGRAMME_OWNER_ROLE} app role) can do this; ask your Teams admin for the role.`);

/** Not on an invited list: nothing of the programme (not even its name) in the words. */
export const notInvited = () =>
  fail('PROGRAMME.NOT_INVITED', "This programme is open only to the people its owner invited, and you are not on the list. Ask the programme's owner to invite you.");

export const programmeNotFound = () => fail('PROGRAMME.NOT_FOUND', 'We could not find that programme among the ones you can see.', { field: 'programmeId' });

/** The fields' meaning: real dates in order, bounded agreement numbers, known templates, a sane invited list. */
export function checkProgrammeFields(fields: ProgrammeFields): Result<ProgrammeFields> {
  const start = parseLocalDate(fields.startDate);
  if (start === undefined) return fail('PROGRAMME.INVALID_DATES', `"${fields.startDate}" is not a date (YYYY-MM-DD).`, { field: 'startDate' });
  const end = parseLocalDate(fields.endDate);
  if (end === undefined) return fail('PROGRAMME.INVALID_DATES', `"${fields.endDate}" is not a date (YYYY-MM-DD).`, { field: 'endDate' });
  if (end <= start) {
    return fail('PROGRAMME.INVALID_DATES', `The programme ends (${formatLocalDate(end)}) on or before it starts (${formatLocalDate(start)}); give it an end after its start.`, { field: 'endDate' });
  }
  if (end - start > 3 * 366) return fail('PROGRAMME.INVALID_DATES', 'A programme runs at most three years; split a longer one into cohorts.', { field: 'endDate' });
  const numbers = checkAgreementNumbers({ ...fields.defaultAgreement, bufferMinutes: 0, minimumNoticeHours: 0 });
  if (!numbers.ok) return fail(numbers.error.code, numbers.error.message, { field: `defaultAgreement.${numbers.error.field ?? 'meetingMinutes'}` });
  for (const [i, id] of fields.roadmapTemplateIds.entries()) {
    if (!findRoadmapTemplate(id)) return fail('PROGRAMME.UNKNOWN_ROADMAP_TEMPLATE', `There is no roadmap template "${id}"; pick one from the list.`, { field: `roadmapTemplateIds[${i}]` });
  }
  const joinPolicy: JoinPolicy = fields.joinPolicy.kind === 'invited' ? { kind: 'invited', personIds: [...new Set(fields.joinPolicy.personIds)] } : fields.joinPolicy;
  return ok({ ...fields, name: fields.name.trim(), purpose: fields.purpose.trim(), goals: fields.goals.map((g) => g.trim()).filter((g) => g.length > 0), joinPolicy });
}

/** A group policy names a group that exists in the tenant (checked once, when the owner sets it). */
async function checkGroup(deps: ProgrammeDeps, tenantId: string, policy: JoinPolicy): Promise<Result<void>> {
  if (policy.kind !== 'entraGroup') return ok(undefined);
  const groups = deps.groups(tenantId);
  if (!groups.ok) return groups;
  const members = await groups.value.userIds(policy.groupId);
  if (!members.ok) return members.error.code === 'PROGRAMME.GROUP_NOT_FOUND' ? fail('PROGRAMME.GROUP_NOT_FOUND', members.error.message, { field: 'joinPolicy.groupId' }) : members;
  return ok(undefined);
}

export async function createProgramme(deps: ProgrammeDeps, call: UseCaseCall<ProgrammeFields>): Promise<Result<Programme>> {
  const { principal, now } = call;
  if (!isProgrammeOwner(principal)) return ownerRoleRequired();
  const fields = checkProgrammeFields(call.input);
  if (!fields.ok) return fields;
  const group = await checkGroup(deps, principal.tenantId, fields.value.joinPolicy);
  if (!group.ok) return group;
  const created = await deps.programmes.create(principal.tenantId, { id: deps.ids.newId(), ...fields.value, createdBy: principal.userId, createdAt: now, updatedAt: now });
  if (created.ok) await deps.invite?.(principal.tenantId, created.value, now);
  return created;
}

/** Owner only: a missing programme and another tenant's look the same. */
export async function getProgrammeAsOwner(deps: Pick<ProgrammeDeps, 'programmes'>, call: UseCaseCall<{ programmeId: string }>): Promise<Result<Programme>> {
  if (!isProgrammeOwner(call.principal)) return ownerRoleRequired();
  const found = await deps.programmes.get(call.principal.tenantId, call.input.programmeId);
  if (!found.ok) return found.error.code === STORAGE_NOT_FOUND ? programmeNotFound() : found;
  return found;
}

export async function updateProgramme(deps: ProgrammeDeps, call: UseCaseCall<UpdateProgrammeInput>): Promise<Result<Programme>> {
  const { principal, now, input } = call;
  const current = await getProgrammeAsOwner(deps, { ...call, input: { programmeId: input.programmeId } });
  if (!current.ok) return current;
  if (current.value.version !== input.version) {
    return fail('STORAGE.CONFLICT', 'This programme was changed by someone else since you loaded it. Reload it and apply your change again.', { field: 'version' });
  }
  const { programmeId: _id, version, ...changes } = input;
  const { id, createdBy, createdAt, updatedAt: _u, version: _v, ...was } = current.value;
  const fields = checkProgrammeFields({ ...was, ...changes });
  if (!fields.ok) return fields;
  const groupChanged = fields.value.joinPolicy.kind === 'entraGroup' && (was.joinPolicy.kind !== 'entraGroup' || was.joinPolicy.groupId !== fields.value.joinPolicy.groupId);
  if (groupChanged) {
    const group = await checkGroup(deps, principal.tenantId, fields.value.joinPolicy);
    if (!group.ok) return group;
  }
  const updated = await deps.programmes.update(principal.tenantId, { id, createdBy, createdAt, ...fields.value, updatedAt: now }, version);
  if (updated.ok) await deps.invite?.(principal.tenantId, updated.value, now);
  return updated;
}

/** Whether the person may see the programme in their list (an invited list hides it from others). */
function visibleTo(programme: Programme, personId: string): boolean {
  return programme.joinPolicy.kind !== 'invited' || programme.joinPolicy.personIds.includes(personId);
}

/** Owners: every programme of the tenant. Everyone else: those open to them or that they joined. */
export async function listProgrammes(deps: Pick<ProgrammeDeps, 'programmes'>, call: UseCaseCall<void>): Promise<Result<ProgrammeView[]>> {
  const { principal } = call;
  const owner = isProgrammeOwner(principal);
  const all = await deps.programmes.list(principal.tenantId);
  if (!all.ok) return all;
  const views: ProgrammeView[] = [];
  for (const programme of all.value) {
    const member = await deps.programmes.getMember(principal.tenantId, programme.id, principal.userId);
    if (!member.ok && member.error.code !== STORAGE_NOT_FOUND) return member;
    const membership = member.ok ? member.value : undefined;
    if (!owner && !membership && !visibleTo(programme, principal.userId)) continue;
    views.push({ programme, asOwner: owner, ...(membership ? { membership } : {}) });
  }
  return ok(views);
}

export async function joinProgramme(deps: ProgrammeDeps, call: UseCaseCall<JoinProgrammeInput>): Promise<Result<ProgrammeMember>> {
  const { principal, input, now } = call;
  const tenantId = principal.tenantId;
  const found = await deps.programmes.get(tenantId, input.programmeId);
  if (!found.ok) return found.error.code === STORAGE_NOT_FOUND ? programmeNotFound() : found;
  const programme = found.value;
  if (!visibleTo(programme, principal.userId)) return notInvited();
  const today = parseLocalDate(new Date(now).toISOString().slice(0, 10));
  const end = parseLocalDate(programme.endDate);
  if (today !== undefined && end !== undefined && today > end) {
    return fail('PROGRAMME.ENDED', `${programme.name} ended on ${programme.endDate}; it takes no new members.`);
  }
  const profile = await deps.repos.profiles.get(tenantId, principal.userId);
  if (!profile.ok) {
    return profile.error.code === STORAGE_NOT_FOUND
      ? fail('PROGRAMME.PROFILE_REQUIRED', 'Create your mentoring profile first: matching reads your seniority, skills and languages from it.')
      : profile;
  }
  const zone = resolveTimeZone(input.timeZone, 'timeZone');
  if (!zone.ok) return zone;
  const problem = [...windowProblems(input.meetingWindows, 'meetingWindows'), ...windowProblems(input.workingHours ?? [], 'workingHours')][0];
  if (problem) return { ok: false, error: problem };
  if (programme.joinPolicy.kind === 'entraGroup') {
    const groups = deps.groups(tenantId);
    if (!groups.ok) return groups;
    const member = await groups.value.isMember(programme.joinPolicy.groupId, principal.userId);
    if (!member.ok) return member;
    if (!member.value) {
      return fail('PROGRAMME.NOT_IN_GROUP', `${programme.name} is open to the members of one Microsoft Entra group, and you are not in it. Ask the programme's owner to add you.`);
    }
  }
  const existing = await deps.programmes.getMember(tenantId, programme.id, principal.userId);
  if (!existing.ok && existing.error.code !== STORAGE_NOT_FOUND) return existing;
  const member: Unversioned<ProgrammeMember> = {
    personId: principal.userId,
    role: input.role,
    timeZone: zone.value,
    meetingWindows: input.meetingWindows,
    ...(input.workingHours ? { workingHours: input.workingHours } : {}),
    joinedAt: existing.ok ? existing.value.joinedAt : now,
    updatedAt: now,
  };
  const saved = await deps.programmes.saveMember(tenantId, programme.id, member, existing.ok ? existing.value.version : undefined);
  // A programme's check-ins and announcements reach its members through the bot.
  if (saved.ok && !existing.ok) await reachAfterJoining(deps.reach, tenantId, [principal.userId], now);
  return saved;
}

export interface MemberView {
  readonly member: ProgrammeMember;
  readonly displayName: string;
}

/** Owner only: who joined, with names (from profiles when present). No profile text, no answers. */
export async function listProgrammeMembers(deps: Pick<ProgrammeDeps, 'programmes' | 'repos'>, call: UseCaseCall<{ programmeId: string }>): Promise<Result<MemberView[]>> {
  const programme = await getProgrammeAsOwner(deps, call);
  if (!programme.ok) return programme;
  const members = await deps.programmes.listMembers(call.principal.tenantId, programme.value.id);
  if (!members.ok) return members;
  const profiles = await Promise.all(members.value.map((m) => deps.repos.profiles.get(call.principal.tenantId, m.personId)));
  const names = profiles.map((p) => (p.ok ? p.value.displayName : undefined));
  return ok(members.value.map((member, i) => ({ member, displayName: names[i] ?? 'Former colleague' })));
}

export interface HealthView {
  readonly health: ProgrammeHealth;
  readonly atRisk: readonly AtRiskPair[];
  /** How many pairs at risk there are in all (the list holds the first ones). */
  readonly atRiskTotal: number;
}

/** The at-risk list shows at most this many pairs per read (the count says how many there are). */
export const AT_RISK_LIST_LIMIT = 50;

/**
 * Owner only: the counters and the first pairs at risk — one point read and one bounded range read
 * under the caller's tenant, whatever the programme's size. The programme itself is read only when
 * it has no counters yet (to tell a new programme from a missing one, or another tenant's).
 */
export async function getProgrammeHealth(deps: Pick<ProgrammeDeps, 'programmes'> & { readonly health: ProgrammeHealthStore }, call: UseCaseCall<{ programmeId: string }>): Promise<Result<HealthView>> {
  if (!isProgrammeOwner(call.principal)) return ownerRoleRequired();
  const read = await deps.health.read(call.principal.tenantId, call.input.programmeId, AT_RISK_LIST_LIMIT);
  if (!read.ok) return read;
  if (!read.value.health) {
    const programme = await getProgrammeAsOwner(deps, call);
    if (!programme.ok) return programme;
  }
  const health = read.value.health ?? EMPTY_HEALTH;
  return ok({ health, atRisk: read.value.atRisk, atRiskTotal: health.atRisk });
}

/** Owner only: every pair's recorded facts, for the CSV export (one partition read, never on the dashboard). */
export async function listProgrammePairs(deps: Pick<ProgrammeDeps, 'programmes'> & { readonly health: ProgrammeHealthStore }, call: UseCaseCall<{ programmeId: string }>): Promise<Result<PairFacts[]>> {
  const programme = await getProgrammeAsOwner(deps, call);
  if (!programme.ok) return programme;
  const pairs = await deps.health.listPairs(call.principal.tenantId, programme.value.id);
  if (!pairs.ok) return pairs;
  return ok([...pairs.value].sort((a, b) => a.matchedAt - b.matchedAt || (a.relationshipId < b.relationshipId ? -1 : 1)));
}
