/** POST /api/requests/{requestId}/withdraw: The mentee withdraws an open request. */
import * as useCases from '../../core/usecases';
import { userFunction } from '../function-definition';
import { expectedVersion, parseWith, respond } from '../respond';
import * as schemas from '../request-schemas';
import { callOf, depsOf } from './use-case-call';

export const withdrawRequest = userFunction('withdrawRequest', 'POST', 'requests/{requestId}/withdraw', async (call, services) => {
  const params = parseWith(schemas.RequestParams, call.request.params, 'params');
  if (!params.ok) return params;
  const body = parseWith(schemas.DecisionBody, call.body ?? {}, 'body');
  if (!body.ok) return body;
  const version = expectedVersion(call, body.value.version);
  return respond(await useCases.withdrawRequest(depsOf(services), callOf(call, { ...params.value, ...(version ? { version } : {}) })));
});
