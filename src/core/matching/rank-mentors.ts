import { seniorityRank, toPublicProfile, type Profile, type PublicProfile, type SeniorityLevel } from '../profiles/profile';

/** Why a mentor is suggested; the tab turns each into a sentence. */
export type MatchReason =
  | { readonly kind: 'matchedSkills'; readonly skills: readonly string[] }
  | { readonly kind: 'capacityLeft'; readonly count: number }
  | { readonly kind: 'reversePairing'; readonly mentorSeniority: SeniorityLevel; readonly menteeSeniority: SeniorityLevel }
  | { readonly kind: 'sharedLanguages'; readonly languages: readonly string[] };

export interface MentorSuggestion {
  readonly mentor: PublicProfile;
  readonly score: number;
  readonly reverse: boolean;
  readonly reasons: readonly MatchReason[];
}

/** The person looking for a mentor; absent fields (no profile yet) simply match nothing. */
export interface Seeker {
  readonly userId: string;
  readonly seniority?: SeniorityLevel;
  readonly skillsToLearn: readonly string[];
  readonly languages: readonly string[];
}

export interface MentorQuery {
  /** Only mentors who teach a skill containing this text (case-insensitive). */
  readonly skill?: string;
  /** Free text matched against name, job title and skills taught. */
  readonly text?: string;
  /** true: only reverse pairings; false: none; absent: both. */
  readonly reverse?: boolean;
  readonly limit?: number;
}

export const DEFAULT_SUGGESTION_LIMIT = 20;

const fold = (s: string): string => s.trim().toLowerCase();
const byCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Ranks the people who could mentor `seeker`, best first, each with the reasons. Pure and
 * deterministic: the same inputs give the same order whatever order `candidates` come in (ties
 * break on display name, then user id, by code units rather than a locale).
 *
 * Excluded: the seeker, people with no capacity left, people who do not teach the searched skill,
 * and reverse pairings (mentor more junior than the seeker) when the mentor is not open to them.
 * Without a query, someone is suggested only for a skill the seeker wants to learn (unless the
 * seeker has listed none, when everyone available is listed by the other reasons).
 */
export function rankMentors(seeker: Seeker, candidates: readonly Profile[], query: MentorQuery = {}): MentorSuggestion[] {
  const skillQuery = query.skill !== undefined && query.skill.trim() !== '' ? fold(query.skill) : undefined;
  const textQuery = query.text !== undefined && query.text.trim() !== '' ? fold(query.text) : undefined;
  const wanted = new Set(seeker.skillsToLearn.map(fold));
  const seekerLanguages = new Set(seeker.languages.map(fold));
  const suggestions: MentorSuggestion[] = [];

  for (const candidate of candidates) {
    if (candidate.userId === seeker.userId) continue;
    const capacityLeft = Math.max(0, candidate.capacity - candidate.activeMenteeCount);
    if (capacityLeft === 0) continue;

    const reverse =
      seeker.seniority !== undefined && seniorityRank(candidate.seniority) < seniorityRank(seeker.seniority);
    if (reverse && !candidate.openToReverseMentoring) continue;
    if (query.reverse === true && !reverse) continue;
    if (query.reverse === false && reverse) continue;

    const teaches = candidate.skillsToTeach;
    if (skillQuery !== undefined && !teaches.some((s) => fold(s).includes(skillQuery))) continue;
    if (textQuery !== undefined) {
      const haystack = [candidate.displayName, candidate.jobTitle, ...teaches].map(fold);
      if (!haystack.some((h) => h.includes(textQuery))) continue;
    }

    const matchedSkills = teaches.filter(
      (s) => wanted.has(fold(s)) || (skillQuery !== undefined && fold(s).includes(skillQuery)),
    );
    if (skillQuery === undefined && textQuery === undefined && wanted.size > 0 && matchedSkills.length === 0) continue;
    const sharedLanguages = candidate.languages.filter((l) => seekerLanguages.has(fold(l)));

    const reasons: MatchReason[] = [];
    if (matchedSkills.length > 0) reasons.push({ kind: 'matchedSkills', skills: matchedSkills });
    if (reverse && seeker.seniority !== undefined) {
      reasons.push({ kind: 'reversePairing', mentorSeniority: candidate.seniority, menteeSeniority: seeker.seniority });
    }
    if (sharedLanguages.length > 0) reasons.push({ kind: 'sharedLanguages', languages: sharedLanguages });
    reasons.push({ kind: 'capacityLeft', count: capacityLeft });

    // Skills dominate; a shared language matters more than spare capacity, which only breaks near-ties.
    const score = matchedSkills.length * 10 + (sharedLanguages.length > 0 ? 3 : 0) + Math.min(capacityLeft, 3);
    suggestions.push({ mentor: toPublicProfile(candidate), score, reverse, reasons });
  }

  suggestions.sort(
    (a, b) =>
      b.score - a.score ||
      byCodeUnits(a.mentor.displayName, b.mentor.displayName) ||
      byCodeUnits(a.mentor.userId, b.mentor.userId),
  );
  return suggestions.slice(0, Math.max(0, query.limit ?? DEFAULT_SUGGESTION_LIMIT));
}

/** One sentence per reason, for cards and screen readers. */
export function describeReason(reason: MatchReason): string {
  switch (reason.kind) {
    case 'matchedSkills':
      return `Teaches ${reason.skills.join(', ')}`;
    case 'capacityLeft':
      return reason.count === 1 ? 'Has room for 1 more mentee' : `Has room for ${reason.count} more mentees`;
    case 'reversePairing':
      return `Reverse mentoring: a ${reason.mentorSeniority} colleague mentoring a ${reason.menteeSeniority} one`;
    case 'sharedLanguages':
      return `Speaks ${reason.languages.join(', ')} like you`;
  }
}

/** Reverse pairing: the mentor is more junior than the mentee. */
export function isReversePairing(mentor: SeniorityLevel, mentee: SeniorityLevel): boolean {
  return seniorityRank(mentor) < seniorityRank(mentee);
}
