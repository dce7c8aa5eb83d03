/** POST /api/relationships/{relationshipId}/goals: Add a SMART goal. */
import { AddGoalBody, RelationshipParams, toGoalDto } from '../../contracts';
import * as useCases from '../../core/usecases';
import { userFunction } from '../function-definition';
import { parseWith, respond } from '../respond';
import { callOf, depsOf } from './use-case-call';

export const addGoal = userFunction('addGoal', 'POST', 'relationships/{relationshipId}/goals', async (call, services) => {
  const params = parseWith(RelationshipParams, call.request.params, 'params');
  if (!params.ok) return params;
  const body = parseWith(AddGoalBody, call.body, 'body');
  if (!body.ok) return body;
  return respond(await useCases.addGoal(depsOf(services), callOf(call, { ...params.value, ...body.value })), 201, toGoalDto);
});
