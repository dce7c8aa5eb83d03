/** GET /api/relationships/{relationshipId}/checkins: The pair’s check-ins (my private notes only on mine). */
import { CheckInsQuery, RelationshipParams, toCheckInDto } from '../../contracts';
import * as useCases from '../../core/usecases';
import { userFunction } from '../function-definition';
import { parseWith, queryObject, respond } from '../respond';
import { callOf, depsOf } from './use-case-call';

export const listCheckIns = userFunction('listCheckIns', 'GET', 'relationships/{relationshipId}/checkins', async (call, services) => {
  const params = parseWith(RelationshipParams, call.request.params, 'params');
  if (!params.ok) return params;
  const query = parseWith(CheckInsQuery, queryObject(call), 'query');
  if (!query.ok) return query;
  return respond(await useCases.listCheckIns(depsOf(services), callOf(call, { ...params.value, ...query.value })), 200, (checkIns) => ({
    checkIns: checkIns.map(toCheckInDto),
  }));
});
