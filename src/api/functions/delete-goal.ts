/** DELETE /api/relationships/{relationshipId}/goals/{goalId}: Delete a goal; the version read is required. */
import { DeleteGoalBody, GoalParams } from '../../contracts';
import * as useCases from '../../core/usecases';
import { userFunction } from '../function-definition';
import { parseWith, respond } from '../respond';
import { callOf, depsOf, hasVersion, versionRequired, withIfMatch } from './use-case-call';

export const deleteGoal = userFunction('deleteGoal', 'DELETE', 'relationships/{relationshipId}/goals/{goalId}', async (call, services) => {
  const params = parseWith(GoalParams, call.request.params, 'params');
  if (!params.ok) return params;
  if (!hasVersion(call)) return versionRequired();
  const body = parseWith(DeleteGoalBody, withIfMatch(call, {}), 'body');
  if (!body.ok) return body;
  return respond(await useCases.deleteGoal(depsOf(services), callOf(call, { ...params.value, ...body.value })), 204);
});
