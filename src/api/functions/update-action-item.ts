/** PATCH /api/relationships/{relationshipId}/action-items/{itemId}: Change an action item (e.g. mark it done); the version read is required. */
import * as useCases from '../../core/usecases';
import { userFunction } from '../function-definition';
import { expectedVersion, parseWith, respond } from '../respond';
import * as schemas from '../request-schemas';
import { callOf, defined, depsOf, versionRequired } from './use-case-call';

export const updateActionItem = userFunction('updateActionItem', 'PATCH', 'relationships/{relationshipId}/action-items/{itemId}', async (call, services) => {
  const params = parseWith(schemas.ActionItemParams, call.request.params, 'params');
  if (!params.ok) return params;
  const body = parseWith(schemas.UpdateActionItemBody, call.body, 'body');
  if (!body.ok) return body;
  const { version: bodyVersion, ...changes } = body.value;
  const version = expectedVersion(call, bodyVersion);
  if (!version) return versionRequired();
  return respond(
    await useCases.updateActionItem(depsOf(services), callOf(call, { ...params.value, ...defined(changes), version })),
  );
});
