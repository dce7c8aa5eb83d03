import { ok, type Result } from '../result';
import { rankMentors, type MentorQuery, type MentorSuggestion, type Seeker } from '../matching/rank-mentors';
import { STORAGE_NOT_FOUND } from '../ports/repositories';
import type { MentoringDeps } from './deps';
import type { UseCaseCall } from './principal';

/**
 * Suggestions for me. Works before I have a profile (then only the query matches), so that people
 * can look around before filling one in.
 */
export async function suggestMentors(
  deps: Pick<MentoringDeps, 'repos'>,
  call: UseCaseCall<MentorQuery>,
): Promise<Result<MentorSuggestion[]>> {
  const { principal, input } = call;
  const [mine, all] = await Promise.all([
    deps.repos.profiles.get(principal.tenantId, principal.userId),
    deps.repos.profiles.list(principal.tenantId),
  ]);
  if (!mine.ok && mine.error.code !== STORAGE_NOT_FOUND) return mine;
  if (!all.ok) return all;
  const seeker: Seeker = mine.ok
    ? { userId: principal.userId, seniority: mine.value.seniority, skillsToLearn: mine.value.skillsToLearn, languages: mine.value.languages }
    : { userId: principal.userId, skillsToLearn: [], languages: [] };
  return ok(rankMentors(seeker, all.value, input));
}
