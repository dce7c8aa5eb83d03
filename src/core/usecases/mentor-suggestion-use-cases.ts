import { ok, type Result } from '../result';
import { rankMentors, type MentorQuery, type MentorSuggestion, type Seeker } from '../matching/rank-mentors';
import { STORAGE_NOT_FOUND } from '../ports/repositories';
import type { MentoringDeps } from './deps';
import type { UseCaseCall } from './principal';

/**
 * Suggestions for me. Works before I have a profile (then only the query matches), so that people
 * can look around before filling one in. Never offers someone a request to whom would be refused:
 * my current mentor (an active relationship where I am the mentee) or a mentor I already asked and
 * who has not answered yet.
 */
export async function suggestMentors(
  deps: Pick<MentoringDeps, 'repos'>,
  call: UseCaseCall<MentorQuery>,
): Promise<Result<MentorSuggestion[]>> {
  const { principal, input } = call;
  const [mine, all, relationships, requests] = await Promise.all([
    deps.repos.profiles.get(principal.tenantId, principal.userId),
    deps.repos.profiles.list(principal.tenantId),
    deps.repos.relationships.listForPerson(principal.tenantId, principal.userId),
    deps.repos.requests.listForPerson(principal.tenantId, principal.userId),
  ]);
  if (!mine.ok && mine.error.code !== STORAGE_NOT_FOUND) return mine;
  if (!all.ok) return all;
  if (!relationships.ok) return relationships;
  if (!requests.ok) return requests;
  const unavailable = new Set([
    ...relationships.value.filter((r) => r.status === 'active' && r.menteeId === principal.userId).map((r) => r.mentorId),
    ...requests.value.filter((r) => r.status === 'open' && r.menteeId === principal.userId).map((r) => r.mentorId),
  ]);
  const seeker: Seeker = mine.ok
    ? { userId: principal.userId, seniority: mine.value.seniority, skillsToLearn: mine.value.skillsToLearn, languages: mine.value.languages }
    : { userId: principal.userId, skillsToLearn: [], languages: [] };
  return ok(rankMentors(seeker, all.value.filter((p) => !unavailable.has(p.userId)), input));
}
