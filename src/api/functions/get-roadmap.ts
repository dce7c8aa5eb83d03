/** GET /api/relationships/{relationshipId}/roadmap: The pair’s roadmap (empty until first saved). */
import * as useCases from '../../core/usecases';
import { userFunction } from '../function-definition';
import { parseWith, respond } from '../respond';
import * as schemas from '../request-schemas';
import { callOf, depsOf } from './use-case-call';

export const getRoadmap = userFunction('getRoadmap', 'GET', 'relationships/{relationshipId}/roadmap', async (call, services) => {
  const params = parseWith(schemas.RelationshipParams, call.request.params, 'params');
  if (!params.ok) return params;
  return respond(await useCases.getRoadmap(depsOf(services), callOf(call, params.value)));
});
