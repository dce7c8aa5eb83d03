import type { Instant } from '../time/interval';

/**
 * Seniority levels in rising order. The order matters: a pairing is a reverse pairing when the
 * mentor's level is below the mentee's.
 */
export const SENIORITY_LEVELS = ['entry', 'junior', 'intermediate', 'senior', 'lead', 'executive'] as const;
export type SeniorityLevel = (typeof SENIORITY_LEVELS)[number];

export function seniorityRank(level: SeniorityLevel): number {
  return SENIORITY_LEVELS.indexOf(level);
}

/** A person's mentoring profile in one tenant. The tenant is the storage partition, not a field. */
export interface Profile {
  /** The Entra object id (`oid`) of the person. */
  readonly userId: string;
  readonly displayName: string;
  readonly jobTitle: string;
  readonly seniority: SeniorityLevel;
  readonly skillsToTeach: readonly string[];
  readonly skillsToLearn: readonly string[];
  /** BCP 47 language tags or plain names, compared case-insensitively. */
  readonly languages: readonly string[];
  /** IANA zone. */
  readonly timeZone: string;
  /** How many mentees this person takes on at once; 0 = not mentoring now. */
  readonly capacity: number;
  readonly openToReverseMentoring: boolean;
  /**
   * Maintained by the request/relationship use cases, never by the profile form: kept on the profile
   * so that accepting a request checks and claims capacity in one optimistic-concurrency write.
   */
  readonly activeMenteeCount: number;
  readonly createdAt: Instant;
  readonly updatedAt: Instant;
  /** Opaque storage version (an ETag); compare, never parse. */
  readonly version: string;
}

/** What anyone in the tenant may see of a person. */
export interface PublicProfile {
  readonly userId: string;
  readonly displayName: string;
  readonly jobTitle: string;
  readonly seniority: SeniorityLevel;
  readonly skillsToTeach: readonly string[];
  readonly skillsToLearn: readonly string[];
  readonly languages: readonly string[];
  readonly timeZone: string;
  readonly openToReverseMentoring: boolean;
  readonly capacityLeft: number;
}

export function toPublicProfile(profile: Profile): PublicProfile {
  return {
    userId: profile.userId,
    displayName: profile.displayName,
    jobTitle: profile.jobTitle,
    seniority: profile.seniority,
    skillsToTeach: profile.skillsToTeach,
    skillsToLearn: profile.skillsToLearn,
    languages: profile.languages,
    timeZone: profile.timeZone,
    openToReverseMentoring: profile.openToReverseMentoring,
    capacityLeft: Math.max(0, profile.capacity - profile.activeMenteeCount),
  };
}
