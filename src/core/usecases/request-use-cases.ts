import { fail, ok, type Result } from '../result';
import { isReversePairing } from '../matching/rank-mentors';
import { STORAGE_NOT_FOUND } from '../ports/repositories';
import type { MentoringRequest, PreWork } from '../requests/mentoring-request';
import type { Relationship } from '../relationships/relationship';
import { reachAfterJoining } from '../reach/reach-people';
import type { MentoringDeps } from './deps';
import { adjustActiveMenteeCount } from './mentee-count';
import type { Principal, UseCaseCall } from './principal';
import { checkExpectedVersion } from './relationship-access';
import { cleanText } from './text-rules';

export interface CreateRequestInput {
  readonly mentorId: string;
  readonly note: string;
  readonly preWork: PreWork;
}

export interface RequestDecisionInput {
  readonly requestId: string;
  /** The version the caller saw; a different stored one is a conflict. */
  readonly version?: string;
}

export interface DeclineRequestInput extends RequestDecisionInput {
  readonly reason: string;
}

/** The counterpart's name and title, so the list reads without another call per row. */
export interface RequestView {
  readonly request: MentoringRequest;
  readonly direction: 'incoming' | 'outgoing';
  readonly counterpart: { readonly userId: string; readonly displayName: string; readonly jobTitle: string };
}

/** Same answer for a stranger's request as for a missing one: existence does not leak. */
const requestNotFound = () =>
  fail('REQUEST.NOT_FOUND', 'We could not find that mentoring request among yours.', { field: 'requestId' });

export async function createRequest(
  deps: Pick<MentoringDeps, 'repos' | 'ids'>,
  call: UseCaseCall<CreateRequestInput>,
): Promise<Result<MentoringRequest>> {
  const { principal, input, now } = call;
  const tenantId = principal.tenantId;
  if (input.mentorId === principal.userId) {
    return fail('REQUEST.SELF', 'You cannot ask yourself to be your mentor; pick someone else.', { field: 'mentorId' });
  }
  const preWork: PreWork = {
    whatIWant: input.preWork.whatIWant.trim(),
    whatIBring: input.preWork.whatIBring.trim(),
    expectations: input.preWork.expectations.trim(),
  };
  if (preWork.whatIWant.length === 0) {
    return fail('REQUEST.PREWORK_REQUIRED', 'Tell your future mentor what you want out of mentoring.', {
      field: 'preWork.whatIWant',
    });
  }
  const [mine, mentor, requests, relationships] = await Promise.all([
    deps.repos.profiles.get(tenantId, principal.userId),
    deps.repos.profiles.get(tenantId, input.mentorId),
    deps.repos.requests.listForPerson(tenantId, principal.userId),
    deps.repos.relationships.listForPerson(tenantId, principal.userId),
  ]);
  if (!mine.ok) {
    return mine.error.code === STORAGE_NOT_FOUND
      ? fail('REQUEST.PROFILE_REQUIRED', 'Create your mentoring profile first, so your mentor knows who is asking.')
      : mine;
  }
  if (!mentor.ok) {
    return mentor.error.code === STORAGE_NOT_FOUND
      ? fail('REQUEST.MENTOR_NOT_FOUND', 'That person has no mentoring profile, so they cannot take requests yet.', {
          field: 'mentorId',
        })
      : mentor;
  }
  if (!requests.ok) return requests;
  if (!relationships.ok) return relationships;
  if (mentor.value.activeMenteeCount >= mentor.value.capacity) {
    return fail('REQUEST.MENTOR_AT_CAPACITY', `${mentor.value.displayName} has no room for another mentee right now.`, {
      field: 'mentorId',
    });
  }
  if (isReversePairing(mentor.value.seniority, mine.value.seniority) && !mentor.value.openToReverseMentoring) {
    return fail(
      'REQUEST.MENTOR_NOT_OPEN_TO_REVERSE',
      `${mentor.value.displayName} is not open to reverse mentoring (mentoring a more senior colleague).`,
      { field: 'mentorId' },
    );
  }
  if (requests.value.some((r) => r.status === 'open' && r.menteeId === principal.userId && r.mentorId === input.mentorId)) {
    return fail('REQUEST.DUPLICATE_OPEN', 'You already have an open request to this mentor; wait for an answer or withdraw it.', {
      field: 'mentorId',
    });
  }
  if (relationships.value.some((r) => r.status === 'active' && r.menteeId === principal.userId && r.mentorId === input.mentorId)) {
    return fail('REQUEST.ALREADY_PAIRED', 'This person is already your mentor.', { field: 'mentorId' });
  }
  return deps.repos.requests.create(tenantId, {
    id: deps.ids.newId(),
    menteeId: principal.userId,
    mentorId: input.mentorId,
    note: input.note.trim(),
    preWork,
    status: 'open',
    createdAt: now,
  });
}

export async function listMyRequests(
  deps: Pick<MentoringDeps, 'repos'>,
  call: UseCaseCall<void>,
): Promise<Result<RequestView[]>> {
  const { principal } = call;
  const found = await deps.repos.requests.listForPerson(principal.tenantId, principal.userId);
  if (!found.ok) return found;
  const counterpartIds = [...new Set(found.value.map((r) => (r.mentorId === principal.userId ? r.menteeId : r.mentorId)))];
  const profiles = await Promise.all(counterpartIds.map((id) => deps.repos.profiles.get(principal.tenantId, id)));
  const names = new Map<string, { displayName: string; jobTitle: string }>();
  for (const p of profiles) if (p.ok) names.set(p.value.userId, { displayName: p.value.displayName, jobTitle: p.value.jobTitle });
  return ok(
    found.value.map((request) => {
      const incoming = request.mentorId === principal.userId;
      const userId = incoming ? request.menteeId : request.mentorId;
      const known = names.get(userId);
      return {
        request,
        direction: incoming ? 'incoming' : 'outgoing',
        counterpart: { userId, displayName: known?.displayName ?? 'Former colleague', jobTitle: known?.jobTitle ?? '' },
      } satisfies RequestView;
    }),
  );
}

async function loadOwnRequest(
  deps: Pick<MentoringDeps, 'repos'>,
  principal: Principal,
  input: RequestDecisionInput,
  as: 'mentor' | 'mentee',
): Promise<Result<MentoringRequest>> {
  const found = await deps.repos.requests.get(principal.tenantId, input.requestId);
  if (!found.ok) return found.error.code === STORAGE_NOT_FOUND ? requestNotFound() : found;
  const request = found.value;
  if (request.mentorId !== principal.userId && request.menteeId !== principal.userId) return requestNotFound();
  const mine = as === 'mentor' ? request.mentorId === principal.userId : request.menteeId === principal.userId;
  if (!mine) {
    return fail(
      'REQUEST.NOT_ALLOWED',
      as === 'mentor' ? 'Only the mentor asked can accept or decline this request.' : 'Only the person who sent the request can withdraw it.',
    );
  }
  return ok(request);
}

const notOpen = (request: MentoringRequest) =>
  fail('REQUEST.NOT_OPEN', `This request was already ${request.status}.`, { details: { status: request.status } });

/**
 * Accepts: claims a place in the mentor's capacity (one conditional write on the mentor profile),
 * marks the request accepted with the new relationship's id, then creates the relationship. A
 * retried accept finds the request accepted and returns (or finishes creating) the same relationship.
 */
export async function acceptRequest(
  deps: Pick<MentoringDeps, 'repos' | 'ids' | 'reach'>,
  call: UseCaseCall<RequestDecisionInput>,
): Promise<Result<Relationship>> {
  const { principal, input, now } = call;
  const tenantId = principal.tenantId;
  const loaded = await loadOwnRequest(deps, principal, input, 'mentor');
  if (!loaded.ok) return loaded;
  const request = loaded.value;

  if (request.status === 'accepted' && request.relationshipId !== undefined) {
    const existing = await deps.repos.relationships.get(tenantId, request.relationshipId);
    if (existing.ok || existing.error.code !== STORAGE_NOT_FOUND) return existing;
    return createRelationshipFor(deps, tenantId, request, request.relationshipId, now);
  }
  if (request.status !== 'open') return notOpen(request);
  const stale = checkExpectedVersion(request.version, input.version);
  if (!stale.ok) return stale;

  const claimed = await adjustActiveMenteeCount(deps, tenantId, principal.userId, 1, { enforceCapacity: true });
  if (!claimed.ok) return claimed;

  // A programme's request becomes the relationship of the same id: the programme's health then
  // replaces the waiting request's facts with the pair's, instead of counting both.
  const relationshipId = request.programmeId ? request.id : deps.ids.newId();
  const { version, ...fields } = request;
  const accepted = await deps.repos.requests.update(
    tenantId,
    { ...fields, status: 'accepted', decidedAt: now, relationshipId },
    version,
  );
  if (!accepted.ok) {
    // The request changed under us (withdrawn, or accepted twice at once): give the place back.
    await adjustActiveMenteeCount(deps, tenantId, principal.userId, -1, { enforceCapacity: false });
    return accepted;
  }
  const created = await createRelationshipFor(deps, tenantId, accepted.value, relationshipId, now);
  // Both of the pair must be reachable by the bot from now on (check-ins, reminders).
  if (created.ok) await reachAfterJoining(deps.reach, tenantId, [created.value.mentorId, created.value.menteeId], now);
  return created;
}

async function createRelationshipFor(
  deps: Pick<MentoringDeps, 'repos'>,
  tenantId: string,
  request: MentoringRequest,
  relationshipId: string,
  now: number,
): Promise<Result<Relationship>> {
  const [mentor, mentee] = await Promise.all([
    deps.repos.profiles.get(tenantId, request.mentorId),
    deps.repos.profiles.get(tenantId, request.menteeId),
  ]);
  const reverse = mentor.ok && mentee.ok && isReversePairing(mentor.value.seniority, mentee.value.seniority);
  return deps.repos.relationships.create(tenantId, {
    id: relationshipId,
    mentorId: request.mentorId,
    menteeId: request.menteeId,
    reverse,
    status: 'active',
    requestId: request.id,
    menteePreWork: request.preWork,
    startedAt: request.decidedAt ?? now,
    reflections: {},
    ...(request.programmeId ? { programmeId: request.programmeId } : {}),
  });
}

export async function declineRequest(
  deps: Pick<MentoringDeps, 'repos'>,
  call: UseCaseCall<DeclineRequestInput>,
): Promise<Result<MentoringRequest>> {
  const { principal, input, now } = call;
  const reason = cleanText(input.reason);
  if (reason.length === 0) {
    return fail('REQUEST.DECLINE_REASON_REQUIRED', 'Add a short reason, so the person asking knows where they stand.', {
      field: 'reason',
    });
  }
  const loaded = await loadOwnRequest(deps, principal, input, 'mentor');
  if (!loaded.ok) return loaded;
  if (loaded.value.status !== 'open') return notOpen(loaded.value);
  const stale = checkExpectedVersion(loaded.value.version, input.version);
  if (!stale.ok) return stale;
  const { version, ...fields } = loaded.value;
  return deps.repos.requests.update(
    principal.tenantId,
    { ...fields, status: 'declined', decidedAt: now, declineReason: reason },
    version,
  );
}

export async function withdrawRequest(
  deps: Pick<MentoringDeps, 'repos'>,
  call: UseCaseCall<RequestDecisionInput>,
): Promise<Result<MentoringRequest>> {
  const { principal, input, now } = call;
  const loaded = await loadOwnRequest(deps, principal, input, 'mentee');
  if (!loaded.ok) return loaded;
  if (loaded.value.status !== 'open') return notOpen(loaded.value);
  const stale = checkExpectedVersion(loaded.value.version, input.version);
  if (!stale.ok) return stale;
  const { version, ...fields } = loaded.value;
  return deps.repos.requests.update(principal.tenantId, { ...fields, status: 'withdrawn', decidedAt: now }, version);
}
