/** PATCH /api/relationships/{relationshipId}/goals/{goalId}: Change a goal; the version read is required (both people edit goals). */
import { GoalParams, UpdateGoalBody, toGoalDto } from '../../contracts';
import * as useCases from '../../core/usecases';
import { userFunction } from '../function-definition';
import { parseWith, respond } from '../respond';
import { callOf, depsOf, hasVersion, versionRequired, withIfMatch } from './use-case-call';

export const updateGoal = userFunction('updateGoal', 'PATCH', 'relationships/{relationshipId}/goals/{goalId}', async (call, services) => {
  const params = parseWith(GoalParams, call.request.params, 'params');
  if (!params.ok) return params;
  if (!hasVersion(call)) return versionRequired();
  const body = parseWith(UpdateGoalBody, withIfMatch(call), 'body');
  if (!body.ok) return body;
  return respond(await useCases.updateGoal(depsOf(services), callOf(call, { ...params.value, ...body.value })), 200, toGoalDto);
});
