/** GET /api/relationships/{relationshipId}: One of my relationships with its agreement, goals, roadmap, meetings, action items and check-ins. */
import * as useCases from '../../core/usecases';
import { userFunction } from '../function-definition';
import { parseWith, respond } from '../respond';
import * as schemas from '../request-schemas';
import { callOf, depsOf } from './use-case-call';

export const getRelationship = userFunction('getRelationship', 'GET', 'relationships/{relationshipId}', async (call, services) => {
  const params = parseWith(schemas.RelationshipParams, call.request.params, 'params');
  if (!params.ok) return params;
  return respond(await useCases.getRelationshipDetail(depsOf(services), callOf(call, params.value)));
});
