/** GET /api/relationships/{relationshipId}/action-items: The pair’s action items (status=open|done to filter). */
import * as useCases from '../../core/usecases';
import { userFunction } from '../function-definition';
import { parseWith, queryObject, respond } from '../respond';
import * as schemas from '../request-schemas';
import { callOf, defined, depsOf } from './use-case-call';

export const listActionItems = userFunction('listActionItems', 'GET', 'relationships/{relationshipId}/action-items', async (call, services) => {
  const params = parseWith(schemas.RelationshipParams, call.request.params, 'params');
  if (!params.ok) return params;
  const query = parseWith(schemas.ActionItemsQuery, queryObject(call), 'query');
  if (!query.ok) return query;
  return respond(await useCases.listActionItems(depsOf(services), callOf(call, { ...params.value, ...defined(query.value) })));
});
