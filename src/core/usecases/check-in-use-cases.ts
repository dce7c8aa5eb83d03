import { checkOpenActionItems } from '../growth/growth-limits';
import { chronologicalKey, pageOf, type Page, type PageRequest } from '../growth/paging';
import { fail, ok, type Result } from '../result';
import { STORAGE_ALREADY_EXISTS, STORAGE_CONFLICT, STORAGE_NOT_FOUND } from '../ports/repositories';
import type { ActionItem } from '../actions/action-item';
import type { ActionItemFields } from '../actions/action-item-rules';
import { validateActionItemFields } from '../actions/action-item-rules';
import { checkInId, type CheckIn, type CheckInAnswers, type GoalProgressUpdate } from '../checkins/check-in';
import { checkInVisibleTo, requireSomething, trimAnswers, validateRating } from '../checkins/check-in-rules';
import { validateProgress } from '../goals/validate-goal';
import type { MentoringDeps } from './deps';
import type { UseCaseCall } from './principal';
import { checkExpectedVersion, loadActiveMembership, loadMembership } from './relationship-access';

export interface SubmitCheckInInput {
  readonly relationshipId: string;
  readonly meetingId: string;
  readonly answers: CheckInAnswers;
  /** "How useful was it?" 1–5; absent when skipped (an edit without it removes an earlier rating). */
  readonly rating?: number;
  readonly goalProgress: readonly GoalProgressUpdate[];
  /** Created as action items from this check-in (on an edit, added to the ones created before). */
  readonly newActionItems: readonly ActionItemFields[];
  /** Visible only to the author. Absent or empty removes an earlier note. */
  readonly privateNote?: string;
  /** The version of my earlier check-in for this meeting: required when editing it (`CHECKIN.VERSION_REQUIRED` otherwise). */
  readonly version?: string;
}

const GOAL_ATTEMPTS = 5;

/**
 * My check-in for one meeting. A second submit for the same meeting edits the first (same id).
 * Everything is checked before anything is written; then the new action items (within the open-items
 * limit, checked atomically), the check-in and the goal progress are saved in that order, and a
 * check-in refused at its write takes its items back, so a rejected check-in changes nothing.
 */
export async function submitCheckIn(
  deps: Pick<MentoringDeps, 'repos' | 'ids'>,
  call: UseCaseCall<SubmitCheckInInput>,
): Promise<Result<CheckIn>> {
  const { principal, input, now } = call;
  const tenantId = principal.tenantId;
  const answers = trimAnswers(input.answers);
  const privateNote = input.privateNote?.trim() ?? '';
  const rating = validateRating(input.rating);
  if (!rating.ok) return rating;
  const something = requireSomething(answers, {
    goalProgress: input.goalProgress.length,
    actionItems: input.newActionItems.length,
    privateNote,
    ...(rating.value !== undefined ? { rating: rating.value } : {}),
  });
  if (!something.ok) return something;
  const seenGoals = new Set<string>();
  for (const [index, update] of input.goalProgress.entries()) {
    const progress = validateProgress(update.progress, `goalProgress[${index}].progress`);
    if (!progress.ok) return progress;
    if (seenGoals.has(update.goalId)) {
      return fail('CHECKIN.GOAL_REPEATED', 'Each goal can be updated once per check-in.', { field: `goalProgress[${index}].goalId` });
    }
    seenGoals.add(update.goalId);
  }

  const membership = await loadActiveMembership(deps, principal, input.relationshipId);
  if (!membership.ok) return membership;
  const relationship = membership.value.relationship;
  const items: ActionItemFields[] = [];
  for (const [index, item] of input.newActionItems.entries()) {
    const valid = validateActionItemFields(item, relationship, `newActionItems[${index}].`);
    if (!valid.ok) return valid;
    items.push(valid.value);
  }

  const parts = deps.repos.relationships;
  const [meeting, goals, existing] = await Promise.all([
    parts.meetings.get(tenantId, relationship.id, input.meetingId),
    parts.goals.list(tenantId, relationship.id),
    parts.checkIns.get(tenantId, relationship.id, checkInId(input.meetingId, principal.userId)),
  ]);
  if (!meeting.ok) {
    return meeting.error.code === STORAGE_NOT_FOUND
      ? fail('CHECKIN.MEETING_NOT_FOUND', 'That meeting is not part of this relationship.', { field: 'meetingId' })
      : meeting;
  }
  if (meeting.value.status === 'cancelled') {
    return fail('CHECKIN.MEETING_CANCELLED', 'That meeting was cancelled, so there is nothing to check in on.', { field: 'meetingId' });
  }
  if (meeting.value.start > now) {
    return fail('CHECKIN.MEETING_NOT_STARTED', 'You can check in once the meeting has started.', { field: 'meetingId' });
  }
  if (!goals.ok) return goals;
  const unknownGoal = input.goalProgress.findIndex((u) => !goals.value.some((g) => g.id === u.goalId));
  if (unknownGoal >= 0) {
    return fail('CHECKIN.GOAL_NOT_FOUND', 'One of the goals no longer exists; reload the goals and try again.', {
      field: `goalProgress[${unknownGoal}].goalId`,
    });
  }
  if (!existing.ok && existing.error.code !== STORAGE_NOT_FOUND) return existing;
  if (existing.ok) {
    // An edit without the version read would overwrite a check-in sent meanwhile (from the chat, another tab) unseen.
    if (input.version === undefined) {
      return fail('CHECKIN.VERSION_REQUIRED', 'You already checked in for this meeting (perhaps from the chat). Reload to see that check-in, then edit it.', {
        field: 'version',
      });
    }
    const stale = checkExpectedVersion(existing.value.version, input.version);
    if (!stale.ok) return stale;
  }

  const id = checkInId(input.meetingId, principal.userId);
  const newItemIds = items.map(() => deps.ids.newId());
  const checkIn: Omit<CheckIn, 'version'> = {
    id,
    meetingId: input.meetingId,
    authorId: principal.userId,
    answers,
    ...(rating.value !== undefined ? { rating: rating.value } : {}),
    goalProgress: input.goalProgress.map((u) => ({ goalId: u.goalId, progress: u.progress })),
    actionItemIds: [...(existing.ok ? existing.value.actionItemIds : []), ...newItemIds],
    ...(privateNote.length > 0 ? { privateNote } : {}),
    submittedAt: existing.ok ? existing.value.submittedAt : now,
    updatedAt: now,
  };
  // The new action items first, all or none, with the open-items limit checked in the same step as
  // the write (so concurrent check-ins and adds cannot pass it together); then the check-in.
  let created: ActionItem[] = [];
  if (items.length > 0) {
    const newItems = items.map((item, index) => ({
      id: newItemIds[index]!,
      ...item,
      status: 'open' as const,
      origin: { kind: 'checkIn' as const, checkInId: id },
      createdBy: principal.userId,
      createdAt: now,
      updatedAt: now,
    }));
    const made = await parts.actionItems.createWithin(tenantId, relationship.id, newItems, (current) => {
      const room = checkOpenActionItems(current.filter((i) => i.status === 'open').length, newItems.length);
      return room.ok ? room : { ok: false, error: { ...room.error, field: 'newActionItems' } };
    });
    if (!made.ok) return made;
    created = made.value;
  }
  const saved = existing.ok
    ? await parts.checkIns.update(tenantId, relationship.id, checkIn, existing.value.version)
    : await parts.checkIns.create(tenantId, relationship.id, checkIn);
  if (!saved.ok) {
    // The check-in lost a race, so its items go too: a refused check-in changes nothing.
    for (const item of created) await parts.actionItems.delete(tenantId, relationship.id, item.id, item.version);
    return saved.error.code === STORAGE_ALREADY_EXISTS
      ? fail(STORAGE_CONFLICT, 'This check-in was just sent from somewhere else. Reload it to edit.', { field: 'version' })
      : saved;
  }

  for (const update of input.goalProgress) {
    const applied = await setGoalProgress(deps, tenantId, relationship.id, update, now);
    if (!applied.ok) return applied;
  }
  return saved;
}

/** Progress from a check-in is a deliberate new value, so it is re-applied on a concurrent edit. */
async function setGoalProgress(
  deps: Pick<MentoringDeps, 'repos'>,
  tenantId: string,
  relationshipId: string,
  update: GoalProgressUpdate,
  now: number,
): Promise<Result<void>> {
  const goals = deps.repos.relationships.goals;
  for (let attempt = 0; attempt < GOAL_ATTEMPTS; attempt += 1) {
    const read = await goals.get(tenantId, relationshipId, update.goalId);
    if (!read.ok) return read.error.code === STORAGE_NOT_FOUND ? ok(undefined) : read;
    const { version, ...goal } = read.value;
    const written = await goals.update(tenantId, relationshipId, { ...goal, progress: update.progress, updatedAt: now }, version);
    if (written.ok) return ok(undefined);
    if (written.error.code !== STORAGE_CONFLICT) return written;
  }
  return fail(STORAGE_CONFLICT, 'The goal kept changing while saving its progress; open the goal and set it again.');
}

export async function listCheckIns(
  deps: Pick<MentoringDeps, 'repos'>,
  call: UseCaseCall<{ readonly relationshipId: string; readonly meetingId?: string }>,
): Promise<Result<CheckIn[]>> {
  const membership = await loadMembership(deps, call.principal, call.input.relationshipId);
  if (!membership.ok) return membership;
  const found = await deps.repos.relationships.checkIns.list(call.principal.tenantId, call.input.relationshipId);
  if (!found.ok) return found;
  const meetingId = call.input.meetingId;
  return ok(
    found.value
      .filter((c) => meetingId === undefined || c.meetingId === meetingId)
      .map((c) => checkInVisibleTo(c, call.principal.userId)),
  );
}

export async function getMyCheckIn(
  deps: Pick<MentoringDeps, 'repos'>,
  call: UseCaseCall<{ readonly relationshipId: string; readonly meetingId: string }>,
): Promise<Result<CheckIn>> {
  const { principal, input } = call;
  const membership = await loadMembership(deps, principal, input.relationshipId);
  if (!membership.ok) return membership;
  const found = await deps.repos.relationships.checkIns.get(principal.tenantId, input.relationshipId, checkInId(input.meetingId, principal.userId));
  if (!found.ok && found.error.code === STORAGE_NOT_FOUND) {
    return fail('CHECKIN.NOT_FOUND', 'You have not checked in for this meeting yet.', { field: 'meetingId' });
  }
  return found;
}

/** One page of the pair's check-ins (my private notes only on mine), oldest first. */
export async function pageCheckIns(
  deps: Pick<MentoringDeps, 'repos'>,
  call: UseCaseCall<{ readonly relationshipId: string; readonly meetingId?: string; readonly page: PageRequest }>,
): Promise<Result<Page<CheckIn>>> {
  const checkIns = await listCheckIns(deps, call);
  if (!checkIns.ok) return checkIns;
  return ok(pageOf(checkIns.value, (c) => chronologicalKey(c.submittedAt, c.id), call.input.page));
}
