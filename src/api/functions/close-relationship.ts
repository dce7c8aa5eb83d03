/** POST /api/relationships/{relationshipId}/close: Close the relationship with my closing reflection (or add mine after my partner closed it). */
import { CloseRelationshipBody, RelationshipParams, toRelationshipDto } from '../../contracts';
import * as useCases from '../../core/usecases';
import { userFunction } from '../function-definition';
import { parseWith, respond } from '../respond';
import { callOf, depsOf, withIfMatch, hasVersion, versionRequired } from './use-case-call';

export const closeRelationship = userFunction('closeRelationship', 'POST', 'relationships/{relationshipId}/close', async (call, services) => {
  const params = parseWith(RelationshipParams, call.request.params, 'params');
  if (!params.ok) return params;
  if (!hasVersion(call)) return versionRequired();
  const body = parseWith(CloseRelationshipBody, withIfMatch(call), 'body');
  if (!body.ok) return body;
  return respond(await useCases.closeRelationship(depsOf(services), callOf(call, { ...params.value, ...body.value })), 200, toRelationshipDto);
});
