import { z } from 'zod';
import type { CohortMatch, CohortMentee, CohortMentor, CohortRules } from '../core/matching/match-cohort';
import { WeeklyWindowSchema } from './agreement';
import { Id, LIMITS, labels, LocalDateText, TimeZoneText } from './common';
import { Seniority } from './profiles';

/** The app role (Entra `roles` claim) that may run programmes. */
export const PROGRAMME_OWNER_ROLE = 'Programme.Owner';

const Availability = z
  .object({
    timeZone: TimeZoneText,
    meetingWindows: z.array(WeeklyWindowSchema).min(1).max(28),
    workingHours: z.array(WeeklyWindowSchema).max(28).optional(),
  })
  .strict();
// Skills and languages follow the profile's rules (text rules, lengths), as the profile contract declares them.
const Skills = labels(LIMITS.labels);
const Languages = labels(LIMITS.languages);
const PairRefSchema = z.object({ menteeId: Id, mentorId: Id }).strict();

/** POST /api/programmes/cohort-matches: the cohort and the owner's rules. */
export const CohortMatchBody = z
  .object({
    mentees: z
      .array(z.object({ personId: Id, seniority: Seniority, skillsToLearn: Skills, languages: Languages, managerId: Id.optional(), availability: Availability }).strict())
      .min(1)
      .max(2500),
    mentors: z
      .array(
        z
          .object({
            personId: Id,
            seniority: Seniority,
            skillsToTeach: Skills,
            languages: Languages,
            managerId: Id.optional(),
            capacity: z.number().int().min(0).max(20),
            openToReverseMentoring: z.boolean(),
            availability: Availability,
          })
          .strict(),
      )
      .min(1)
      .max(2500),
    rules: z
      .object({
        meetingMinutes: z.number().int().min(15).max(240),
        firstDate: LocalDateText,
        lastDate: LocalDateText.optional(),
        reversePairs: z.enum(['allowed', 'never', 'only']),
        pinned: z.array(PairRefSchema).max(2500).default([]),
        excluded: z.array(PairRefSchema).max(10000).default([]),
      })
      .strict(),
  })
  .strict();
export type CohortMatchBody = z.infer<typeof CohortMatchBody>;

export function toCohortInput(body: CohortMatchBody): { mentees: CohortMentee[]; mentors: CohortMentor[]; rules: CohortRules } {
  const { lastDate, ...rules } = body.rules;
  return {
    mentees: body.mentees.map(({ managerId, availability, ...m }) => ({ ...m, ...(managerId ? { managerId } : {}), availability: withoutUndefined(availability) })),
    mentors: body.mentors.map(({ managerId, availability, ...m }) => ({ ...m, ...(managerId ? { managerId } : {}), availability: withoutUndefined(availability) })),
    rules: { ...rules, ...(lastDate ? { lastDate } : {}) },
  };
}

function withoutUndefined(a: CohortMatchBody['mentees'][number]['availability']): CohortMentee['availability'] {
  const { workingHours, ...rest } = a;
  return workingHours ? { ...rest, workingHours } : rest;
}

/** The suggestion as the owner reviews it: the pairs with scores and weekly overlap in both zones; no profile text. */
export function toCohortMatchDto(match: CohortMatch) {
  return {
    pairs: match.pairs.map((p) => ({
      menteeId: p.menteeId,
      mentorId: p.mentorId,
      score: p.score,
      reverse: p.reverse,
      pinned: p.pinned,
      overlap: { minutesPerWeek: p.overlap.minutesPerWeek, weekStart: new Date(p.overlap.weekStart).toISOString(), mentor: p.overlap.mentor, mentee: p.overlap.mentee },
    })),
    unmatched: match.unmatched,
    totalScore: match.totalScore,
    candidatesPerMentee: match.candidatesPerMentee,
  };
}
