/**
 * One contract, two To Dos: the walk the To Do sync makes (find or create the "Mentoring" list, create
 * a task with its linked resource, read the list's delta, complete the task, delete it, read the
 * deletion from the deltaLink) answers in the same shapes from recorded Graph JSON
 * (tests/fixtures/graph/todo-*.json, Microsoft's documented examples, served by the strict server that
 * also checks each exact URL and body) and from the local calendar.
 */
import { z } from 'zod';
import type { LocalCalendarPerson } from '../../../src/local/calendar/demo-calendars';
import { localCalendarTable, startLocalGraphCalendar, type StartedLocalGraphCalendar } from '../../../src/local/calendar/local-graph-calendar';
import { testStorageConnectionString, uniqueTableName } from '../../support/azurite';
import { fixture, StrictGraphServer } from '../../adapters/graph/strict-graph-server';

// ---- Shapes, as Microsoft documents them (todoTaskList, todoTask, linkedResource, delta) -------------
const dateTimeTimeZone = z.object({ dateTime: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{7}$/), timeZone: z.string().min(1) });
const todoList = z.looseObject({
  '@odata.etag': z.string().regex(/^W\/".+"$/),
  id: z.string().min(1),
  displayName: z.string(),
  isOwner: z.boolean(),
  isShared: z.boolean(),
  wellknownListName: z.enum(['none', 'defaultList', 'flaggedEmails', 'unknownFutureValue']),
});
const linkedResource = z.looseObject({ id: z.string().min(1), applicationName: z.string(), displayName: z.string(), externalId: z.string(), webUrl: z.string().url() });
const todoTask = z.looseObject({
  '@odata.etag': z.string().regex(/^W\/".+"$/),
  id: z.string().min(1),
  title: z.string(),
  status: z.enum(['notStarted', 'inProgress', 'completed', 'waitingOnOthers', 'deferred']),
  importance: z.enum(['low', 'normal', 'high']),
  isReminderOn: z.boolean(),
  createdDateTime: z.string().refine((t) => !Number.isNaN(Date.parse(t))),
  lastModifiedDateTime: z.string().refine((t) => !Number.isNaN(Date.parse(t))),
  body: z.object({ content: z.string(), contentType: z.enum(['text', 'html']) }),
  categories: z.array(z.string()),
  dueDateTime: dateTimeTimeZone.optional(),
  completedDateTime: dateTimeTimeZone.optional(),
});
const removedTask = z.object({ '@odata.type': z.literal('#microsoft.graph.todoTask'), id: z.string().min(1), '@removed': z.object({ reason: z.literal('deleted') }) });
const deltaPage = z
  .object({
    '@odata.context': z.literal('https://graph.microsoft.com/v1.0/$metadata#Collection(todoTask)'),
    '@odata.deltaLink': z.string().regex(/\/todo\/lists\/[^/]+\/tasks\/delta\?\$deltatoken=/).optional(),
    '@odata.nextLink': z.string().regex(/\/todo\/lists\/[^/]+\/tasks\/delta\?\$skiptoken=/).optional(),
    value: z.array(z.union([removedTask, todoTask.extend({ '@odata.type': z.literal('#microsoft.graph.todoTask'), linkedResources: z.array(linkedResource).optional() })])),
  })
  .refine((p) => (p['@odata.deltaLink'] === undefined) !== (p['@odata.nextLink'] === undefined), 'a page has a deltaLink or a nextLink');
const graphError = z.object({ error: z.looseObject({ code: z.string().min(1), message: z.string().min(1) }) });

interface Answer {
  readonly status: number;
  readonly body: any;
}
interface Target {
  readonly user: string;
  send(step: string, method: string, path: string, body?: unknown): Promise<Answer>;
  stop(): Promise<void>;
}

const ITEM_ID = 'c0000001-0000-4000-8000-000000000001';
const LINK = 'https://teams.microsoft.com/l/entity/00000000-0000-4000-8000-0000000000aa/mentoring?context=%7B%22subEntityId%22%3A%22relationship%2Fr1%2Factions%22%7D';
const TASK_BODY = {
  title: 'Send Oliver the prompt library',
  status: 'notStarted',
  dueDateTime: { dateTime: '2027-01-20T00:00:00.0000000', timeZone: 'UTC' },
  linkedResources: [{ webUrl: LINK, applicationName: 'Mentoring', displayName: 'Send Oliver the prompt library', externalId: ITEM_ID }],
};
const pathOf = (link: string) => /\/v1\.0(\/.*)$/.exec(link)![1]!;

async function recordedGraph(): Promise<Target> {
  const server = await StrictGraphServer.start();
  const list = fixture('todo-list-created.response.json');
  const task = fixture('todo-task-created.response.json');
  const initial = fixture('todo-tasks-delta-initial.response.json');
  const replies: Record<string, { status: number; body?: unknown }> = {
    findList: { status: 200, body: fixture('todo-lists-empty.response.json') },
    createList: { status: 201, body: list },
    createTask: { status: 201, body: task },
    delta: { status: 200, body: initial },
    complete: { status: 200, body: fixture('todo-task-completed.response.json') },
    delete: { status: 204 },
    deltaAfter: { status: 200, body: fixture('todo-tasks-delta-removed.response.json') },
    patchGone: { status: 404, body: fixture('error-not-found.response.json') },
  };
  return {
    user: 'bc55b173-cff6-457d-b7a1-64bda7d7581a',
    async send(step, method, path, body) {
      const reply = replies[step];
      if (!reply) throw new Error(`no recorded answer for ${step}`);
      server.expect({ method, url: `/v1.0${path}`, ...(body !== undefined ? { body } : {}), reply });
      const response = await fetch(`${server.baseUrl}${path}`, { method, headers: { Authorization: 'Bearer t', ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}) }, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
      const text = await response.text();
      return { status: response.status, body: text ? JSON.parse(text) : undefined };
    },
    async stop() {
      server.verify();
      await server.stop();
    },
  };
}

async function localCalendar(): Promise<Target> {
  const person: LocalCalendarPerson = { personId: 'bc55b173-cff6-457d-b7a1-64bda7d7581a', email: 'oliver@contoso.com', displayName: 'Oliver Bennett', timeZone: 'Europe/London', seeded: false };
  const calendar: StartedLocalGraphCalendar = await startLocalGraphCalendar({ table: localCalendarTable(testStorageConnectionString(), uniqueTableName('todocontract')), people: [person], now: () => Date.UTC(2027, 0, 12, 14, 55) });
  return {
    user: person.personId,
    async send(_step, method, path, body) {
      const response = await fetch(`${calendar.baseUrl}${path}`, { method, headers: { Authorization: 'Bearer t', ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}) }, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
      const text = await response.text();
      return { status: response.status, body: text ? JSON.parse(text) : undefined };
    },
    stop: () => calendar.stop(),
  };
}

describe.each([
  ['recorded Graph JSON', recordedGraph],
  ['the local calendar', localCalendar],
])('To Do contract: %s', (_name, start) => {
  let target: Target;
  beforeAll(async () => {
    target = await start();
  });
  afterAll(async () => {
    await target.stop();
  });

  it('walks list, task with linked resource, delta, completion, deletion in Graph’s shapes', async () => {
    const lists = `/users/${target.user}/todo/lists`;
    const found = await target.send('findList', 'GET', `${lists}?$filter=displayName%20eq%20%27Mentoring%27`);
    expect(found.status).toBe(200);
    expect(z.looseObject({ value: z.array(todoList) }).parse(found.body).value).toEqual([]);

    const created = await target.send('createList', 'POST', lists, { displayName: 'Mentoring' });
    expect(created.status).toBe(201);
    const list = todoList.parse(created.body);
    expect(list).toMatchObject({ displayName: 'Mentoring', isOwner: true, wellknownListName: 'none' });

    const tasks = `${lists}/${encodeURIComponent(list.id)}/tasks`;
    const made = await target.send('createTask', 'POST', tasks, TASK_BODY);
    expect(made.status).toBe(201);
    const task = todoTask.extend({ linkedResources: z.array(linkedResource) }).parse(made.body);
    expect(task).toMatchObject({ title: TASK_BODY.title, status: 'notStarted', dueDateTime: TASK_BODY.dueDateTime });
    expect(task.linkedResources).toEqual([expect.objectContaining({ applicationName: 'Mentoring', externalId: ITEM_ID, webUrl: LINK })]);

    const first = await target.send('delta', 'GET', `${tasks}/delta?$expand=linkedResources`);
    expect(first.status).toBe(200);
    const page = deltaPage.parse(first.body);
    expect(page.value).toEqual([expect.objectContaining({ id: task.id, linkedResources: [expect.objectContaining({ externalId: ITEM_ID })] })]);
    expect(page['@odata.deltaLink']).toBeDefined();

    const done = await target.send('complete', 'PATCH', `${tasks}/${encodeURIComponent(task.id)}`, { status: 'completed' });
    expect(done.status).toBe(200);
    expect(todoTask.parse(done.body)).toMatchObject({ id: task.id, status: 'completed', completedDateTime: expect.any(Object) });

    expect((await target.send('delete', 'DELETE', `${tasks}/${encodeURIComponent(task.id)}`)).status).toBe(204);

    const after = await target.send('deltaAfter', 'GET', pathOf(page['@odata.deltaLink']!));
    expect(after.status).toBe(200);
    expect(deltaPage.parse(after.body).value).toEqual([{ '@odata.type': '#microsoft.graph.todoTask', id: task.id, '@removed': { reason: 'deleted' } }]);

    const gone = await target.send('patchGone', 'PATCH', `${tasks}/${encodeURIComponent(task.id)}`, { title: 'x' });
    expect(gone.status).toBe(404);
    graphError.parse(gone.body);
  });
});
