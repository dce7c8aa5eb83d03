/** POST /api/requests/{requestId}/decline: The mentor declines, with a reason the mentee sees. */
import * as useCases from '../../core/usecases';
import { userFunction } from '../function-definition';
import { expectedVersion, parseWith, respond } from '../respond';
import * as schemas from '../request-schemas';
import { callOf, depsOf } from './use-case-call';

export const declineRequest = userFunction('declineRequest', 'POST', 'requests/{requestId}/decline', async (call, services) => {
  const params = parseWith(schemas.RequestParams, call.request.params, 'params');
  if (!params.ok) return params;
  const body = parseWith(schemas.DeclineBody, call.body ?? {}, 'body');
  if (!body.ok) return body;
  const version = expectedVersion(call, body.value.version);
  return respond(
    await useCases.declineRequest(depsOf(services), callOf(call, { ...params.value, reason: body.value.reason, ...(version ? { version } : {}) })),
  );
});
