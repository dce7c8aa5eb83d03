/** POST /api/requests/{requestId}/withdraw: The mentee withdraws an open request. */
import { RequestDecisionBody, RequestParams, toMentoringRequestDto } from '../../contracts';
import * as useCases from '../../core/usecases';
import { userFunction } from '../function-definition';
import { parseWith, respond } from '../respond';
import { callOf, depsOf, withIfMatch, hasVersion, versionRequired } from './use-case-call';

export const withdrawRequest = userFunction('withdrawRequest', 'POST', 'requests/{requestId}/withdraw', async (call, services) => {
  const params = parseWith(RequestParams, call.request.params, 'params');
  if (!params.ok) return params;
  if (!hasVersion(call)) return versionRequired();
  const body = parseWith(RequestDecisionBody, withIfMatch(call, {}), 'body');
  if (!body.ok) return body;
  return respond(await useCases.withdrawRequest(depsOf(services), callOf(call, { ...params.value, ...body.value })), 200, toMentoringRequestDto);
});
