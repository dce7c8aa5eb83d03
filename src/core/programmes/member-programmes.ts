/**
 * The member's side of programmes: what a person who is not running the programme may read about the
 * programmes open to them, and the owner's people search for inviting by name.
 *
 * - A member reads a programme only when it is open to them: everyone in the tenant, an invited list
 *   they are on, or an Entra group they belong to (Graph `transitiveMembers`). Not invited is
 *   `PROGRAMME.NOT_INVITED` and not in the group `PROGRAMME.NOT_IN_GROUP` (403, words to act on,
 *   nothing of the programme); another tenant's programme and a missing one are `PROGRAMME.NOT_FOUND`.
 * - What they read is the programme's name, purpose, dates, kind, matching mode and their own
 *   membership: never the invited list, the group, other members or health.
 * - The people search is owner-only, over the caller's tenant's profiles: id, name and job title.
 *   It ignores mentoring capacity and reverse-mentoring openness (an owner invites people who are
 *   full as mentors, or who join as mentees).
 */
import { fail, ok, type Result } from '../result';
import type { UseCaseCall } from '../usecases/principal';
import { STORAGE_NOT_FOUND } from '../ports/repositories';
import { parseLocalDate } from '../time/civil-date';
import type { Programme, ProgrammeMember } from './programme';
import { isProgrammeOwner, notInvited, ownerRoleRequired, programmeNotFound, type ProgrammeDeps } from './programme-use-cases';

/** A programme as a member (or a person it is open to) sees it. */
export interface MemberProgrammeView {
  readonly programme: Programme;
  readonly membership?: ProgrammeMember;
  /** The programme's end date has passed (it takes no new members). */
  readonly ended: boolean;
}

const notInGroup = (name: string) =>
  fail('PROGRAMME.NOT_IN_GROUP', `${name} is open to the members of one Microsoft Entra group, and you are not in it. Ask the programme's owner to add you.`);

function endedAt(programme: Programme, now: number): boolean {
  const today = parseLocalDate(new Date(now).toISOString().slice(0, 10));
  const end = parseLocalDate(programme.endDate);
  return today !== undefined && end !== undefined && today > end;
}

/** Whether the programme is open to the person: ok(true), or the refusal that says why not. */
async function openTo(deps: Pick<ProgrammeDeps, 'groups'>, tenantId: string, programme: Programme, personId: string): Promise<Result<true>> {
  const policy = programme.joinPolicy;
  if (policy.kind === 'everyone') return ok(true);
  if (policy.kind === 'invited') return policy.personIds.includes(personId) ? ok(true) : notInvited();
  const groups = deps.groups(tenantId);
  if (!groups.ok) return groups;
  const member = await groups.value.isMember(policy.groupId, personId);
  if (!member.ok) return member;
  return member.value ? ok(true) : notInGroup(programme.name);
}

/** One programme, for a person it is open to (or who joined it). */
export async function getMemberProgramme(deps: Pick<ProgrammeDeps, 'programmes' | 'groups'>, call: UseCaseCall<{ programmeId: string }>): Promise<Result<MemberProgrammeView>> {
  const { principal, now } = call;
  const found = await deps.programmes.get(principal.tenantId, call.input.programmeId);
  if (!found.ok) return found.error.code === STORAGE_NOT_FOUND ? programmeNotFound() : found;
  const programme = found.value;
  const member = await deps.programmes.getMember(principal.tenantId, programme.id, principal.userId);
  if (!member.ok && member.error.code !== STORAGE_NOT_FOUND) return member;
  if (!member.ok) {
    const open = await openTo(deps, principal.tenantId, programme, principal.userId);
    if (!open.ok) return open;
  }
  return ok({ programme, ended: endedAt(programme, now), ...(member.ok ? { membership: member.value } : {}) });
}

/**
 * The programmes a person may join or joined: those they joined, and those open to them that have not
 * ended. Owners get the same member's list here (their owner list is GET /api/programmes).
 */
export async function listMemberProgrammes(deps: Pick<ProgrammeDeps, 'programmes' | 'groups'>, call: UseCaseCall<void>): Promise<Result<MemberProgrammeView[]>> {
  const { principal, now } = call;
  const all = await deps.programmes.list(principal.tenantId);
  if (!all.ok) return all;
  const views: MemberProgrammeView[] = [];
  for (const programme of all.value) {
    const member = await deps.programmes.getMember(principal.tenantId, programme.id, principal.userId);
    if (!member.ok && member.error.code !== STORAGE_NOT_FOUND) return member;
    const ended = endedAt(programme, now);
    if (member.ok) {
      views.push({ programme, membership: member.value, ended });
      continue;
    }
    if (ended) continue;
    const open = await openTo(deps, principal.tenantId, programme, principal.userId);
    if (open.ok) views.push({ programme, ended });
    else if (open.error.code !== 'PROGRAMME.NOT_INVITED' && open.error.code !== 'PROGRAMME.NOT_IN_GROUP') return open;
  }
  return ok(views);
}

/** The fewest characters a people search needs, and the most people it answers. */
export const PEOPLE_SEARCH_MIN_LENGTH = 2;
export const PEOPLE_SEARCH_LIMIT = 20;

export interface PersonFound {
  readonly userId: string;
  readonly displayName: string;
  readonly jobTitle: string;
}

const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase('en');

/**
 * Owner only: people of the caller's tenant whose name or job title contains the query (accents and
 * case ignored), names starting with it first, at most PEOPLE_SEARCH_LIMIT.
 */
export async function searchPeopleForOwner(deps: Pick<ProgrammeDeps, 'repos'>, call: UseCaseCall<{ query: string }>): Promise<Result<PersonFound[]>> {
  if (!isProgrammeOwner(call.principal)) return ownerRoleRequired();
  const query = fold(call.input.query.trim());
  if ([...query].length < PEOPLE_SEARCH_MIN_LENGTH) {
    return fail('PROGRAMME.SEARCH_TOO_SHORT', `Type at least ${PEOPLE_SEARCH_MIN_LENGTH} letters of the person's name or job title.`, { field: 'q' });
  }
  const profiles = await deps.repos.profiles.list(call.principal.tenantId);
  if (!profiles.ok) return profiles;
  const found = profiles.value
    .map((p) => {
      const name = fold(p.displayName);
      const rank = name.startsWith(query) || name.split(/\s+/).some((w) => w.startsWith(query)) ? 0 : name.includes(query) ? 1 : fold(p.jobTitle).includes(query) ? 2 : -1;
      return { p, rank };
    })
    .filter((x) => x.rank >= 0)
    .sort((a, b) => a.rank - b.rank || a.p.displayName.localeCompare(b.p.displayName, 'en') || (a.p.userId < b.p.userId ? -1 : 1))
    .slice(0, PEOPLE_SEARCH_LIMIT);
  return ok(found.map(({ p }) => ({ userId: p.userId, displayName: p.displayName, jobTitle: p.jobTitle })));
}
