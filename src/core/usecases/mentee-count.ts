import { fail, type Result } from '../result';
import { STORAGE_CONFLICT } from '../ports/repositories';
import type { Profile } from '../profiles/profile';
import type { MentoringDeps } from './deps';

const ATTEMPTS = 5;

/**
 * Moves a mentor's active-mentee count by `delta`, re-reading on a version conflict (the count is a
 * counter, so a concurrent profile edit is merged rather than refused). With `enforceCapacity`, the
 * capacity is checked against the freshly read profile inside the same optimistic write, so two
 * simultaneous accepts cannot both take the last place.
 */
export async function adjustActiveMenteeCount(
  deps: Pick<MentoringDeps, 'repos'>,
  tenantId: string,
  mentorId: string,
  delta: 1 | -1,
  options: { enforceCapacity: boolean },
): Promise<Result<Profile>> {
  let last: Result<Profile> = fail(STORAGE_CONFLICT, 'The mentor profile kept changing; try again.');
  for (let attempt = 0; attempt < ATTEMPTS; attempt += 1) {
    const read = await deps.repos.profiles.get(tenantId, mentorId);
    if (!read.ok) return read;
    const { version, ...profile } = read.value;
    if (options.enforceCapacity && delta > 0 && profile.activeMenteeCount >= profile.capacity) {
      return fail(
        'REQUEST.MENTOR_AT_CAPACITY',
        `This mentor already has ${profile.activeMenteeCount} of ${profile.capacity} mentees. Raise the capacity in the profile or close a relationship first.`,
        { details: { capacity: profile.capacity, activeMenteeCount: profile.activeMenteeCount } },
      );
    }
    const next = Math.max(0, profile.activeMenteeCount + delta);
    last = await deps.repos.profiles.update(tenantId, { ...profile, activeMenteeCount: next }, version);
    if (last.ok || last.error.code !== STORAGE_CONFLICT) return last;
  }
  return last;
}
