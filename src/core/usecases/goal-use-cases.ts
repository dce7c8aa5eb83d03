import { checkGoalCount } from '../growth/growth-limits';
import { fail, ok, type Result } from '../result';
import { STORAGE_NOT_FOUND } from '../ports/repositories';
import type { Goal, SmartParts } from '../goals/goal';
import { smartCheck } from '../goals/smart-check';
import { validateGoalFields } from '../goals/validate-goal';
import type { MentoringDeps } from './deps';
import type { UseCaseCall } from './principal';
import { checkExpectedVersion, loadActiveMembership, loadMembership } from './relationship-access';
import type { GoalView } from './relationship-use-cases';

export interface AddGoalInput {
  readonly relationshipId: string;
  readonly title: string;
  readonly smart: SmartParts;
  readonly targetDate?: string;
  readonly progress?: number;
}

/** A partial change; `targetDate: null` clears the date. `version` is required: goals are edited by two people. */
export interface UpdateGoalInput {
  readonly relationshipId: string;
  readonly goalId: string;
  readonly version: string;
  readonly title?: string;
  readonly smart?: Partial<SmartParts>;
  readonly targetDate?: string | null;
  readonly progress?: number;
}

export interface DeleteGoalInput {
  readonly relationshipId: string;
  readonly goalId: string;
  readonly version: string;
}

const goalNotFound = () => fail('GOAL.NOT_FOUND', 'That goal no longer exists; it may have been deleted.', { field: 'goalId' });
const view = (goal: Goal): GoalView => ({ goal, missing: smartCheck(goal) });

export async function listGoals(
  deps: Pick<MentoringDeps, 'repos'>,
  call: UseCaseCall<{ readonly relationshipId: string }>,
): Promise<Result<GoalView[]>> {
  const membership = await loadMembership(deps, call.principal, call.input.relationshipId);
  if (!membership.ok) return membership;
  const goals = await deps.repos.relationships.goals.list(call.principal.tenantId, call.input.relationshipId);
  if (!goals.ok) return goals;
  return ok(goals.value.map(view));
}

export async function addGoal(
  deps: Pick<MentoringDeps, 'repos' | 'ids'>,
  call: UseCaseCall<AddGoalInput>,
): Promise<Result<GoalView>> {
  const { principal, input, now } = call;
  const fields = validateGoalFields({
    title: input.title,
    smart: input.smart,
    progress: input.progress ?? 0,
    ...(input.targetDate !== undefined ? { targetDate: input.targetDate } : {}),
  });
  if (!fields.ok) return fields;
  const membership = await loadActiveMembership(deps, principal, input.relationshipId);
  if (!membership.ok) return membership;
  // Checked and written in one step, so concurrent adds cannot pass the limit together.
  const created = await deps.repos.relationships.goals.createWithin(
    principal.tenantId,
    input.relationshipId,
    [{ id: deps.ids.newId(), ...fields.value, createdBy: principal.userId, createdAt: now, updatedAt: now }],
    (current) => checkGoalCount(current.length),
  );
  return created.ok ? ok(view(created.value[0]!)) : created;
}

export async function updateGoal(
  deps: Pick<MentoringDeps, 'repos'>,
  call: UseCaseCall<UpdateGoalInput>,
): Promise<Result<GoalView>> {
  const { principal, input, now } = call;
  const membership = await loadActiveMembership(deps, principal, input.relationshipId);
  if (!membership.ok) return membership;
  const found = await deps.repos.relationships.goals.get(principal.tenantId, input.relationshipId, input.goalId);
  if (!found.ok) return found.error.code === STORAGE_NOT_FOUND ? goalNotFound() : found;
  const goal = found.value;
  const stale = checkExpectedVersion(goal.version, input.version);
  if (!stale.ok) return stale;
  const targetDate = input.targetDate === null ? undefined : (input.targetDate ?? goal.targetDate);
  const fields = validateGoalFields({
    title: input.title ?? goal.title,
    smart: { ...goal.smart, ...definedOnly(input.smart ?? {}) },
    progress: input.progress ?? goal.progress,
    ...(targetDate !== undefined ? { targetDate } : {}),
  });
  if (!fields.ok) return fields;
  const { version: _v, targetDate: _t, ...rest } = goal;
  const updated = await deps.repos.relationships.goals.update(
    principal.tenantId,
    input.relationshipId,
    { ...rest, ...fields.value, updatedAt: now },
    input.version,
  );
  if (!updated.ok) return updated.error.code === STORAGE_NOT_FOUND ? goalNotFound() : updated;
  return ok(view(updated.value));
}

export async function deleteGoal(
  deps: Pick<MentoringDeps, 'repos'>,
  call: UseCaseCall<DeleteGoalInput>,
): Promise<Result<void>> {
  const { principal, input } = call;
  const membership = await loadActiveMembership(deps, principal, input.relationshipId);
  if (!membership.ok) return membership;
  const found = await deps.repos.relationships.goals.get(principal.tenantId, input.relationshipId, input.goalId);
  if (!found.ok) return found.error.code === STORAGE_NOT_FOUND ? goalNotFound() : found;
  // The same check update makes: a partner's edit since the caller read the goal is a conflict.
  const stale = checkExpectedVersion(found.value.version, input.version);
  if (!stale.ok) return stale;
  const deleted = await deps.repos.relationships.goals.delete(principal.tenantId, input.relationshipId, input.goalId, input.version);
  if (!deleted.ok && deleted.error.code === STORAGE_NOT_FOUND) return goalNotFound();
  return deleted;
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
