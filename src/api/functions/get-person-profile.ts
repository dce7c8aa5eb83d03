/** GET /api/people/{personId}/profile: What anyone in my tenant may see of a person. */
import * as useCases from '../../core/usecases';
import { userFunction } from '../function-definition';
import { parseWith, respond } from '../respond';
import * as schemas from '../request-schemas';
import { callOf, depsOf } from './use-case-call';

export const getPersonProfile = userFunction('getPersonProfile', 'GET', 'people/{personId}/profile', async (call, services) => {
  const params = parseWith(schemas.PersonParams, call.request.params, 'params');
  if (!params.ok) return params;
  return respond(await useCases.getPublicProfile(depsOf(services), callOf(call, params.value)));
});
