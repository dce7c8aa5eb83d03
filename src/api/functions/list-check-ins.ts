/** GET /api/relationships/{relationshipId}/checkins: The pair’s check-ins (my private notes only on mine). */
import * as useCases from '../../core/usecases';
import { userFunction } from '../function-definition';
import { parseWith, queryObject, respond } from '../respond';
import * as schemas from '../request-schemas';
import { callOf, defined, depsOf } from './use-case-call';

export const listCheckIns = userFunction('listCheckIns', 'GET', 'relationships/{relationshipId}/checkins', async (call, services) => {
  const params = parseWith(schemas.RelationshipParams, call.request.params, 'params');
  if (!params.ok) return params;
  const query = parseWith(schemas.CheckInsQuery, queryObject(call), 'query');
  if (!query.ok) return query;
  return respond(await useCases.listCheckIns(depsOf(services), callOf(call, { ...params.value, ...defined(query.value) })));
});
