/** POST /api/relationships/{relationshipId}/close: Close the relationship with my closing reflection (or add mine after my partner closed it). */
import * as useCases from '../../core/usecases';
import { userFunction } from '../function-definition';
import { expectedVersion, parseWith, respond } from '../respond';
import * as schemas from '../request-schemas';
import { callOf, depsOf } from './use-case-call';

export const closeRelationship = userFunction('closeRelationship', 'POST', 'relationships/{relationshipId}/close', async (call, services) => {
  const params = parseWith(schemas.RelationshipParams, call.request.params, 'params');
  if (!params.ok) return params;
  const body = parseWith(schemas.CloseRelationshipBody, call.body, 'body');
  if (!body.ok) return body;
  const version = expectedVersion(call, body.value.version);
  return respond(
    await useCases.closeRelationship(depsOf(services), callOf(call, { ...params.value, reflection: body.value.reflection, ...(version ? { version } : {}) })),
  );
});
