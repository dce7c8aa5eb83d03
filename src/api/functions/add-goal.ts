/** POST /api/relationships/{relationshipId}/goals: Add a SMART goal. */
import * as useCases from '../../core/usecases';
import { userFunction } from '../function-definition';
import { parseWith, respond } from '../respond';
import * as schemas from '../request-schemas';
import { callOf, defined, depsOf } from './use-case-call';

export const addGoal = userFunction('addGoal', 'POST', 'relationships/{relationshipId}/goals', async (call, services) => {
  const params = parseWith(schemas.RelationshipParams, call.request.params, 'params');
  if (!params.ok) return params;
  const body = parseWith(schemas.AddGoalBody, call.body, 'body');
  if (!body.ok) return body;
  return respond(await useCases.addGoal(depsOf(services), callOf(call, { ...params.value, ...defined(body.value) })), 201);
});
