/**
 * A programme's cohort, owner only: suggest matches over the members who joined (the optimal,
 * schedulable assignment of src/core/matching), review and change them (swaps), and publish.
 *
 * Publishing first freezes the draft (status `published`, conditional on the version the owner
 * reviewed), then makes each pair's request and relationship under ids fixed by the pair's place
 * (`publishedPairId`), so a retry — after a timeout, a crash, or a second click — finds what exists
 * and makes only what is missing: never a second relationship for a pair. Each relationship carries
 * the programme's id: a relationship belongs to at most one programme.
 */
import { fail, ok, type Result } from '../result';
import type { UseCaseCall } from '../usecases/principal';
import { STORAGE_ALREADY_EXISTS, STORAGE_NOT_FOUND, type Unversioned } from '../ports/repositories';
import { matchCohort, type CohortMatch, type CohortMentee, type CohortMentor, type PairRef } from '../matching/match-cohort';
import type { PreWork } from '../requests/mentoring-request';
import { adjustActiveMenteeCount } from '../usecases/mentee-count';
import { publishedPairId, reversePairsFor, type CohortPair, type Programme, type ProgrammeCohort, type ProgrammeMember } from './programme';
import { getProgrammeAsOwner, type ProgrammeDeps } from './programme-use-cases';

export interface SuggestMatchesInput {
  readonly programmeId: string;
  readonly pinned: readonly PairRef[];
  readonly excluded: readonly PairRef[];
}

export interface ChangeMatchesInput {
  readonly programmeId: string;
  readonly version: string;
  /** The whole assignment the owner wants; mentees left out stay unmatched. */
  readonly pairs: readonly PairRef[];
}

/** The stored cohort, and the matcher's full answer (weekly overlap in both zones) when it just ran. */
export interface CohortView {
  readonly programme: Programme;
  readonly cohort: ProgrammeCohort;
  readonly match?: CohortMatch;
  readonly names: ReadonlyMap<string, string>;
}

export interface PublishOutcome {
  readonly cohort: ProgrammeCohort;
  /** Pairs whose relationship (or invitation) this call made. */
  readonly created: number;
  /** Pairs a previous publish had already made. */
  readonly alreadyThere: number;
  /** Pairs not made, each with why (the two are already paired outside the programme). */
  readonly skipped: readonly { readonly menteeId: string; readonly mentorId: string; readonly reason: string }[];
}

const published = () => fail('PROGRAMME.MATCHES_PUBLISHED', 'These matches are published already; suggest matches again to start the next round.');

interface Cohort {
  readonly mentees: CohortMentee[];
  readonly mentors: CohortMentor[];
  readonly notMatchable: string[];
  readonly names: Map<string, string>;
}

/** The members as the matcher needs them: their profile (seniority, skills, languages) and the windows they stated. */
async function loadCohort(deps: ProgrammeDeps, tenantId: string, programme: Programme): Promise<Result<Cohort>> {
  const members = await deps.programmes.listMembers(tenantId, programme.id);
  if (!members.ok) return members;
  const profiles = await Promise.all(members.value.map((m) => deps.repos.profiles.get(tenantId, m.personId)));
  // "Never one's own manager": the managers as Entra ID has them now, read for the whole cohort at once.
  let managers: ReadonlyMap<string, string> = new Map();
  if (deps.managers) {
    const directory = deps.managers(tenantId);
    if (!directory.ok) return directory;
    const read = await directory.value.managersOf(members.value.map((m) => m.personId));
    if (!read.ok) return read;
    managers = read.value;
  }
  const cohort: Cohort = { mentees: [], mentors: [], notMatchable: [], names: new Map() };
  for (const [i, member] of members.value.entries()) {
    const profile = profiles[i]!;
    if (!profile.ok) {
      if (profile.error.code !== STORAGE_NOT_FOUND) return profile;
      cohort.notMatchable.push(member.personId);
      continue;
    }
    cohort.names.set(member.personId, profile.value.displayName);
    const availability = availabilityOf(member);
    const managerId = managers.get(member.personId);
    const manager = managerId ? { managerId } : {};
    if (member.role === 'mentee') {
      cohort.mentees.push({ personId: member.personId, seniority: profile.value.seniority, skillsToLearn: profile.value.skillsToLearn, languages: profile.value.languages, availability, ...manager });
    } else {
      cohort.mentors.push({
        ...manager,
        personId: member.personId,
        seniority: profile.value.seniority,
        skillsToTeach: profile.value.skillsToTeach,
        languages: profile.value.languages,
        capacity: programme.mentorCapacity,
        openToReverseMentoring: profile.value.openToReverseMentoring,
        availability,
      });
    }
  }
  return ok(cohort);
}

function availabilityOf(m: ProgrammeMember): CohortMentee['availability'] {
  return { timeZone: m.timeZone, meetingWindows: m.meetingWindows, ...(m.workingHours ? { workingHours: m.workingHours } : {}) };
}

function rulesOf(programme: Programme, pinned: readonly PairRef[], excluded: readonly PairRef[]) {
  return { meetingMinutes: programme.defaultAgreement.meetingMinutes, firstDate: programme.startDate, lastDate: programme.endDate, reversePairs: reversePairsFor(programme.kind), pinned, excluded };
}

function cohortOf(match: CohortMatch, notMatchable: readonly string[]): Pick<ProgrammeCohort, 'pairs' | 'unmatched' | 'notMatchable' | 'totalScore'> {
  const pairs: CohortPair[] = match.pairs.map((p) => ({ menteeId: p.menteeId, mentorId: p.mentorId, score: p.score, reverse: p.reverse, pinned: p.pinned, minutesPerWeek: p.overlap.minutesPerWeek }));
  return { pairs, unmatched: match.unmatched, notMatchable, totalScore: match.totalScore };
}

/** Runs the matcher over the programme's members and keeps its answer as the draft (a published cohort starts the next round). */
export async function suggestProgrammeMatches(deps: ProgrammeDeps, call: UseCaseCall<SuggestMatchesInput>): Promise<Result<CohortView>> {
  const { principal, now, input } = call;
  const programme = await getProgrammeAsOwner(deps, { ...call, input: { programmeId: input.programmeId } });
  if (!programme.ok) return programme;
  const cohort = await loadCohort(deps, principal.tenantId, programme.value);
  if (!cohort.ok) return cohort;
  const match = matchCohort(cohort.value.mentees, cohort.value.mentors, rulesOf(programme.value, input.pinned, input.excluded));
  if (!match.ok) return match;
  const current = await deps.programmes.getCohort(principal.tenantId, programme.value.id);
  if (!current.ok && current.error.code !== STORAGE_NOT_FOUND) return current;
  const round = current.ok ? (current.value.status === 'published' ? current.value.round + 1 : current.value.round) : 1;
  const next: Unversioned<ProgrammeCohort> = { round, status: 'draft', ...cohortOf(match.value, cohort.value.notMatchable), createdAt: now, updatedAt: now };
  const saved = await deps.programmes.saveCohort(principal.tenantId, programme.value.id, next, current.ok ? current.value.version : undefined);
  if (!saved.ok) return saved;
  return ok({ programme: programme.value, cohort: saved.value, match: match.value, names: cohort.value.names });
}

export async function getProgrammeMatches(deps: ProgrammeDeps, call: UseCaseCall<{ programmeId: string }>): Promise<Result<CohortView>> {
  const programme = await getProgrammeAsOwner(deps, call);
  if (!programme.ok) return programme;
  const current = await deps.programmes.getCohort(call.principal.tenantId, programme.value.id);
  if (!current.ok) {
    return current.error.code === STORAGE_NOT_FOUND ? fail('PROGRAMME.NO_MATCHES', 'No matches have been suggested for this programme yet; run “Suggest matches” first.') : current;
  }
  const ids = new Set(current.value.pairs.flatMap((p) => [p.menteeId, p.mentorId]).concat(current.value.unmatched.map((u) => u.menteeId)));
  const profiles = await Promise.all([...ids].map((id) => deps.repos.profiles.get(call.principal.tenantId, id)));
  const names = new Map(profiles.flatMap((p) => (p.ok ? [[p.value.userId, p.value.displayName] as const] : [])));
  return ok({ programme: programme.value, cohort: current.value, names });
}

/**
 * The owner's own assignment (a swap is two changed pairs): each pair must keep every rule a
 * suggested pair keeps — both joined in those roles, schedulable, the reverse rule, the mentor's
 * capacity, one mentor per mentee — checked by the same matcher with every pair pinned.
 */
export async function changeProgrammeMatches(deps: ProgrammeDeps, call: UseCaseCall<ChangeMatchesInput>): Promise<Result<CohortView>> {
  const { principal, now, input } = call;
  const view = await getProgrammeMatches(deps, { ...call, input: { programmeId: input.programmeId } });
  if (!view.ok) return view;
  const current = view.value.cohort;
  if (current.status === 'published') return published();
  if (current.version !== input.version) {
    return fail('STORAGE.CONFLICT', 'These matches were changed since you loaded them. Reload them and make your change again.', { field: 'version' });
  }
  const cohort = await loadCohort(deps, principal.tenantId, view.value.programme);
  if (!cohort.ok) return cohort;
  const menteeIds = new Set(input.pairs.map((p) => p.menteeId));
  const matched = cohort.value.mentees.filter((m) => menteeIds.has(m.personId));
  const match = matchCohort(matched, cohort.value.mentors, rulesOf(view.value.programme, input.pairs, []));
  if (!match.ok) return match;
  const unmatched = cohort.value.mentees.filter((m) => !menteeIds.has(m.personId)).map((m) => ({ menteeId: m.personId, candidates: 0 }));
  const next: Unversioned<ProgrammeCohort> = {
    ...withoutVersion(current),
    ...cohortOf(match.value, cohort.value.notMatchable),
    unmatched: [...match.value.unmatched, ...unmatched],
    updatedAt: now,
  };
  const saved = await deps.programmes.saveCohort(principal.tenantId, view.value.programme.id, next, current.version);
  if (!saved.ok) return saved;
  return ok({ ...view.value, cohort: saved.value, match: match.value, names: cohort.value.names });
}

function withoutVersion(c: ProgrammeCohort): Unversioned<ProgrammeCohort> {
  const { version: _v, ...rest } = c;
  return rest;
}

export async function publishProgrammeMatches(deps: ProgrammeDeps, call: UseCaseCall<{ programmeId: string; version: string }>): Promise<Result<PublishOutcome>> {
  const { principal, now, input } = call;
  const tenantId = principal.tenantId;
  const view = await getProgrammeMatches(deps, { ...call, input: { programmeId: input.programmeId } });
  if (!view.ok) return view;
  const programme = view.value.programme;
  let cohort = view.value.cohort;
  if (cohort.status === 'draft') {
    if (cohort.version !== input.version) {
      return fail('STORAGE.CONFLICT', 'These matches were changed since you reviewed them. Reload them, check them and publish again.', { field: 'version' });
    }
    const frozen = await deps.programmes.saveCohort(tenantId, programme.id, { ...withoutVersion(cohort), status: 'published', publishedAt: now, updatedAt: now }, cohort.version);
    if (!frozen.ok) return frozen;
    cohort = frozen.value;
  }
  // From here on the pairs are frozen: a retry walks the same list and makes only what is missing.
  let created = 0;
  let alreadyThere = 0;
  const skipped: { menteeId: string; mentorId: string; reason: string }[] = [];
  for (const [index, pair] of cohort.pairs.entries()) {
    const made = await publishPair(deps, tenantId, programme, cohort, pair, publishedPairId(programme.id, cohort.round, index), now);
    if (!made.ok) return made;
    if (made.value === 'created') created += 1;
    else if (made.value === 'already-there') alreadyThere += 1;
    else skipped.push({ menteeId: pair.menteeId, mentorId: pair.mentorId, reason: made.value.skipped });
  }
  return ok({ cohort, created, alreadyThere, skipped });
}

type PairOutcome = 'created' | 'already-there' | { readonly skipped: string };

async function publishPair(
  deps: ProgrammeDeps,
  tenantId: string,
  programme: Programme,
  cohort: ProgrammeCohort,
  pair: CohortPair,
  id: string,
  now: number,
): Promise<Result<PairOutcome>> {
  const existing = await deps.repos.requests.get(tenantId, id);
  if (existing.ok) {
    if (programme.publishAs === 'invitation') return ok('already-there');
    return finishRelationship(deps, tenantId, existing.value.preWork, programme, pair, id, now, false);
  }
  if (existing.error.code !== STORAGE_NOT_FOUND) return existing;
  const theirs = await deps.repos.relationships.listForPerson(tenantId, pair.menteeId);
  if (!theirs.ok) return theirs;
  if (theirs.value.some((r) => r.status === 'active' && r.mentorId === pair.mentorId && r.id !== id)) {
    return ok({ skipped: 'already paired outside this cohort' });
  }
  const preWork = { whatIWant: programme.goals.join('; ') || programme.purpose, whatIBring: '', expectations: `${programme.name}, round ${cohort.round}` };
  const accepted = programme.publishAs === 'accepted';
  const request = await deps.repos.requests.create(tenantId, {
    id,
    menteeId: pair.menteeId,
    mentorId: pair.mentorId,
    note: `Matched in ${programme.name}`,
    preWork,
    status: accepted ? 'accepted' : 'open',
    createdAt: now,
    programmeId: programme.id,
    ...(accepted ? { decidedAt: now, relationshipId: id } : {}),
  });
  if (!request.ok) return request.error.code === STORAGE_ALREADY_EXISTS ? ok('already-there') : request;
  if (!accepted) return ok('created');
  return finishRelationship(deps, tenantId, preWork, programme, pair, id, now, true);
}

/**
 * The pair's relationship, already accepted on both sides. The mentor's active-mentee count moves
 * only on the first attempt (`claim`): a retry cannot tell whether a crashed attempt had moved it,
 * and an uncounted place is the smaller harm than a place counted twice.
 */
async function finishRelationship(
  deps: ProgrammeDeps,
  tenantId: string,
  preWork: PreWork,
  programme: Programme,
  pair: CohortPair,
  id: string,
  now: number,
  claim: boolean,
): Promise<Result<PairOutcome>> {
  if (claim) {
    // The owner decided the pairing within the programme's capacity; the profile's own capacity is not a veto here.
    const counted = await adjustActiveMenteeCount(deps, tenantId, pair.mentorId, 1, { enforceCapacity: false });
    if (!counted.ok && counted.error.code !== STORAGE_NOT_FOUND) return counted;
  }
  const relationship = await deps.repos.relationships.create(tenantId, {
    id,
    mentorId: pair.mentorId,
    menteeId: pair.menteeId,
    reverse: pair.reverse,
    status: 'active',
    requestId: id,
    menteePreWork: preWork,
    startedAt: now,
    reflections: {},
    programmeId: programme.id,
  });
  if (relationship.ok) return ok(claim ? 'created' : 'already-there');
  return relationship.error.code === STORAGE_ALREADY_EXISTS ? ok('already-there') : relationship;
}
