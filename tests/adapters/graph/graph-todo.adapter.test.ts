/**
 * The To Do adapter over real HTTP against recorded Graph JSON: exact URLs and bodies, and which
 * failures are retried (a create only after 429; a 503 may hide a task that was made).
 */
import { createGraphClient } from '../../../src/adapters/graph/graph-client';
import { GraphTodoAdapter } from '../../../src/adapters/graph/graph-todo.adapter';
import { fixture, StrictGraphServer } from './strict-graph-server';

const USER = 'bc55b173-cff6-457d-b7a1-64bda7d7581a';
const LIST = 'AAMkADIyAAAhrbPWAAA=';
const TASK = 'AAkALgAAAAAAHYQDEapmEc2byACqAC-EWg0AyMo8o_QGJUGoHWhKNu-zNAAAAA==';
const LINK = 'https://teams.microsoft.com/l/entity/00000000-0000-4000-8000-0000000000aa/mentoring?context=%7B%22subEntityId%22%3A%22relationship%2Fr1%2Factions%22%7D';
const ITEM = 'c0000001-0000-4000-8000-000000000001';
const tasksUrl = `/v1.0/users/${USER}/todo/lists/${encodeURIComponent(LIST)}/tasks`;

let server: StrictGraphServer;
beforeEach(async () => {
  server = await StrictGraphServer.start();
});
afterEach(async () => {
  server.verify();
  await server.stop();
});

const app = () => new GraphTodoAdapter(createGraphClient({ baseUrl: server.baseUrl, accessToken: async () => 'app-token' }), { userId: USER });
const me = () => new GraphTodoAdapter(createGraphClient({ baseUrl: server.baseUrl, accessToken: async () => 'user-token' }), { me: true });

it('ensureList finds the list by name, or creates it (delegated: /me)', async () => {
  server.expect(
    { method: 'GET', url: "/v1.0/me/todo/lists?$filter=displayName%20eq%20%27Mentoring%27", headers: { authorization: 'Bearer user-token' }, reply: { status: 200, body: fixture('todo-lists-empty.response.json') } },
    { method: 'POST', url: '/v1.0/me/todo/lists', body: { displayName: 'Mentoring' }, reply: { status: 201, body: fixture('todo-list-created.response.json') } },
    { method: 'GET', url: "/v1.0/me/todo/lists?$filter=displayName%20eq%20%27Mentoring%27", reply: { status: 200, body: { value: [fixture('todo-list-created.response.json')] } } },
  );
  expect(await me().ensureList('Mentoring')).toEqual({ ok: true, value: LIST });
  expect(await me().ensureList('Mentoring')).toEqual({ ok: true, value: LIST });
});

it('createTask sends title, status, due date and the linked resource in one POST', async () => {
  server.expect({
    method: 'POST',
    url: tasksUrl,
    body: {
      title: 'Send Oliver the prompt library',
      status: 'notStarted',
      dueDateTime: { dateTime: '2027-01-20T00:00:00.0000000', timeZone: 'UTC' },
      linkedResources: [{ webUrl: LINK, applicationName: 'Mentoring', displayName: 'Send Oliver the prompt library', externalId: ITEM }],
    },
    reply: { status: 201, body: fixture('todo-task-created.response.json') },
  });
  const created = await app().createTask(LIST, { title: 'Send Oliver the prompt library', dueDate: '2027-01-20', completed: false, externalId: ITEM, linkUrl: LINK, linkTitle: 'Send Oliver the prompt library' });
  expect(created).toEqual({ ok: true, value: TASK });
});

it('a create is retried after 429 (nothing was made) but not after 503 (something may have been)', async () => {
  const body = { title: 'x', status: 'completed', linkedResources: [{ webUrl: LINK, applicationName: 'Mentoring', displayName: 'x', externalId: ITEM }] };
  server.expect(
    { method: 'POST', url: tasksUrl, body, reply: { status: 429, headers: { 'Retry-After': '0' }, body: fixture('error-throttled.response.json') } },
    { method: 'POST', url: tasksUrl, body, reply: { status: 201, body: fixture('todo-task-created.response.json') } },
    { method: 'POST', url: tasksUrl, body, reply: { status: 503, headers: { 'Retry-After': '0' }, body: fixture('error-unavailable.response.json') } },
  );
  const task = { title: 'x', completed: true, externalId: ITEM, linkUrl: LINK, linkTitle: 'x' };
  expect(await app().createTask(LIST, task)).toEqual({ ok: true, value: TASK });
  expect(await app().createTask(LIST, task)).toMatchObject({ ok: false, error: { code: 'GRAPH.UNAVAILABLE' } });
});

it('updateTask sends only what changed; a cleared date is null; a gone task is GRAPH.NOT_FOUND', async () => {
  server.expect(
    { method: 'PATCH', url: `${tasksUrl}/${encodeURIComponent(TASK)}`, body: { status: 'completed' }, reply: { status: 200, body: fixture('todo-task-completed.response.json') } },
    { method: 'PATCH', url: `${tasksUrl}/${encodeURIComponent(TASK)}`, body: { title: 'New', status: 'notStarted', dueDateTime: null }, reply: { status: 200, body: fixture('todo-task-created.response.json') } },
    { method: 'PATCH', url: `${tasksUrl}/${encodeURIComponent(TASK)}`, body: { dueDateTime: { dateTime: '2027-02-01T00:00:00.0000000', timeZone: 'UTC' } }, reply: { status: 404, body: fixture('error-not-found.response.json') } },
  );
  expect(await app().updateTask(LIST, TASK, { completed: true })).toEqual({ ok: true, value: undefined });
  expect(await app().updateTask(LIST, TASK, { title: 'New', completed: false, dueDate: null })).toEqual({ ok: true, value: undefined });
  expect(await app().updateTask(LIST, TASK, { dueDate: '2027-02-01' })).toMatchObject({ ok: false, error: { code: 'GRAPH.NOT_FOUND' } });
});

it('readChanges reads the delta with linked resources and follows a link read through /me with the app’s own path', async () => {
  const initial = fixture('todo-tasks-delta-initial.response.json');
  server.expect(
    { method: 'GET', url: `${tasksUrl}/delta?$expand=linkedResources`, headers: { prefer: 'odata.maxpagesize=100' }, reply: { status: 200, body: initial } },
    { method: 'GET', url: `/v1.0/users/${USER}/todo/lists/${LIST}/tasks/delta?$deltatoken=EwjLCS-KNyAyS1oMmvhn8Nbw4kDj6jXHsz9UJBhZgA`, reply: { status: 200, body: fixture('todo-tasks-delta-removed.response.json') } },
  );
  const first = await app().readChanges(LIST, undefined);
  expect(first).toEqual({ ok: true, value: { changes: [{ kind: 'present', taskId: TASK, completed: false, externalId: ITEM }], cursor: initial['@odata.deltaLink'] } });
  const viaMe = (initial['@odata.deltaLink'] as string).replace(`/users/${USER}/`, '/me/');
  const next = await app().readChanges(LIST, viaMe);
  expect(next).toMatchObject({ ok: true, value: { changes: [{ kind: 'removed', taskId: TASK }] } });
});
