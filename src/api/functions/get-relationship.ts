/** GET /api/relationships/{relationshipId}: One of my relationships with its agreement, goals, roadmap, meetings, action items and check-ins. */
import { RelationshipParams, toRelationshipDetailDto } from '../../contracts';
import * as useCases from '../../core/usecases';
import { userFunction } from '../function-definition';
import { parseWith, respond } from '../respond';
import { callOf, depsOf } from './use-case-call';

export const getRelationship = userFunction('getRelationship', 'GET', 'relationships/{relationshipId}', async (call, services) => {
  const params = parseWith(RelationshipParams, call.request.params, 'params');
  if (!params.ok) return params;
  return respond(await useCases.getRelationshipDetail(depsOf(services), callOf(call, params.value)), 200, toRelationshipDetailDto);
});
