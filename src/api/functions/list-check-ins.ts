/** GET /api/relationships/{relationshipId}/checkins: The pair’s check-ins a page at a time, oldest first (my private notes only on mine; pageSize, continuationToken). */
import { CheckInsQuery, RelationshipParams, toCheckInDto } from '../../contracts';
import * as useCases from '../../core/usecases';
import { userFunction } from '../function-definition';
import { pageBody, pageRequestOf } from '../paging';
import { parseWith, queryObject, respond } from '../respond';
import { callOf, depsOf } from './use-case-call';

export const listCheckIns = userFunction('listCheckIns', 'GET', 'relationships/{relationshipId}/checkins', async (call, services) => {
  const params = parseWith(RelationshipParams, call.request.params, 'params');
  if (!params.ok) return params;
  const query = parseWith(CheckInsQuery, queryObject(call), 'query');
  if (!query.ok) return query;
  const page = pageRequestOf(query.value);
  if (!page.ok) return page;
  const input = { ...params.value, ...(query.value.meetingId ? { meetingId: query.value.meetingId } : {}), page: page.value };
  return respond(await useCases.pageCheckIns(depsOf(services), callOf(call, input)), 200, (p) => pageBody('checkIns', p, toCheckInDto));
});
