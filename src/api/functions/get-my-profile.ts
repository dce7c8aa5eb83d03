/** GET /api/me/profile: My mentoring profile. */
import { toProfileDto } from '../../contracts';
import * as useCases from '../../core/usecases';
import { userFunction } from '../function-definition';
import { respond } from '../respond';
import { callOf, depsOf } from './use-case-call';

export const getMyProfile = userFunction('getMyProfile', 'GET', 'me/profile', async (call, services) => {
  return respond(await useCases.getMyProfile(depsOf(services), callOf(call, undefined)), 200, toProfileDto);
});
