import { fail, ok, type Result } from '../result';
import { STORAGE_NOT_FOUND } from '../ports/repositories';
import { toPublicProfile, type Profile, type PublicProfile } from '../profiles/profile';
import { validateProfileFields, type ProfileFields } from '../profiles/validate-profile';
import type { MentoringDeps } from './deps';
import type { UseCaseCall } from './principal';
import { checkExpectedVersion } from './relationship-access';

const noProfile = (mine: boolean) =>
  mine
    ? fail('PROFILE.NOT_FOUND', 'You have no mentoring profile yet. Create one to find a mentor or to mentor others.')
    : fail('PROFILE.NOT_FOUND', 'That person has no mentoring profile yet.', { field: 'personId' });

export async function getMyProfile(deps: Pick<MentoringDeps, 'repos'>, call: UseCaseCall<void>): Promise<Result<Profile>> {
  const found = await deps.repos.profiles.get(call.principal.tenantId, call.principal.userId);
  if (!found.ok && found.error.code === STORAGE_NOT_FOUND) return noProfile(true);
  return found;
}

export interface UpsertProfileInput extends ProfileFields {
  /** The version read; required to change an existing profile, absent to create one. */
  readonly version?: string;
}

/**
 * Creates or replaces my profile. The display name comes from the token, not the form. The
 * active-mentee count is never taken from input: requests and closes maintain it.
 */
export async function upsertMyProfile(
  deps: Pick<MentoringDeps, 'repos'>,
  call: UseCaseCall<UpsertProfileInput>,
): Promise<Result<Profile>> {
  const { principal, input, now } = call;
  const fields = validateProfileFields(input);
  if (!fields.ok) return fields;
  const existing = await deps.repos.profiles.get(principal.tenantId, principal.userId);
  if (!existing.ok && existing.error.code !== STORAGE_NOT_FOUND) return existing;
  if (!existing.ok) {
    return deps.repos.profiles.create(principal.tenantId, {
      userId: principal.userId,
      displayName: principal.displayName,
      ...fields.value,
      activeMenteeCount: 0,
      createdAt: now,
      updatedAt: now,
    });
  }
  if (input.version === undefined) {
    return fail('PROFILE.VERSION_REQUIRED', 'Your profile already exists; send the version you loaded so no change is lost.', {
      field: 'version',
    });
  }
  const stale = checkExpectedVersion(existing.value.version, input.version);
  if (!stale.ok) return stale;
  const { version: _v, ...current } = existing.value;
  return deps.repos.profiles.update(
    principal.tenantId,
    { ...current, ...fields.value, displayName: principal.displayName, updatedAt: now },
    input.version,
  );
}

export async function getPublicProfile(
  deps: Pick<MentoringDeps, 'repos'>,
  call: UseCaseCall<{ readonly personId: string }>,
): Promise<Result<PublicProfile>> {
  const found = await deps.repos.profiles.get(call.principal.tenantId, call.input.personId);
  if (!found.ok) return found.error.code === STORAGE_NOT_FOUND ? noProfile(false) : found;
  return ok(toPublicProfile(found.value));
}
