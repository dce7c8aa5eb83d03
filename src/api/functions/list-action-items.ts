/** GET /api/relationships/{relationshipId}/action-items: The pair’s action items (status=open|done to filter). */
import { ActionItemsQuery, RelationshipParams, toActionItemDto } from '../../contracts';
import * as useCases from '../../core/usecases';
import { userFunction } from '../function-definition';
import { parseWith, queryObject, respond } from '../respond';
import { callOf, depsOf } from './use-case-call';

export const listActionItems = userFunction('listActionItems', 'GET', 'relationships/{relationshipId}/action-items', async (call, services) => {
  const params = parseWith(RelationshipParams, call.request.params, 'params');
  if (!params.ok) return params;
  const query = parseWith(ActionItemsQuery, queryObject(call), 'query');
  if (!query.ok) return query;
  return respond(await useCases.listActionItems(depsOf(services), callOf(call, { ...params.value, ...query.value })), 200, (items) => ({
    actionItems: items.map(toActionItemDto),
  }));
});
