/** PUT /api/relationships/{relationshipId}/roadmap: Save the whole ordered roadmap (reordering and assigning meetings are edits of it). */
import { RelationshipParams, SaveRoadmapBody, toRoadmapDto } from '../../contracts';
import * as useCases from '../../core/usecases';
import { userFunction } from '../function-definition';
import { parseWith, respond } from '../respond';
import { callOf, depsOf, withIfMatch } from './use-case-call';

export const saveRoadmap = userFunction('saveRoadmap', 'PUT', 'relationships/{relationshipId}/roadmap', async (call, services) => {
  const params = parseWith(RelationshipParams, call.request.params, 'params');
  if (!params.ok) return params;
  const body = parseWith(SaveRoadmapBody, withIfMatch(call), 'body');
  if (!body.ok) return body;
  return respond(await useCases.saveRoadmap(depsOf(services), callOf(call, { ...params.value, ...body.value })), 200, toRoadmapDto);
});
