import { z } from 'zod';
import { SENIORITY_LEVELS, toPublicProfile, type Profile, type PublicProfile } from '../core/profiles/profile';
import type { UpsertProfileInput } from '../core/usecases/profile-use-cases';
import { Id, LIMITS, labels, text, TimeZoneText, toIso, Version, type Assignable, type Expect } from './common';

export const Seniority = z.enum(SENIORITY_LEVELS);

/** PUT /api/me/profile */
export const UpsertProfileBody = z
  .object({
    jobTitle: text(LIMITS.title),
    seniority: Seniority,
    skillsToTeach: labels(LIMITS.labels),
    skillsToLearn: labels(LIMITS.labels),
    languages: labels(LIMITS.languages),
    timeZone: TimeZoneText,
    capacity: z.number(),
    openToReverseMentoring: z.boolean(),
    version: Version.optional(),
  })
  .strict();
export type UpsertProfileBody = z.infer<typeof UpsertProfileBody>;

/** GET /api/people/{personId}/profile */
export const PersonParams = z.object({ personId: Id }).strict();

export const ProfileDto = z
  .object({
    userId: z.string(),
    displayName: z.string(),
    jobTitle: z.string(),
    seniority: Seniority,
    skillsToTeach: z.array(z.string()),
    skillsToLearn: z.array(z.string()),
    languages: z.array(z.string()),
    timeZone: z.string(),
    capacity: z.number().int(),
    openToReverseMentoring: z.boolean(),
    activeMenteeCount: z.number().int(),
    capacityLeft: z.number().int(),
    createdAt: z.iso.datetime({ offset: true }),
    updatedAt: z.iso.datetime({ offset: true }),
    version: z.string(),
  })
  .strict();
export type ProfileDto = z.infer<typeof ProfileDto>;

export const PublicProfileDto = z
  .object({
    userId: z.string(),
    displayName: z.string(),
    jobTitle: z.string(),
    seniority: Seniority,
    skillsToTeach: z.array(z.string()),
    skillsToLearn: z.array(z.string()),
    languages: z.array(z.string()),
    timeZone: z.string(),
    openToReverseMentoring: z.boolean(),
    capacityLeft: z.number().int(),
  })
  .strict();
export type PublicProfileDto = z.infer<typeof PublicProfileDto>;

export function toProfileDto(p: Profile): ProfileDto {
  return {
    ...toPublicProfileDto(toPublicProfile(p)),
    capacity: p.capacity,
    activeMenteeCount: p.activeMenteeCount,
    createdAt: toIso(p.createdAt),
    updatedAt: toIso(p.updatedAt),
    version: p.version,
  };
}

export function toPublicProfileDto(p: PublicProfile): PublicProfileDto {
  return {
    userId: p.userId,
    displayName: p.displayName,
    jobTitle: p.jobTitle,
    seniority: p.seniority,
    skillsToTeach: [...p.skillsToTeach],
    skillsToLearn: [...p.skillsToLearn],
    languages: [...p.languages],
    timeZone: p.timeZone,
    openToReverseMentoring: p.openToReverseMentoring,
    capacityLeft: p.capacityLeft,
  };
}

export type ProfileContractChecks = [Expect<Assignable<UpsertProfileBody, UpsertProfileInput>>];

/**
 * GET /api/me/teams-app: whether the bot can reach me in Teams chat. `notAllowed`: my organisation did
 * not allow the app to be installed for me, so I add it myself; `installing`: it is being installed;
 * `unknown`: nothing was tried (the feature is off, or I never joined anything).
 */
export const MyTeamsAppDto = z.object({ reach: z.enum(['reachable', 'installing', 'notAllowed', 'unknown']) }).strict();
export type MyTeamsAppDto = z.infer<typeof MyTeamsAppDto>;
