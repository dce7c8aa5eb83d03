/** POST /api/requests/{requestId}/decline: The mentor declines, with a reason the mentee sees. */
import { DeclineRequestBody, RequestParams, toMentoringRequestDto } from '../../contracts';
import * as useCases from '../../core/usecases';
import { userFunction } from '../function-definition';
import { parseWith, respond } from '../respond';
import { callOf, depsOf, withIfMatch, hasVersion, versionRequired } from './use-case-call';

export const declineRequest = userFunction('declineRequest', 'POST', 'requests/{requestId}/decline', async (call, services) => {
  const params = parseWith(RequestParams, call.request.params, 'params');
  if (!params.ok) return params;
  if (!hasVersion(call)) return versionRequired();
  const body = parseWith(DeclineRequestBody, withIfMatch(call), 'body');
  if (!body.ok) return body;
  return respond(await useCases.declineRequest(depsOf(services), callOf(call, { ...params.value, ...body.value })), 200, toMentoringRequestDto);
});
