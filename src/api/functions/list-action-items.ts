/** GET /api/relationships/{relationshipId}/action-items: The pair’s action items a page at a time, oldest first (status=open|done to filter; pageSize, continuationToken). */
import { ActionItemsQuery, RelationshipParams, toActionItemDto } from '../../contracts';
import * as useCases from '../../core/usecases';
import { userFunction } from '../function-definition';
import { pageBody, pageRequestOf } from '../paging';
import { parseWith, queryObject, respond } from '../respond';
import { callOf, depsOf } from './use-case-call';

export const listActionItems = userFunction('listActionItems', 'GET', 'relationships/{relationshipId}/action-items', async (call, services) => {
  const params = parseWith(RelationshipParams, call.request.params, 'params');
  if (!params.ok) return params;
  const query = parseWith(ActionItemsQuery, queryObject(call), 'query');
  if (!query.ok) return query;
  const page = pageRequestOf(query.value);
  if (!page.ok) return page;
  const input = { ...params.value, ...(query.value.status ? { status: query.value.status } : {}), page: page.value };
  return respond(await useCases.pageActionItems(depsOf(services), callOf(call, input)), 200, (p) => pageBody('actionItems', p, toActionItemDto));
});
