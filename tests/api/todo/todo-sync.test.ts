/**
 * Microsoft To Do two-way sync on the local stack: the API over HTTP, Azurite, the local calendar's
 * To Do (in Graph's shapes, tests/local/calendar/todo-graph-contract.test.ts), the sync timer's own
 * function. What a person does in To Do is done here over Graph's URLs, as To Do's apps would.
 */
import { startApiHarness, type ApiHarness, type Cast } from '../support/api-harness';
import { syncAllTodo } from '../../../src/api/functions/sync-todo';
import type { Relationship } from '../../../src/core/relationships/relationship';
import { syncTodoForPerson } from '../../../src/core/todo/todo-sync';

jest.setTimeout(120_000);

let h: ApiHarness;
beforeAll(async () => {
  h = await startApiHarness();
});
afterAll(async () => {
  await h.stop();
});

const logger = { error: jest.fn(), info: () => undefined };

async function graph(method: string, path: string, body?: unknown): Promise<{ status: number; json: any }> {
  const response = await fetch(`${h.baseUrl}/local-graph/v1.0${path}`, {
    method,
    headers: { authorization: 'Bearer app-token', ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const text = await response.text();
  return { status: response.status, json: text ? JSON.parse(text) : undefined };
}

async function setup(): Promise<{ cast: Cast & { relationship: Relationship }; rel: string; listId: string; tasks: () => Promise<any[]> }> {
  const cast = await h.newCast();
  const rel = cast.relationship.id;
  return { cast, rel, listId: '', tasks: async () => [] };
}

async function addItem(cast: Cast, rel: string, title: string, ownerId: string, dueDate?: string): Promise<{ id: string; version: string }> {
  const answer = await h.request('POST', `/api/relationships/${rel}/action-items`, { person: cast.mentee, body: { title, ownerId, ...(dueDate ? { dueDate } : {}) } });
  expect(answer.status).toBe(201);
  return answer.json;
}

async function items(cast: Cast, rel: string): Promise<any[]> {
  const answer = await h.request('GET', `/api/relationships/${rel}/action-items`, { person: cast.mentee });
  expect(answer.status).toBe(200);
  return answer.json.actionItems;
}

async function mentoringTasks(personId: string): Promise<{ listId: string; tasks: any[] }> {
  const lists = await graph('GET', `/users/${personId}/todo/lists?$filter=${encodeURIComponent("displayName eq 'Mentoring'")}`);
  expect(lists.status).toBe(200);
  expect(lists.json.value).toHaveLength(1);
  const listId = lists.json.value[0].id as string;
  const tasks = await graph('GET', `/users/${personId}/todo/lists/${encodeURIComponent(listId)}/tasks?$expand=linkedResources`);
  expect(tasks.status).toBe(200);
  return { listId, tasks: tasks.json.value };
}

/** The timer's round (every opted-in person of every test). */
const syncAll = () => syncAllTodo(h.api.services, Date.now(), logger);

/** One person's round, as the timer runs it, so request counts and fault scripts are this test's alone. */
async function syncOne(cast: Cast, personId: string): Promise<void> {
  const deps = h.api.services.todo.forPerson(cast.tenantId, personId);
  if (!deps.ok) throw new Error(deps.error.code);
  const synced = await syncTodoForPerson(deps.value, { tenantId: cast.tenantId, personId, now: Date.now() });
  if (!synced.ok) logger.error('To Do sync failed for a person', { code: synced.error.code });
}

it('opt-in puts my open items (not my partner’s) in a "Mentoring" list, with due date and a link to the tab; both ways after that', async () => {
  const { cast, rel } = await setup();
  const mine = cast.mentee.personId;
  const a = await addItem(cast, rel, 'Build a first Power BI report', mine, '2027-01-20');
  const b = await addItem(cast, rel, 'Read the DAX guide', mine);
  await addItem(cast, rel, 'Share the sample workbook', cast.mentor.personId);

  expect((await h.request('GET', `/api/relationships/${rel}/todo`, { person: cast.mentee })).json).toEqual({ enabled: false, listName: 'Mentoring' });
  const on = await h.request('PUT', `/api/relationships/${rel}/todo`, { person: cast.mentee, body: { enabled: true } });
  expect(on.status).toBe(200);
  expect(on.json).toEqual({ enabled: true, listName: 'Mentoring', synced: { created: 2, updated: 0, completedFromTodo: 0, detached: 0, deferred: 0 } });
  expect((await h.request('GET', `/api/relationships/${rel}/todo`, { person: cast.mentee })).json).toEqual({ enabled: true, listName: 'Mentoring' });
  // The partner has not opted in: nothing in their To Do.
  expect((await graph('GET', `/users/${cast.mentor.personId}/todo/lists`)).json.value).toEqual([]);

  let { listId, tasks } = await mentoringTasks(mine);
  const taskOf = (id: string) => tasks.find((t) => t.linkedResources[0]?.externalId === id);
  expect(tasks).toHaveLength(2);
  expect(taskOf(a.id)).toMatchObject({
    title: 'Build a first Power BI report',
    status: 'notStarted',
    dueDateTime: { dateTime: '2027-01-20T00:00:00.0000000', timeZone: 'UTC' },
    linkedResources: [{ applicationName: 'Mentoring', displayName: 'Build a first Power BI report', externalId: a.id, webUrl: `http://127.0.0.1:53000/index.html#/relationship/${rel}/actions` }],
  });
  expect(taskOf(b.id)).not.toHaveProperty('dueDateTime');
  const taskA = taskOf(a.id).id as string;
  const taskB = taskOf(b.id).id as string;
  const base = `/users/${mine}/todo/lists/${encodeURIComponent(listId)}/tasks`;

  // Nothing changed: one round costs one Graph request (the delta read) and writes nothing.
  let before = h.calendar().stats.http;
  await syncAll(); // the timer's own function, while this is the only person who opted in
  expect(h.calendar().stats.http - before).toBe(1);

  // Completing the task in To Do completes the item.
  expect((await graph('PATCH', `${base}/${encodeURIComponent(taskA)}`, { status: 'completed' })).status).toBe(200);
  before = h.calendar().stats.http;
  await syncOne(cast, mine);
  expect(h.calendar().stats.http - before).toBe(1); // read only: the completion is not written back
  const afterTodo = await items(cast, rel);
  expect(afterTodo.find((i) => i.id === a.id)).toMatchObject({ status: 'done', completedAt: expect.any(String) });

  // Renaming and re-dating the item in the product updates the task; completing it completes the task.
  const itemB = afterTodo.find((i) => i.id === b.id);
  const renamed = await h.request('PATCH', `/api/relationships/${rel}/action-items/${b.id}`, { person: cast.mentee, body: { version: itemB.version, title: 'Read the DAX guide, chapter 2', dueDate: '2027-02-01' } });
  expect(renamed.status).toBe(200);
  await syncOne(cast, mine);
  ({ tasks } = await mentoringTasks(mine));
  expect(taskOf(b.id)).toMatchObject({ id: taskB, title: 'Read the DAX guide, chapter 2', status: 'notStarted', dueDateTime: { dateTime: '2027-02-01T00:00:00.0000000', timeZone: 'UTC' } });
  const done = await h.request('PATCH', `/api/relationships/${rel}/action-items/${b.id}`, { person: cast.mentee, body: { version: renamed.json.version, status: 'done' } });
  expect(done.status).toBe(200);
  await syncOne(cast, mine);
  ({ tasks } = await mentoringTasks(mine));
  expect(taskOf(b.id)).toMatchObject({ status: 'completed' });
  expect(tasks).toHaveLength(2);

  // Reopened in the product: the task opens again; clearing the date clears it in To Do.
  const reopened = await h.request('PATCH', `/api/relationships/${rel}/action-items/${b.id}`, { person: cast.mentee, body: { version: done.json.version, status: 'open', dueDate: null } });
  expect(reopened.status).toBe(200);
  await syncOne(cast, mine);
  ({ tasks } = await mentoringTasks(mine));
  expect(taskOf(b.id)).toMatchObject({ status: 'notStarted' });
  expect(taskOf(b.id)).not.toHaveProperty('dueDateTime');
  expect(logger.error).not.toHaveBeenCalled();
});

it('deleting the task in To Do detaches it: the item stays, and is never written to To Do again', async () => {
  const { cast, rel } = await setup();
  const mine = cast.mentee.personId;
  const a = await addItem(cast, rel, 'Pick a dataset', mine);
  expect((await h.request('PUT', `/api/relationships/${rel}/todo`, { person: cast.mentee, body: { enabled: true } })).status).toBe(200);
  const { listId, tasks } = await mentoringTasks(mine);
  expect((await graph('DELETE', `/users/${mine}/todo/lists/${encodeURIComponent(listId)}/tasks/${encodeURIComponent(tasks[0].id)}`)).status).toBe(204);
  await syncOne(cast, mine);
  const item = (await items(cast, rel)).find((i) => i.id === a.id);
  expect(item).toMatchObject({ title: 'Pick a dataset', status: 'open' });
  // Changed in the product afterwards: still not recreated, and nothing is written for it.
  const renamed = await h.request('PATCH', `/api/relationships/${rel}/action-items/${a.id}`, { person: cast.mentee, body: { version: item.version, title: 'Pick a public dataset' } });
  expect(renamed.status).toBe(200);
  const before = h.calendar().stats.http;
  await syncOne(cast, mine);
  expect(h.calendar().stats.http - before).toBe(1);
  expect((await mentoringTasks(mine)).tasks).toEqual([]);
});

it('a 429 during sync is retried and writes nothing twice; a create whose answer is lost is found, not made again', async () => {
  const { cast, rel } = await setup();
  const mine = cast.mentee.personId;
  expect((await h.request('PUT', `/api/relationships/${rel}/todo`, { person: cast.mentee, body: { enabled: true } })).status).toBe(200);
  const faults = h.calendar().faults;
  faults.retryAfterSeconds = 0;
  try {
    // 429 on the delta read and on the create: the client waits as told and retries; one task.
    const a = await addItem(cast, rel, 'Draft the report outline', mine);
    faults.script = ['throttle', null, 'throttle', null];
    await syncOne(cast, mine);
    let { tasks } = await mentoringTasks(mine);
    expect(tasks.map((t) => t.linkedResources[0].externalId)).toEqual([a.id]);

    // The create takes effect but its answer is lost (503): not retried blindly; the next round's delta finds it by externalId.
    const b = await addItem(cast, rel, 'Book the review', mine);
    faults.script = [null, 'lostAnswer'];
    await syncOne(cast, mine);
    expect(logger.error).toHaveBeenCalledWith('To Do sync failed for a person', expect.objectContaining({ code: 'GRAPH.UNAVAILABLE' }));
    ({ tasks } = await mentoringTasks(mine));
    expect(tasks.filter((t) => t.linkedResources[0].externalId === b.id)).toHaveLength(1);
    await syncOne(cast, mine);
    await syncOne(cast, mine);
    ({ tasks } = await mentoringTasks(mine));
    expect(tasks.map((t) => t.linkedResources[0].externalId).sort()).toEqual([a.id, b.id].sort());

    // Throttled beyond the client's retries: the round stops; the next one makes the task once.
    const c = await addItem(cast, rel, 'Send the outline to Kacper', mine);
    faults.script = [null, 'throttle', 'throttle', 'throttle', 'throttle'];
    logger.error.mockClear();
    await syncOne(cast, mine);
    expect(logger.error).toHaveBeenCalledWith('To Do sync failed for a person', expect.objectContaining({ code: 'GRAPH.THROTTLED' }));
    await syncOne(cast, mine);
    ({ tasks } = await mentoringTasks(mine));
    expect(tasks.map((t) => t.linkedResources[0].externalId).sort()).toEqual([a.id, b.id, c.id].sort());
    // And the mapping is linked: a completion in To Do reaches the item.
    const taskC = tasks.find((t) => t.linkedResources[0].externalId === c.id);
    const { listId } = await mentoringTasks(mine);
    await graph('PATCH', `/users/${mine}/todo/lists/${encodeURIComponent(listId)}/tasks/${encodeURIComponent(taskC.id)}`, { status: 'completed' });
    await syncOne(cast, mine);
    expect((await items(cast, rel)).find((i) => i.id === c.id)).toMatchObject({ status: 'done' });
  } finally {
    faults.script = [];
    faults.retryAfterSeconds = 1;
    logger.error.mockClear();
  }
});

it('only a member of the pair may turn it on; off stops the sync and leaves the tasks in To Do', async () => {
  const { cast, rel } = await setup();
  const stranger = await h.request('PUT', `/api/relationships/${rel}/todo`, { person: cast.stranger, body: { enabled: true } });
  expect(stranger.status).toBe(404);
  expect(stranger.json.error.code).toBe('RELATIONSHIP.NOT_FOUND');
  const bad = await h.request('PUT', `/api/relationships/${rel}/todo`, { person: cast.mentee, body: { enabled: 'yes' } });
  expect(bad.status).toBe(400);
  expect(bad.json.error).toMatchObject({ code: 'HTTP.INVALID_BODY', field: 'enabled' });

  const mine = cast.mentee.personId;
  await addItem(cast, rel, 'Watch the intro video', mine);
  expect((await h.request('PUT', `/api/relationships/${rel}/todo`, { person: cast.mentee, body: { enabled: true } })).status).toBe(200);
  const off = await h.request('PUT', `/api/relationships/${rel}/todo`, { person: cast.mentee, body: { enabled: false } });
  expect(off.json).toEqual({ enabled: false, listName: 'Mentoring' });
  await addItem(cast, rel, 'Second item after opting out', mine);
  const before = h.calendar().stats.http;
  await syncOne(cast, mine);
  expect(h.calendar().stats.http - before).toBe(0);
  expect((await mentoringTasks(mine)).tasks.map((t) => t.title)).toEqual(['Watch the intro video']);
});
