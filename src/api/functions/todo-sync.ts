/**
 * GET /api/relationships/{relationshipId}/todo: whether my action items of this relationship go to
 * my Microsoft To Do. PUT with {"enabled"}: turn it on (the "Mentoring" list is made sure of and a
 * first sync runs through my own access) or off (tasks already in To Do stay there).
 */
import { RelationshipParams, TodoSyncBody, toTodoSyncDto } from '../../contracts';
import { changeTodoSync, getTodoSync } from '../../core/todo/todo-sync';
import { userFunction } from '../function-definition';
import { parseWith, respond } from '../respond';
import { callOf } from './use-case-call';

export const getTodoSyncFunction = userFunction('getTodoSync', 'GET', 'relationships/{relationshipId}/todo', async (call, services) => {
  const params = parseWith(RelationshipParams, call.request.params, 'params');
  if (!params.ok) return params;
  return respond(await getTodoSync({ repos: services.repositories, records: services.todo.records }, callOf(call, params.value)), 200, toTodoSyncDto);
});

export const setTodoSyncFunction = userFunction('setTodoSync', 'PUT', 'relationships/{relationshipId}/todo', async (call, services) => {
  const params = parseWith(RelationshipParams, call.request.params, 'params');
  if (!params.ok) return params;
  const body = parseWith(TodoSyncBody, call.body, 'body');
  if (!body.ok) return body;
  const deps = services.todo.forRequest(call.principal, call.request.header('authorization'));
  if (!deps.ok) return deps;
  return respond(await changeTodoSync({ ...deps.value, repos: services.repositories }, callOf(call, { ...params.value, ...body.value })), 200, toTodoSyncDto);
});
