/**
 * Microsoft To Do in the local calendar: the part of Graph v1.0 the product uses, in Graph's shapes,
 * kept in the calendar's Azurite table (partition `todo|{personId}`), so it survives a restart.
 *
 *   GET|POST /users/{id}/todo/lists                    ($filter=displayName eq '…')
 *   GET|POST /users/{id}/todo/lists/{listId}/tasks     create takes linkedResources inline
 *   GET|PATCH|DELETE /users/{id}/todo/lists/{listId}/tasks/{taskId}
 *   GET  /users/{id}/todo/lists/{listId}/tasks/{taskId}/linkedResources
 *   GET  /users/{id}/todo/lists/{listId}/tasks/delta   nextLink/deltaLink rounds, `@removed` for deletions,
 *                                                      $expand=linkedResources, Prefer: odata.maxpagesize
 * `/me/...` reaches the same routes for a delegated token's own user (local-graph-calendar.ts).
 *
 * What is inferred rather than documented: ids are opaque base64 strings like Graph's; an unknown
 * delta token answers 410 `syncStateNotFound`, as Graph's delta queries do for an expired state.
 */
import { randomBytes } from 'node:crypto';
import type { TableClient } from '@azure/data-tables';
import { z } from 'zod';
import { graphError, itemNotFound, type Answer } from './graph-answer';

const GRAPH = 'https://graph.microsoft.com/v1.0';

const dateTimeTimeZone = z.object({ dateTime: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/), timeZone: z.string().min(1) }).strict();
const linkedResourceInput = z
  .object({ webUrl: z.string().optional(), applicationName: z.string().min(1), displayName: z.string().min(1), externalId: z.string().optional() })
  .strict();
const STATUSES = ['notStarted', 'inProgress', 'completed', 'waitingOnOthers', 'deferred'] as const;
const taskInput = z
  .object({
    title: z.string().optional(),
    status: z.enum(STATUSES).optional(),
    importance: z.enum(['low', 'normal', 'high']).optional(),
    dueDateTime: dateTimeTimeZone.nullable().optional(),
    body: z.object({ content: z.string(), contentType: z.enum(['text', 'html']) }).strict().optional(),
    categories: z.array(z.string()).optional(),
    linkedResources: z.array(linkedResourceInput).optional(),
  })
  .strict();
const listInput = z.object({ displayName: z.string().min(1).max(255) }).strict();

interface LocalTask {
  readonly listId: string;
  readonly doc: Record<string, unknown>;
  readonly seq: number;
  readonly removed: boolean;
}

const partition = (personId: string) => `todo|${personId.toLowerCase()}`;
const newId = () => randomBytes(36).toString('base64').replace(/\//g, '_').replace(/\+/g, '-');
const iso7 = (ms: number) => `${new Date(ms).toISOString().slice(0, 19)}.${String(ms % 1000).padStart(3, '0')}0000Z`;
const etag = () => `W/"${randomBytes(16).toString('base64')}"`;

function token(value: object): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}
function untoken(value: string): { listId: string; after: number; upTo?: number; expand?: string } | undefined {
  try {
    const parsed = JSON.parse(Buffer.from(value, 'base64url').toString('utf8')) as unknown;
    const t = z.object({ listId: z.string(), after: z.number(), upTo: z.number().optional(), expand: z.string().optional() }).safeParse(parsed);
    return t.success ? t.data : undefined;
  } catch {
    return undefined;
  }
}

export class LocalTodo {
  private lastSeq = 0;
  private ready: Promise<void> | undefined;

  constructor(
    private readonly table: TableClient,
    private readonly now: () => number,
  ) {}

  private nextSeq(): number {
    // Wall time, so the order holds across restarts of the stand-in.
    this.lastSeq = Math.max(this.lastSeq + 1, Date.now() * 1000);
    return this.lastSeq;
  }

  private ensure(): Promise<void> {
    this.ready ??= this.table.createTable().then(
      () => undefined,
      (error: unknown) => {
        this.ready = undefined;
        throw error;
      },
    );
    return this.ready;
  }

  private async lists(personId: string): Promise<Record<string, unknown>[]> {
    await this.ensure();
    const out: Record<string, unknown>[] = [];
    for await (const row of this.table.listEntities<{ doc: string }>({ queryOptions: { filter: `PartitionKey eq '${partition(personId)}' and kind eq 'todoList'` } })) {
      out.push(JSON.parse(row.doc) as Record<string, unknown>);
    }
    return out;
  }

  private async tasks(personId: string, listId: string, afterSeq = -1): Promise<LocalTask[]> {
    await this.ensure();
    const out: LocalTask[] = [];
    const filter = `PartitionKey eq '${partition(personId)}' and kind eq 'todoTask' and listId eq '${listId.replace(/'/g, "''")}' and seq gt ${afterSeq}`;
    for await (const row of this.table.listEntities<{ doc: string; seq: number; removed: boolean; listId: string }>({ queryOptions: { filter } })) {
      out.push({ listId: row.listId, doc: JSON.parse(row.doc) as Record<string, unknown>, seq: Number(row.seq), removed: Boolean(row.removed) });
    }
    return out.sort((a, b) => a.seq - b.seq);
  }

  private async task(personId: string, listId: string, taskId: string): Promise<LocalTask | undefined> {
    await this.ensure();
    try {
      const row = await this.table.getEntity<{ doc: string; seq: number; removed: boolean; listId: string }>(partition(personId), `task|${listId}|${taskId}`);
      return { listId: row.listId, doc: JSON.parse(row.doc) as Record<string, unknown>, seq: Number(row.seq), removed: Boolean(row.removed) };
    } catch (error) {
      if ((error as { statusCode?: number }).statusCode === 404) return undefined;
      throw error;
    }
  }

  private async saveTask(personId: string, listId: string, doc: Record<string, unknown>, removed = false): Promise<void> {
    await this.table.upsertEntity(
      { partitionKey: partition(personId), rowKey: `task|${listId}|${String(doc.id)}`, kind: 'todoTask', listId, seq: this.nextSeq(), removed, doc: JSON.stringify(doc) },
      'Replace',
    );
  }

  /** `rest` is the path after /users/{id}/todo; `self` is the absolute URL of /users/{id} as called. */
  async route(call: { method: string; rest: readonly string[]; query: URLSearchParams; prefer?: string; body: unknown; personId: string; self: string }): Promise<Answer> {
    const { method, rest, personId } = call;
    if (rest[0] !== 'lists') return graphError(400, 'BadRequest', `Resource not found for the segment '${rest[0] ?? ''}'.`);
    if (rest.length === 1) return method === 'GET' ? this.listLists(personId, call.query) : method === 'POST' ? this.createList(personId, call.body) : notAllowed(method);
    const listId = decodeURIComponent(rest[1]!);
    const list = (await this.lists(personId)).find((l) => l.id === listId);
    if (!list) return itemNotFound();
    if (rest.length === 2) return method === 'GET' ? { status: 200, body: { '@odata.context': `${GRAPH}/$metadata#users('${personId}')/todo/lists/$entity`, ...list } } : notAllowed(method);
    if (rest[2] !== 'tasks') return graphError(400, 'BadRequest', `Resource not found for the segment '${rest[2] ?? ''}'.`);
    if (rest.length === 3) {
      if (method === 'POST') return this.createTask(personId, listId, call.body);
      if (method === 'GET') {
        const all = (await this.tasks(personId, listId)).filter((t) => !t.removed);
        return { status: 200, body: { '@odata.context': `${GRAPH}/$metadata#users('${personId}')/todo/lists('${listId}')/tasks`, value: all.map((t) => shape(t.doc, call.query)) } };
      }
      return notAllowed(method);
    }
    if (rest[3] === 'delta' && rest.length === 4) return method === 'GET' ? this.delta(personId, listId, call) : notAllowed(method);
    const taskId = decodeURIComponent(rest[3]!);
    const found = await this.task(personId, listId, taskId);
    if (!found || found.removed) return itemNotFound();
    if (rest.length === 5 && rest[4] === 'linkedResources' && method === 'GET') {
      return { status: 200, body: { '@odata.context': `${GRAPH}/$metadata#users('${personId}')/todo/lists('${listId}')/tasks('${taskId}')/linkedResources`, value: found.doc.linkedResources ?? [] } };
    }
    if (rest.length !== 4) return graphError(400, 'BadRequest', `Resource not found for the segment '${rest[4] ?? ''}'.`);
    if (method === 'GET') return { status: 200, body: { '@odata.context': `${GRAPH}/$metadata#users('${personId}')/todo/lists('${listId}')/tasks/$entity`, ...shape(found.doc, call.query) } };
    if (method === 'DELETE') {
      await this.saveTask(personId, listId, { id: taskId }, true);
      return { status: 204 };
    }
    if (method === 'PATCH') return this.patchTask(personId, listId, found.doc, call.body);
    return notAllowed(method);
  }

  private async listLists(personId: string, query: URLSearchParams): Promise<Answer> {
    let lists = await this.lists(personId);
    const filter = query.get('$filter');
    if (filter) {
      const name = /^displayName eq '((?:[^']|'')*)'$/.exec(filter.trim())?.[1];
      if (name === undefined) return graphError(400, 'BadRequest', `Invalid filter clause: ${filter}`);
      lists = lists.filter((l) => l.displayName === name.replace(/''/g, "'"));
    }
    return { status: 200, body: { '@odata.context': `${GRAPH}/$metadata#users('${personId}')/todo/lists`, value: lists } };
  }

  private async createList(personId: string, body: unknown): Promise<Answer> {
    const input = listInput.safeParse(body);
    if (!input.success) return graphError(400, 'invalidRequest', `Invalid request body: ${input.error.issues[0]?.path.join('.') ?? ''} ${input.error.issues[0]?.message ?? ''}`);
    await this.ensure();
    const list = { '@odata.etag': etag(), displayName: input.data.displayName, isOwner: true, isShared: false, wellknownListName: 'none', id: newId() };
    await this.table.upsertEntity({ partitionKey: partition(personId), rowKey: `list|${list.id}`, kind: 'todoList', doc: JSON.stringify(list) }, 'Replace');
    return { status: 201, body: { '@odata.context': `${GRAPH}/$metadata#users('${personId}')/todo/lists/$entity`, ...list } };
  }

  private async createTask(personId: string, listId: string, body: unknown): Promise<Answer> {
    const input = taskInput.safeParse(body);
    if (!input.success) return graphError(400, 'invalidRequest', `Invalid request body: ${input.error.issues[0]?.path.join('.') ?? ''} ${input.error.issues[0]?.message ?? ''}`);
    if (!input.data.title) return graphError(400, 'invalidRequest', 'The title of a task is required.');
    const at = iso7(this.now());
    const id = newId();
    const status = input.data.status ?? 'notStarted';
    const doc: Record<string, unknown> = {
      '@odata.etag': etag(),
      importance: input.data.importance ?? 'normal',
      isReminderOn: false,
      status,
      title: input.data.title,
      createdDateTime: at,
      lastModifiedDateTime: at,
      hasAttachments: false,
      categories: input.data.categories ?? [],
      id,
      body: input.data.body ?? { content: '', contentType: 'text' },
      ...(input.data.dueDateTime ? { dueDateTime: input.data.dueDateTime } : {}),
      ...(status === 'completed' ? { completedDateTime: { dateTime: at.replace(/Z$/, ''), timeZone: 'UTC' } } : {}),
      linkedResources: (input.data.linkedResources ?? []).map((r) => ({ ...r, id: newId().slice(0, 36) })),
    };
    await this.saveTask(personId, listId, doc);
    return { status: 201, body: { '@odata.context': `${GRAPH}/$metadata#users('${personId}')/todo/lists('${listId}')/tasks/$entity`, ...shape(doc, new URLSearchParams('$expand=linkedResources')) } };
  }

  private async patchTask(personId: string, listId: string, current: Record<string, unknown>, body: unknown): Promise<Answer> {
    const input = taskInput.omit({ linkedResources: true }).safeParse(body);
    if (!input.success) return graphError(400, 'invalidRequest', `Invalid request body: ${input.error.issues[0]?.path.join('.') ?? ''} ${input.error.issues[0]?.message ?? ''}`);
    const at = iso7(this.now());
    const next: Record<string, unknown> = { ...current, '@odata.etag': etag(), lastModifiedDateTime: at };
    const { dueDateTime, status, ...rest } = input.data;
    Object.assign(next, rest);
    if (dueDateTime === null) delete next.dueDateTime;
    else if (dueDateTime) next.dueDateTime = dueDateTime;
    if (status) {
      next.status = status;
      if (status === 'completed' && current.status !== 'completed') next.completedDateTime = { dateTime: at.replace(/Z$/, ''), timeZone: 'UTC' };
      if (status !== 'completed') delete next.completedDateTime;
    }
    await this.saveTask(personId, listId, next);
    return { status: 200, body: { '@odata.context': `${GRAPH}/$metadata#users('${personId}')/todo/lists('${listId}')/tasks/$entity`, ...shape(next, new URLSearchParams()) } };
  }

  /** Graph's delta rounds: pages of ≤ maxpagesize (default 100) with nextLink, the last with a deltaLink. */
  private async delta(personId: string, listId: string, call: { query: URLSearchParams; prefer?: string; self: string }): Promise<Answer> {
    const skip = call.query.get('$skiptoken');
    const delta = call.query.get('$deltatoken');
    const state: { listId: string; after: number; upTo?: number; expand?: string } | undefined = skip ? untoken(skip) : delta ? untoken(delta) : { listId, after: -1 };
    if (!state || state.listId !== listId) return graphError(410, 'syncStateNotFound', 'The sync state generation is not found. Please do a full sync.');
    const expand = (skip || delta ? state.expand : call.query.get('$expand')) ?? undefined;
    const size = Math.min(Math.max(Number(/odata\.maxpagesize=(\d+)/.exec(call.prefer ?? '')?.[1] ?? 100) || 100, 1), 1000);
    const changed = await this.tasks(personId, listId, state.after);
    const upTo = state.upTo ?? (changed.at(-1)?.seq ?? state.after);
    // A first round (no token) lists what exists; a later one also reports deletions.
    const initial = !skip && !delta;
    const round = changed.filter((t) => t.seq <= upTo && !(t.removed && initial));
    const page = round.slice(0, size);
    const last = page.at(-1)?.seq ?? upTo;
    const base = `${call.self}/todo/lists/${encodeURIComponent(listId)}/tasks/delta`;
    const query = new URLSearchParams(expand ? `$expand=${expand}` : '');
    const value = page.map((t) =>
      t.removed ? { '@odata.type': '#microsoft.graph.todoTask', id: String(t.doc.id), '@removed': { reason: 'deleted' } } : { '@odata.type': '#microsoft.graph.todoTask', ...shape(t.doc, query) },
    );
    const more = round.length > page.length;
    const link = more
      ? { '@odata.nextLink': `${base}?$skiptoken=${token({ listId, after: last, upTo, ...(expand ? { expand } : {}) })}` }
      : { '@odata.deltaLink': `${base}?$deltatoken=${token({ listId, after: upTo, ...(expand ? { expand } : {}) })}` };
    return { status: 200, body: { '@odata.context': `${GRAPH}/$metadata#Collection(todoTask)`, ...link, value } };
  }
}

/** Like Graph: linkedResources come back only when $expand asks for them. */
function shape(doc: Record<string, unknown>, query: URLSearchParams): Record<string, unknown> {
  const { linkedResources, ...rest } = doc;
  const expand = query.get('$expand') ?? '';
  return /(^|,)\s*linkedResources\s*($|,)/.test(expand) ? { ...rest, linkedResources } : rest;
}

const notAllowed = (method: string) => graphError(405, 'ErrorInvalidRequest', `${method} is not supported here.`);
