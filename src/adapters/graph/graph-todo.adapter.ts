/**
 * One person's Microsoft To Do over Graph v1.0 (the core's TodoPort). `owner` is the path segment:
 * `me` with the person's own delegated token (opt-in, when the person is present), or
 * `users/{id}` with the app's token (the background sync).
 *
 *   ensureList    GET /{owner}/todo/lists?$filter=displayName eq 'Mentoring', POST /{owner}/todo/lists when missing
 *   readChanges   GET /{owner}/todo/lists/{listId}/tasks/delta?$expand=linkedResources (then nextLink/deltaLink)
 *   createTask    POST /{owner}/todo/lists/{listId}/tasks {title, status, dueDateTime, linkedResources: [...]}
 *   updateTask    PATCH /{owner}/todo/lists/{listId}/tasks/{taskId} {title?, status?, dueDateTime?}
 *
 * Creates are retried only after 429 (see CREATE_RETRIES); reads and PATCHes, which are safe to repeat,
 * take the client's retries of 429/503/504.
 * The linked resource is created inside the task's POST: one request, and Graph documents no
 * application permission for POST …/linkedResources on its own.
 */
import { RetryHandlerOptions, type Client } from '@microsoft/microsoft-graph-client';
import { z } from 'zod';
import { ok, type Result } from '../../core/result';
import type { TodoChanges, TodoPort, TodoTaskChange, TodoTaskChangeSet, TodoTaskToCreate } from '../../core/todo/todo-sync';
import { pathOfLink, readDeltaRound } from './graph-delta-round';
import { fromThrown, graphInvalidResponse } from './graph-errors';

export const TODO_APPLICATION_NAME = 'Mentoring';

const listPage = z.looseObject({ value: z.array(z.looseObject({ id: z.string().min(1), displayName: z.string() })) });
const createdList = z.looseObject({ id: z.string().min(1) });
const createdTask = z.looseObject({ id: z.string().min(1) });
const deltaTask = z.looseObject({
  id: z.string().min(1),
  '@removed': z.looseObject({ reason: z.string() }).optional(),
  status: z.string().optional(),
  linkedResources: z.array(z.looseObject({ applicationName: z.string().nullish(), externalId: z.string().nullish() })).optional(),
});

/** A due date as To Do keeps it: the day at midnight, in UTC. */
export function dueDateTime(date: string): { dateTime: string; timeZone: string } {
  return { dateTime: `${date}T00:00:00.0000000`, timeZone: 'UTC' };
}

const MAX_PAGES = 500;

/**
 * A create is retried only after 429, which Graph answers before doing anything. A 503/504 may come
 * after the task was made (To Do has no transactionId): the sync then finds it by its linked
 * resource's externalId in the next delta rather than making a second one.
 */
const CREATE_RETRIES = new RetryHandlerOptions(3, 3, (_delay, _attempt, _request, _options, response) => response.status === 429);

export class GraphTodoAdapter implements TodoPort {
  private readonly owner: string;

  constructor(
    private readonly client: Client,
    owner: { readonly me: true } | { readonly userId: string },
  ) {
    this.owner = 'me' in owner ? '/me' : `/users/${encodeURIComponent(owner.userId)}`;
  }

  /**
   * A delta link names whoever read it (`/me/…` after the opt-in, `/users/{id}/…` after the timer);
   * the state token is the list's, so the link is followed with this adapter's own owner.
   */
  private ownPath(link: string): string {
    return pathOfLink(link).replace(/^\/(me|users\/[^/]+)\/todo\//, `${this.owner}/todo/`);
  }

  async ensureList(displayName: string): Promise<Result<string>> {
    const operation = 'find or create the To Do list';
    let raw: unknown;
    try {
      raw = await this.client.api(`${this.owner}/todo/lists`).filter(`displayName eq '${displayName.replace(/'/g, "''")}'`).get();
    } catch (cause) {
      return fromThrown(cause, operation);
    }
    const lists = listPage.safeParse(raw);
    if (!lists.success) return graphInvalidResponse(operation, lists.error.issues[0]?.message ?? '');
    const found = lists.data.value.find((l) => l.displayName === displayName);
    if (found) return ok(found.id);
    try {
      raw = await this.client.api(`${this.owner}/todo/lists`).post({ displayName });
    } catch (cause) {
      return fromThrown(cause, operation);
    }
    const list = createdList.safeParse(raw);
    return list.success ? ok(list.data.id) : graphInvalidResponse(operation, list.error.issues[0]?.message ?? '');
  }

  async readChanges(listId: string, cursor: string | undefined): Promise<Result<TodoChanges>> {
    const firstUrl = cursor !== undefined ? this.ownPath(cursor) : `${this.owner}/todo/lists/${encodeURIComponent(listId)}/tasks/delta?$expand=linkedResources`;
    const round = await readDeltaRound({ client: this.client, firstUrl, item: deltaTask, operation: 'read the To Do list’s changes', maxPages: MAX_PAGES, follow: (link) => this.ownPath(link) });
    if (!round.ok) return round;
    const changes = round.value.items.map((task): TodoTaskChange => {
      if (task['@removed']) return { kind: 'removed', taskId: task.id };
      const ours = task.linkedResources?.find((r) => r.applicationName === TODO_APPLICATION_NAME && r.externalId);
      return { kind: 'present', taskId: task.id, completed: task.status === 'completed', ...(ours?.externalId ? { externalId: ours.externalId } : {}) };
    });
    return ok({ changes, cursor: round.value.deltaLink });
  }

  async createTask(listId: string, task: TodoTaskToCreate): Promise<Result<string>> {
    const operation = 'create the To Do task';
    let raw: unknown;
    try {
      raw = await this.client.api(`${this.owner}/todo/lists/${encodeURIComponent(listId)}/tasks`).middlewareOptions([CREATE_RETRIES]).post({
        title: task.title,
        status: task.completed ? 'completed' : 'notStarted',
        ...(task.dueDate !== undefined ? { dueDateTime: dueDateTime(task.dueDate) } : {}),
        linkedResources: [{ webUrl: task.linkUrl, applicationName: TODO_APPLICATION_NAME, displayName: task.linkTitle, externalId: task.externalId }],
      });
    } catch (cause) {
      return fromThrown(cause, operation);
    }
    const parsed = createdTask.safeParse(raw);
    return parsed.success ? ok(parsed.data.id) : graphInvalidResponse(operation, parsed.error.issues[0]?.message ?? '');
  }

  async updateTask(listId: string, taskId: string, change: TodoTaskChangeSet): Promise<Result<void>> {
    const body: Record<string, unknown> = {};
    if (change.title !== undefined) body.title = change.title;
    if (change.completed !== undefined) body.status = change.completed ? 'completed' : 'notStarted';
    if (change.dueDate !== undefined) body.dueDateTime = change.dueDate === null ? null : dueDateTime(change.dueDate);
    try {
      await this.client.api(`${this.owner}/todo/lists/${encodeURIComponent(listId)}/tasks/${encodeURIComponent(taskId)}`).patch(body);
    } catch (cause) {
      return fromThrown(cause, 'update the To Do task');
    }
    return ok(undefined);
  }
}
