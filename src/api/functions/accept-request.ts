/** POST /api/requests/{requestId}/accept: The mentor accepts: the relationship starts (capacity permitting). */
import { RequestDecisionBody, RequestParams, toRelationshipDto } from '../../contracts';
import * as useCases from '../../core/usecases';
import { userFunction } from '../function-definition';
import { parseWith, respond } from '../respond';
import { callOf, depsOf, withIfMatch, hasVersion, versionRequired } from './use-case-call';

export const acceptRequest = userFunction('acceptRequest', 'POST', 'requests/{requestId}/accept', async (call, services) => {
  const params = parseWith(RequestParams, call.request.params, 'params');
  if (!params.ok) return params;
  if (!hasVersion(call)) return versionRequired();
  const body = parseWith(RequestDecisionBody, withIfMatch(call, {}), 'body');
  if (!body.ok) return body;
  return respond(await useCases.acceptRequest(depsOf(services), callOf(call, { ...params.value, ...body.value })), 200, toRelationshipDto);
});
