/** GET /api/relationships/{relationshipId}/goals: The pair’s SMART goals, each with the parts still missing. */
import { RelationshipParams, toGoalDto } from '../../contracts';
import * as useCases from '../../core/usecases';
import { userFunction } from '../function-definition';
import { parseWith, respond } from '../respond';
import { callOf, depsOf } from './use-case-call';

export const listGoals = userFunction('listGoals', 'GET', 'relationships/{relationshipId}/goals', async (call, services) => {
  const params = parseWith(RelationshipParams, call.request.params, 'params');
  if (!params.ok) return params;
  return respond(await useCases.listGoals(depsOf(services), callOf(call, params.value)), 200, (goals) => ({ goals: goals.map(toGoalDto) }));
});
