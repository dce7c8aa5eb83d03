/** PUT /api/me/profile: Create or change my profile (the version is required to change an existing one). */
import { UpsertProfileBody, toProfileDto } from '../../contracts';
import * as useCases from '../../core/usecases';
import { userFunction } from '../function-definition';
import { parseWith, respond } from '../respond';
import { callOf, depsOf, withIfMatch } from './use-case-call';

export const saveMyProfile = userFunction('saveMyProfile', 'PUT', 'me/profile', async (call, services) => {
  const body = parseWith(UpsertProfileBody, withIfMatch(call), 'body');
  if (!body.ok) return body;
  return respond(await useCases.upsertMyProfile(depsOf(services), callOf(call, body.value)), 200, toProfileDto);
});
