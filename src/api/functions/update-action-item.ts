/** PATCH /api/relationships/{relationshipId}/action-items/{itemId}: Change an action item (e.g. mark it done); the version read is required. */
import { ActionItemParams, UpdateActionItemBody, toActionItemDto } from '../../contracts';
import * as useCases from '../../core/usecases';
import { userFunction } from '../function-definition';
import { parseWith, respond } from '../respond';
import { callOf, depsOf, hasVersion, versionRequired, withIfMatch } from './use-case-call';

export const updateActionItem = userFunction('updateActionItem', 'PATCH', 'relationships/{relationshipId}/action-items/{itemId}', async (call, services) => {
  const params = parseWith(ActionItemParams, call.request.params, 'params');
  if (!params.ok) return params;
  if (!hasVersion(call)) return versionRequired();
  const body = parseWith(UpdateActionItemBody, withIfMatch(call), 'body');
  if (!body.ok) return body;
  return respond(await useCases.updateActionItem(depsOf(services), callOf(call, { ...params.value, ...body.value })), 200, toActionItemDto);
});
