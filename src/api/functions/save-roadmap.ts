/** PUT /api/relationships/{relationshipId}/roadmap: Save the whole ordered roadmap (reordering and assigning meetings are edits of it). */
import * as useCases from '../../core/usecases';
import { userFunction } from '../function-definition';
import { expectedVersion, parseWith, respond } from '../respond';
import * as schemas from '../request-schemas';
import { callOf, defined, depsOf } from './use-case-call';

export const saveRoadmap = userFunction('saveRoadmap', 'PUT', 'relationships/{relationshipId}/roadmap', async (call, services) => {
  const params = parseWith(schemas.RelationshipParams, call.request.params, 'params');
  if (!params.ok) return params;
  const body = parseWith(schemas.RoadmapBody, call.body, 'body');
  if (!body.ok) return body;
  const version = expectedVersion(call, body.value.version);
  const themes = body.value.themes.map((t) => defined(t));
  return respond(await useCases.saveRoadmap(depsOf(services), callOf(call, { ...params.value, themes, ...(version ? { version } : {}) })));
});
