/** GET /api/relationships/{relationshipId}/roadmap: The pair’s roadmap (empty until first saved). */
import { RelationshipParams, toRoadmapDto } from '../../contracts';
import * as useCases from '../../core/usecases';
import { userFunction } from '../function-definition';
import { parseWith, respond } from '../respond';
import { callOf, depsOf } from './use-case-call';

export const getRoadmap = userFunction('getRoadmap', 'GET', 'relationships/{relationshipId}/roadmap', async (call, services) => {
  const params = parseWith(RelationshipParams, call.request.params, 'params');
  if (!params.ok) return params;
  return respond(await useCases.getRoadmap(depsOf(services), callOf(call, params.value)), 200, toRoadmapDto);
});
