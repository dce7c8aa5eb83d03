/**
 * The To Do sync on the whole local stack as `npm start` runs it: MSAL against the local issuer
 * (on-behalf-of with the To Do scope for the opt-in, client credentials for the timer) and the local
 * calendar checking every Graph token against the issuer's keys, so `/me` is the signed-in person
 * and the timer's app token reaches `/users/{id}`.
 */
import { syncAllTodo } from '../../src/api/functions/sync-todo';
import { setUpLocalStack } from '../support/local-stack';

const OLIVER = 'a0000004-0000-4000-8000-000000000004';
const KACPER = 'a0000002-0000-4000-8000-000000000002';
const errors: { message: string; fields: Record<string, unknown> }[] = [];
const logger = { error: (message: string, fields: Record<string, unknown>) => errors.push({ message, fields }), info: () => undefined };

const stack = setUpLocalStack();

it('opt-in through the person’s own token, completion in To Do through the app’s', async () => {
  const oliver = await stack.tokenOf(OLIVER);
  const kacper = await stack.tokenOf(KACPER);
  const request = await stack.http('POST', '/api/requests', { mentorId: KACPER, note: 'To Do, please', preWork: { whatIWant: 'AI', whatIBring: 'Coaching', expectations: 'Biweekly' } }, oliver);
  expect(request.status).toBe(201);
  const relationship = await stack.http('POST', `/api/requests/${request.json.id}/accept`, { version: request.json.version }, kacper);
  expect(relationship.status).toBe(200);
  const rel = relationship.json.id as string;
  const item = await stack.http('POST', `/api/relationships/${rel}/action-items`, { title: 'Try Copilot on one report', ownerId: OLIVER, dueDate: '2027-01-20' }, oliver);
  expect(item.status).toBe(201);

  const on = await stack.http('PUT', `/api/relationships/${rel}/todo`, { enabled: true }, oliver);
  expect([on.status, on.json]).toEqual([200, { enabled: true, listName: 'Mentoring', synced: { created: 1, updated: 0, completedFromTodo: 0, detached: 0, deferred: 0 } }]);

  // Oliver's own Graph token sees the task in his list; Kacper's cannot read Oliver's To Do.
  const graph = (await stack.http('POST', '/local-identity/graph-token', { personId: OLIVER })).json.accessToken as string;
  const lists = await stack.http('GET', `/local-graph/v1.0/me/todo/lists`, undefined, graph);
  expect(lists.json.value.map((l: any) => l.displayName)).toEqual(['Mentoring']);
  const tasks = await stack.http('GET', `/local-graph/v1.0/me/todo/lists/${encodeURIComponent(lists.json.value[0].id)}/tasks`, undefined, graph);
  expect(tasks.json.value).toEqual([expect.objectContaining({ title: 'Try Copilot on one report', status: 'notStarted' })]);
  const kacperGraph = (await stack.http('POST', '/local-identity/graph-token', { personId: KACPER })).json.accessToken as string;
  expect((await stack.http('GET', `/local-graph/v1.0/users/${OLIVER}/todo/lists`, undefined, kacperGraph)).status).toBe(403);

  // Completed in To Do (Oliver's own token, as the To Do app would); the timer's round completes the item.
  const done = await stack.http('PATCH', `/local-graph/v1.0/me/todo/lists/${encodeURIComponent(lists.json.value[0].id)}/tasks/${encodeURIComponent(tasks.json.value[0].id)}`, { status: 'completed' }, graph);
  expect(done.status).toBe(200);
  await syncAllTodo(stack.api.services, stack.api.services.clock.now(), logger);
  expect(errors).toEqual([]);
  const items = await stack.http('GET', `/api/relationships/${rel}/action-items`, undefined, oliver);
  expect(items.json.actionItems).toEqual([expect.objectContaining({ id: item.json.id, status: 'done' })]);
}, 120_000);
