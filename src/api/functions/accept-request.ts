/** POST /api/requests/{requestId}/accept: The mentor accepts: the relationship starts (capacity permitting). */
import * as useCases from '../../core/usecases';
import { userFunction } from '../function-definition';
import { expectedVersion, parseWith, respond } from '../respond';
import * as schemas from '../request-schemas';
import { callOf, depsOf } from './use-case-call';

export const acceptRequest = userFunction('acceptRequest', 'POST', 'requests/{requestId}/accept', async (call, services) => {
  const params = parseWith(schemas.RequestParams, call.request.params, 'params');
  if (!params.ok) return params;
  const body = parseWith(schemas.DecisionBody, call.body ?? {}, 'body');
  if (!body.ok) return body;
  const version = expectedVersion(call, body.value.version);
  return respond(await useCases.acceptRequest(depsOf(services), callOf(call, { ...params.value, ...(version ? { version } : {}) })));
});
