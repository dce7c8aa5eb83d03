/** DELETE /api/relationships/{relationshipId}/goals/{goalId}: Delete a goal; the version read is required. */
import * as useCases from '../../core/usecases';
import { userFunction } from '../function-definition';
import { expectedVersion, parseWith, respond } from '../respond';
import * as schemas from '../request-schemas';
import { callOf, depsOf, versionRequired } from './use-case-call';

export const deleteGoal = userFunction('deleteGoal', 'DELETE', 'relationships/{relationshipId}/goals/{goalId}', async (call, services) => {
  const params = parseWith(schemas.GoalParams, call.request.params, 'params');
  if (!params.ok) return params;
  const body = parseWith(schemas.DeleteGoalBody, call.body ?? {}, 'body');
  if (!body.ok) return body;
  const version = expectedVersion(call, body.value.version);
  if (!version) return versionRequired();
  return respond(await useCases.deleteGoal(depsOf(services), callOf(call, { ...params.value, version })), 204);
});
