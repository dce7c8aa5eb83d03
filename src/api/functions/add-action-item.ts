/** POST /api/relationships/{relationshipId}/action-items: Add an action item with its owner (one of the pair) and due date. */
import { AddActionItemBody, RelationshipParams, toActionItemDto } from '../../contracts';
import * as useCases from '../../core/usecases';
import { userFunction } from '../function-definition';
import { parseWith, respond } from '../respond';
import { callOf, depsOf } from './use-case-call';

export const addActionItem = userFunction('addActionItem', 'POST', 'relationships/{relationshipId}/action-items', async (call, services) => {
  const params = parseWith(RelationshipParams, call.request.params, 'params');
  if (!params.ok) return params;
  const body = parseWith(AddActionItemBody, call.body, 'body');
  if (!body.ok) return body;
  return respond(await useCases.addActionItem(depsOf(services), callOf(call, { ...params.value, ...body.value })), 201, toActionItemDto);
});
