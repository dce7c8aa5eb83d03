/** PATCH /api/relationships/{relationshipId}/goals/{goalId}: Change a goal; the version read is required (both people edit goals). */
import * as useCases from '../../core/usecases';
import { userFunction } from '../function-definition';
import { expectedVersion, parseWith, respond } from '../respond';
import * as schemas from '../request-schemas';
import { callOf, defined, depsOf, versionRequired } from './use-case-call';

export const updateGoal = userFunction('updateGoal', 'PATCH', 'relationships/{relationshipId}/goals/{goalId}', async (call, services) => {
  const params = parseWith(schemas.GoalParams, call.request.params, 'params');
  if (!params.ok) return params;
  const body = parseWith(schemas.UpdateGoalBody, call.body, 'body');
  if (!body.ok) return body;
  const { version: bodyVersion, ...changes } = body.value;
  const version = expectedVersion(call, bodyVersion);
  if (!version) return versionRequired();
  return respond(await useCases.updateGoal(depsOf(services), callOf(call, { ...params.value, ...defined(changes), version })));
});
