/**
 * Two-way sync between a person's action items and a "Mentoring" list in their Microsoft To Do.
 *
 * What flows where:
 * - product → To Do: an open item the person owns, in a relationship they opted in, becomes a task
 *   (title, due date, a linked resource that opens the relationship in the tab); completing,
 *   reopening, renaming or re-dating the item updates the task.
 * - To Do → product: completing the task completes the item. Deleting the task detaches it: the item
 *   stays, and is never written to To Do again.
 *
 * Nothing is written twice. Each item has a stored mapping with what was last written (`synced`); a
 * write happens only when the item differs from it. A task is created after a `pending` mapping is
 * saved and carries the item id in its linked resource (`externalId`): if the create's answer is lost
 * (a crash, a timeout) the next delta read finds the task by that id and links it instead of creating
 * a second one. A create refused with 429 created nothing, so the next run creates it once.
 *
 * The delta cursor is saved only when every change it covered was applied, so a change that could not
 * be applied (the item changed meanwhile) is read again next time; applying one twice changes nothing.
 */
import { fail, ok, type Result } from '../result';
import type { ActionItem } from '../actions/action-item';
import type { MentoringRepositories } from '../ports/repositories';
import type { MentoringDeps } from '../usecases/deps';
import type { UseCaseCall } from '../usecases/principal';
import { loadActiveMembership, loadMembership } from '../usecases/relationship-access';

export const TODO_LIST_NAME = 'Mentoring';

/** What the product writes into a task, and remembers having written. */
export interface TodoTaskFields {
  readonly title: string;
  /** YYYY-MM-DD */
  readonly dueDate?: string;
  readonly completed: boolean;
}

/** A change to a task: only the fields that differ; `dueDate: null` clears the date. */
export interface TodoTaskChangeSet {
  readonly title?: string;
  readonly dueDate?: string | null;
  readonly completed?: boolean;
}

export interface TodoTaskToCreate extends TodoTaskFields {
  /** The action item's id, kept in the linked resource so a lost answer can be recovered. */
  readonly externalId: string;
  /** Opens the relationship's action items in the tab. */
  readonly linkUrl: string;
  readonly linkTitle: string;
}

export type TodoTaskChange =
  | { readonly kind: 'removed'; readonly taskId: string }
  | { readonly kind: 'present'; readonly taskId: string; readonly completed: boolean; readonly externalId?: string };

export interface TodoChanges {
  readonly changes: readonly TodoTaskChange[];
  /** Where the next read starts (Graph's deltaLink). */
  readonly cursor: string;
}

/** One person's To Do, as the sync needs it (src/adapters/graph/graph-todo.adapter.ts). */
export interface TodoPort {
  /** The id of the person's list with this name, created when missing. */
  ensureList(displayName: string): Promise<Result<string>>;
  /** Tasks added, changed or removed since `cursor` (everything when absent). */
  readChanges(listId: string, cursor: string | undefined): Promise<Result<TodoChanges>>;
  /** Creates the task with its linked resource in one request; answers the task id. */
  createTask(listId: string, task: TodoTaskToCreate): Promise<Result<string>>;
  /** Changes only the given fields; `GRAPH.NOT_FOUND` when the task is gone. */
  updateTask(listId: string, taskId: string, change: TodoTaskChangeSet): Promise<Result<void>>;
}

/** A person's opt-in: their list, where its delta stands, and the relationships whose items go there. */
export interface TodoLink {
  readonly personId: string;
  readonly listId: string;
  readonly cursor?: string;
  readonly relationshipIds: readonly string[];
}

export type TodoMappingState = 'pending' | 'linked' | 'detached';

export interface TodoMapping {
  readonly itemId: string;
  readonly relationshipId: string;
  readonly state: TodoMappingState;
  readonly taskId?: string;
  /** What was last written to the task (or, for `pending`, is about to be). */
  readonly synced: TodoTaskFields;
}

export interface TodoRecords {
  getLink(tenantId: string, personId: string): Promise<Result<TodoLink | undefined>>;
  saveLink(tenantId: string, link: TodoLink): Promise<Result<void>>;
  /** Every link with at least one relationship, across tenants (the sync timer's work list). */
  listLinks(): Promise<Result<{ readonly tenantId: string; readonly link: TodoLink }[]>>;
  listMappings(tenantId: string, personId: string): Promise<Result<TodoMapping[]>>;
  saveMapping(tenantId: string, personId: string, mapping: TodoMapping): Promise<Result<void>>;
}

export interface TodoSyncDeps {
  readonly repos: Pick<MentoringRepositories, 'relationships'>;
  readonly todo: TodoPort;
  readonly records: TodoRecords;
  /** The tab's address for a relationship's action items. */
  readonly linkTo: (relationshipId: string) => string;
}

export interface TodoSyncSummary {
  readonly created: number;
  readonly updated: number;
  readonly completedFromTodo: number;
  readonly detached: number;
  /** Changes read from To Do that could not be applied yet (read again next time). */
  readonly deferred: number;
}

const EMPTY: TodoSyncSummary = { created: 0, updated: 0, completedFromTodo: 0, detached: 0, deferred: 0 };

export function taskFieldsOf(item: ActionItem): TodoTaskFields {
  return { title: item.title, ...(item.dueDate !== undefined ? { dueDate: item.dueDate } : {}), completed: item.status === 'done' };
}

/** The fields that differ between what was written and what the item says now; undefined when none. */
export function taskChange(synced: TodoTaskFields, now: TodoTaskFields): TodoTaskChangeSet | undefined {
  const change: { title?: string; dueDate?: string | null; completed?: boolean } = {};
  if (synced.title !== now.title) change.title = now.title;
  if (synced.dueDate !== now.dueDate) change.dueDate = now.dueDate ?? null;
  if (synced.completed !== now.completed) change.completed = now.completed;
  return Object.keys(change).length > 0 ? change : undefined;
}

/**
 * One sync round for one person: read To Do's changes, apply them to the items, then write the items'
 * changes to To Do. Stops at the first failure (a later run resumes where it stopped).
 */
export async function syncTodoForPerson(deps: TodoSyncDeps, input: { readonly tenantId: string; readonly personId: string; readonly now: number }): Promise<Result<TodoSyncSummary>> {
  const { tenantId, personId, now } = input;
  const link = await deps.records.getLink(tenantId, personId);
  if (!link.ok) return link;
  if (!link.value || link.value.relationshipIds.length === 0) return ok(EMPTY);
  const mappingsRead = await deps.records.listMappings(tenantId, personId);
  if (!mappingsRead.ok) return mappingsRead;
  const byItem = new Map(mappingsRead.value.map((m) => [m.itemId, m]));
  const byTask = new Map(mappingsRead.value.filter((m) => m.taskId !== undefined).map((m) => [m.taskId!, m]));
  const save = async (m: TodoMapping): Promise<Result<void>> => {
    const saved = await deps.records.saveMapping(tenantId, personId, m);
    if (saved.ok) {
      byItem.set(m.itemId, m);
      if (m.taskId) byTask.set(m.taskId, m);
    }
    return saved;
  };
  let { created, updated, completedFromTodo, detached, deferred } = EMPTY;

  // To Do → product
  let read = await deps.todo.readChanges(link.value.listId, link.value.cursor);
  // An expired delta state (410) starts a full round; applying what was already applied changes nothing.
  if (!read.ok && read.error.code === 'GRAPH.NOT_FOUND' && link.value.cursor !== undefined) read = await deps.todo.readChanges(link.value.listId, undefined);
  if (!read.ok) return read;
  for (const change of read.value.changes) {
    let mapping = byTask.get(change.taskId);
    if (change.kind === 'removed') {
      if (mapping && mapping.state === 'linked') {
        const saved = await save({ ...mapping, state: 'detached' });
        if (!saved.ok) return saved;
        detached++;
      }
      continue;
    }
    if (!mapping && change.externalId !== undefined) {
      // A task whose create answer was lost: link it rather than create another.
      const pending = byItem.get(change.externalId);
      if (pending && pending.state === 'pending') {
        mapping = { ...pending, state: 'linked', taskId: change.taskId };
        const saved = await save(mapping);
        if (!saved.ok) return saved;
      }
    }
    if (mapping?.state !== 'linked' || !change.completed || mapping.synced.completed) continue;
    const done = await completeItem(deps, tenantId, mapping, now);
    if (!done.ok) return done;
    if (done.value === 'deferred') {
      deferred++;
      continue;
    }
    const saved = await save({ ...mapping, synced: { ...mapping.synced, completed: true } });
    if (!saved.ok) return saved;
    if (done.value === 'completed') completedFromTodo++;
  }
  if (deferred === 0) {
    const saved = await deps.records.saveLink(tenantId, { ...link.value, cursor: read.value.cursor });
    if (!saved.ok) return saved;
  }

  // product → To Do
  for (const relationshipId of link.value.relationshipIds) {
    const items = await deps.repos.relationships.actionItems.list(tenantId, relationshipId);
    if (!items.ok) return items;
    for (const item of items.value) {
      if (item.ownerId !== personId) continue;
      const wanted = taskFieldsOf(item);
      const mapping = byItem.get(item.id);
      if (!mapping || mapping.state === 'pending') {
        if (!mapping && item.status !== 'open') continue;
        const pending: TodoMapping = { itemId: item.id, relationshipId, state: 'pending', synced: wanted };
        const noted = await save(pending);
        if (!noted.ok) return noted;
        const task = await deps.todo.createTask(link.value.listId, { ...wanted, externalId: item.id, linkUrl: deps.linkTo(relationshipId), linkTitle: item.title });
        if (!task.ok) return task;
        const saved = await save({ ...pending, state: 'linked', taskId: task.value });
        if (!saved.ok) return saved;
        created++;
        continue;
      }
      if (mapping.state !== 'linked') continue;
      const change = taskChange(mapping.synced, wanted);
      if (!change) continue;
      const written = await deps.todo.updateTask(link.value.listId, mapping.taskId!, change);
      if (!written.ok && written.error.code === 'GRAPH.NOT_FOUND') {
        // Deleted in To Do before the delta said so: detach, as a deletion does.
        const saved = await save({ ...mapping, state: 'detached' });
        if (!saved.ok) return saved;
        detached++;
        continue;
      }
      if (!written.ok) return written;
      const saved = await save({ ...mapping, synced: wanted });
      if (!saved.ok) return saved;
      updated++;
    }
  }
  return ok({ created, updated, completedFromTodo, detached, deferred });
}

/** Completes the item a task stands for; `deferred` when it changed meanwhile (read again next run). */
async function completeItem(
  deps: TodoSyncDeps,
  tenantId: string,
  mapping: TodoMapping,
  now: number,
): Promise<Result<'completed' | 'already' | 'deferred'>> {
  const found = await deps.repos.relationships.actionItems.get(tenantId, mapping.relationshipId, mapping.itemId);
  if (!found.ok) return found.error.code === 'STORAGE.NOT_FOUND' ? ok('already') : found;
  const item = found.value;
  if (item.status === 'done') return ok('already');
  const { version, ...rest } = item;
  const written = await deps.repos.relationships.actionItems.update(tenantId, mapping.relationshipId, { ...rest, status: 'done', completedAt: now, updatedAt: now }, version);
  if (!written.ok) return written.error.code === 'STORAGE.CONFLICT' ? ok('deferred') : written;
  return ok('completed');
}

/**
 * Turns a person's To Do sync on or off for one relationship. Turning it on makes sure the "Mentoring"
 * list exists (through the person's own, delegated access). Turning it off stops the sync; tasks
 * already in To Do stay there.
 */
export async function setTodoSync(
  deps: Pick<TodoSyncDeps, 'records'> & { readonly todo: Pick<TodoPort, 'ensureList'> },
  input: { readonly tenantId: string; readonly personId: string; readonly relationshipId: string; readonly enabled: boolean },
): Promise<Result<TodoLink | undefined>> {
  const current = await deps.records.getLink(input.tenantId, input.personId);
  if (!current.ok) return current;
  const others = (current.value?.relationshipIds ?? []).filter((id) => id !== input.relationshipId);
  if (!input.enabled) {
    if (!current.value) return ok(undefined);
    const link = { ...current.value, relationshipIds: others };
    const saved = await deps.records.saveLink(input.tenantId, link);
    return saved.ok ? ok(link) : saved;
  }
  let listId = current.value?.listId;
  if (!listId) {
    const list = await deps.todo.ensureList(TODO_LIST_NAME);
    if (!list.ok) return list;
    listId = list.value;
  }
  const link: TodoLink = { ...(current.value ?? {}), personId: input.personId, listId, relationshipIds: [...others, input.relationshipId].sort() };
  const saved = await deps.records.saveLink(input.tenantId, link);
  return saved.ok ? ok(link) : saved;
}

export const todoNotConfigured = () =>
  fail('TODO.NOT_CONFIGURED', 'Microsoft To Do is not connected on this server yet: an administrator must give the API a credential for Microsoft Graph and the tab’s address (TAB_ENDPOINT or TEAMS_APP_ID).');

export interface TodoSyncState {
  readonly enabled: boolean;
  readonly listName: string;
  readonly synced?: TodoSyncSummary;
}

/** Whether the caller's items of this relationship go to their To Do. */
export async function getTodoSync(deps: Pick<TodoSyncDeps, 'records'> & Pick<MentoringDeps, 'repos'>, call: UseCaseCall<{ readonly relationshipId: string }>): Promise<Result<TodoSyncState>> {
  const membership = await loadMembership(deps, call.principal, call.input.relationshipId);
  if (!membership.ok) return membership;
  const link = await deps.records.getLink(call.principal.tenantId, call.principal.userId);
  if (!link.ok) return link;
  return ok({ enabled: link.value?.relationshipIds.includes(call.input.relationshipId) ?? false, listName: TODO_LIST_NAME });
}

/**
 * The caller turns the sync on (an active relationship only) or off. On: the list is made sure of and
 * a first sync runs at once, through the caller's own access, so their open items are in To Do when
 * the answer comes.
 */
export async function changeTodoSync(deps: TodoSyncDeps & Pick<MentoringDeps, 'repos'>, call: UseCaseCall<{ readonly relationshipId: string; readonly enabled: boolean }>): Promise<Result<TodoSyncState>> {
  const { principal, input, now } = call;
  const membership = input.enabled ? await loadActiveMembership(deps, principal, input.relationshipId) : await loadMembership(deps, principal, input.relationshipId);
  if (!membership.ok) return membership;
  const changed = await setTodoSync(deps, { tenantId: principal.tenantId, personId: principal.userId, relationshipId: input.relationshipId, enabled: input.enabled });
  if (!changed.ok) return changed;
  if (!input.enabled) return ok({ enabled: false, listName: TODO_LIST_NAME });
  const synced = await syncTodoForPerson(deps, { tenantId: principal.tenantId, personId: principal.userId, now });
  if (!synced.ok) return synced;
  return ok({ enabled: true, listName: TODO_LIST_NAME, synced: synced.value });
}
