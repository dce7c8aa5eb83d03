import { checkOpenActionItems } from '../growth/growth-limits';
import { chronologicalKey, pageOf, type Page, type PageRequest } from '../growth/paging';
import { fail, ok, type Result } from '../result';
import { STORAGE_NOT_FOUND } from '../ports/repositories';
import type { ActionItem, ActionItemStatus } from '../actions/action-item';
import { validateActionItemFields } from '../actions/action-item-rules';
import type { MentoringDeps } from './deps';
import type { UseCaseCall } from './principal';
import { checkExpectedVersion, loadActiveMembership, loadMembership } from './relationship-access';

export interface AddActionItemInput {
  readonly relationshipId: string;
  readonly title: string;
  readonly ownerId: string;
  readonly dueDate?: string;
}

/** A partial change; `dueDate: null` clears the date. */
export interface UpdateActionItemInput {
  readonly relationshipId: string;
  readonly itemId: string;
  readonly version: string;
  readonly title?: string;
  readonly ownerId?: string;
  readonly dueDate?: string | null;
  readonly status?: ActionItemStatus;
}

const itemNotFound = () =>
  fail('ACTION_ITEM.NOT_FOUND', 'That action item no longer exists.', { field: 'itemId' });

export async function listActionItems(
  deps: Pick<MentoringDeps, 'repos'>,
  call: UseCaseCall<{ readonly relationshipId: string; readonly status?: ActionItemStatus }>,
): Promise<Result<ActionItem[]>> {
  const membership = await loadMembership(deps, call.principal, call.input.relationshipId);
  if (!membership.ok) return membership;
  const items = await deps.repos.relationships.actionItems.list(call.principal.tenantId, call.input.relationshipId);
  if (!items.ok) return items;
  const status = call.input.status;
  return ok(status === undefined ? items.value : items.value.filter((i) => i.status === status));
}

export async function addActionItem(
  deps: Pick<MentoringDeps, 'repos' | 'ids'>,
  call: UseCaseCall<AddActionItemInput>,
): Promise<Result<ActionItem>> {
  const { principal, input, now } = call;
  const membership = await loadActiveMembership(deps, principal, input.relationshipId);
  if (!membership.ok) return membership;
  const fields = validateActionItemFields(input, membership.value.relationship);
  if (!fields.ok) return fields;
  const item = {
    id: deps.ids.newId(),
    ...fields.value,
    status: 'open' as const,
    origin: { kind: 'manual' as const },
    createdBy: principal.userId,
    createdAt: now,
    updatedAt: now,
  };
  // Checked and written in one step, so concurrent adds cannot pass the limit together.
  const created = await deps.repos.relationships.actionItems.createWithin(principal.tenantId, input.relationshipId, [item], (current) =>
    checkOpenActionItems(openCount(current), 1),
  );
  return created.ok ? ok(created.value[0]!) : created;
}

const openCount = (items: readonly ActionItem[]) => items.filter((i) => i.status === 'open').length;

export async function updateActionItem(
  deps: Pick<MentoringDeps, 'repos'>,
  call: UseCaseCall<UpdateActionItemInput>,
): Promise<Result<ActionItem>> {
  const { principal, input, now } = call;
  const membership = await loadActiveMembership(deps, principal, input.relationshipId);
  if (!membership.ok) return membership;
  const found = await deps.repos.relationships.actionItems.get(principal.tenantId, input.relationshipId, input.itemId);
  if (!found.ok) return found.error.code === STORAGE_NOT_FOUND ? itemNotFound() : found;
  const item = found.value;
  const stale = checkExpectedVersion(item.version, input.version);
  if (!stale.ok) return stale;
  if (input.status !== undefined && input.status !== 'open' && input.status !== 'done') {
    return fail('ACTION_ITEM.STATUS_UNKNOWN', 'An action item is either open or done.', { field: 'status' });
  }
  const dueDate = input.dueDate === null ? undefined : (input.dueDate ?? item.dueDate);
  const fields = validateActionItemFields(
    { title: input.title ?? item.title, ownerId: input.ownerId ?? item.ownerId, ...(dueDate !== undefined ? { dueDate } : {}) },
    membership.value.relationship,
  );
  if (!fields.ok) return fields;
  const status = input.status ?? item.status;
  const { version: _v, dueDate: _d, completedAt: _c, ...rest } = item;
  const completedAt = status === 'done' ? (item.status === 'done' ? item.completedAt : now) : undefined;
  const next = { ...rest, ...fields.value, status, updatedAt: now, ...(completedAt !== undefined ? { completedAt } : {}) };
  const items = deps.repos.relationships.actionItems;
  const updated =
    item.status === 'done' && status === 'open'
      ? // Reopening counts against the open items like adding one, checked and written in one step.
        await items.updateWithin(principal.tenantId, input.relationshipId, next, input.version, (current) => {
          const room = checkOpenActionItems(openCount(current), 1);
          return room.ok ? room : { ok: false, error: { ...room.error, field: 'status' } };
        })
      : await items.update(principal.tenantId, input.relationshipId, next, input.version);
  if (!updated.ok && updated.error.code === STORAGE_NOT_FOUND) return itemNotFound();
  return updated;
}

/** One page of the pair's action items (all, or open or done), oldest first. */
export async function pageActionItems(
  deps: Pick<MentoringDeps, 'repos'>,
  call: UseCaseCall<{ readonly relationshipId: string; readonly status?: ActionItemStatus; readonly page: PageRequest }>,
): Promise<Result<Page<ActionItem>>> {
  const items = await listActionItems(deps, call);
  if (!items.ok) return items;
  return ok(pageOf(items.value, (i) => chronologicalKey(i.createdAt, i.id), call.input.page));
}
