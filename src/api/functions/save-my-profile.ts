/** PUT /api/me/profile: Create or change my profile (the version is required to change an existing one). */
import * as useCases from '../../core/usecases';
import { userFunction } from '../function-definition';
import { expectedVersion, parseWith, respond } from '../respond';
import * as schemas from '../request-schemas';
import { callOf, depsOf } from './use-case-call';

export const saveMyProfile = userFunction('saveMyProfile', 'PUT', 'me/profile', async (call, services) => {
  const body = parseWith(schemas.ProfileBody, call.body, 'body');
  if (!body.ok) return body;
  const { version: bodyVersion, ...fields } = body.value;
  const version = expectedVersion(call, bodyVersion);
  return respond(await useCases.upsertMyProfile(depsOf(services), callOf(call, { ...fields, ...(version ? { version } : {}) })));
});
