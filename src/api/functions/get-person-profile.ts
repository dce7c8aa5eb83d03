/** GET /api/people/{personId}/profile: What anyone in my tenant may see of a person. */
import { PersonParams, toPublicProfileDto } from '../../contracts';
import * as useCases from '../../core/usecases';
import { userFunction } from '../function-definition';
import { parseWith, respond } from '../respond';
import { callOf, depsOf } from './use-case-call';

export const getPersonProfile = userFunction('getPersonProfile', 'GET', 'people/{personId}/profile', async (call, services) => {
  const params = parseWith(PersonParams, call.request.params, 'params');
  if (!params.ok) return params;
  return respond(await useCases.getPublicProfile(depsOf(services), callOf(call, params.value)), 200, toPublicProfileDto);
});
