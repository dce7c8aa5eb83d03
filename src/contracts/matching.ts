import { z } from 'zod';
import type { MentorQuery, MentorSuggestion } from '../core/matching/rank-mentors';
import { formatted, LIMITS, text, type Assignable, type Expect } from './common';
import { PublicProfileDto, Seniority, toPublicProfileDto } from './profiles';

/** GET /api/mentors/suggestions?skill=&q=&reverse=&limit= — query values arrive as strings. */
export const MentorSuggestionQuery = z
  .object({
    skill: text(LIMITS.label).optional(),
    q: text(LIMITS.title).optional(),
    reverse: z.enum(['true', 'false']).optional(),
    limit: formatted(
      z
        .string()
        .regex(/^\d{1,2}$/, 'must be a whole number from 1 to 50')
        .refine((v) => Number(v) >= 1 && Number(v) <= 50, 'must be a whole number from 1 to 50'),
      'whole number',
    ).optional(),
  })
  .strict();
export type MentorSuggestionQuery = z.infer<typeof MentorSuggestionQuery>;

/** The query as the core's MentorQuery (empty strings mean "not given"). */
export function toMentorQuery(query: MentorSuggestionQuery): MentorQuery {
  return {
    ...(query.skill ? { skill: query.skill } : {}),
    ...(query.q ? { text: query.q } : {}),
    ...(query.reverse ? { reverse: query.reverse === 'true' } : {}),
    ...(query.limit ? { limit: Number(query.limit) } : {}),
  };
}

export const MatchReasonDto = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('matchedSkills'), skills: z.array(z.string()) }).strict(),
  z.object({ kind: z.literal('capacityLeft'), count: z.number().int() }).strict(),
  z.object({ kind: z.literal('reversePairing'), mentorSeniority: Seniority, menteeSeniority: Seniority }).strict(),
  z.object({ kind: z.literal('sharedLanguages'), languages: z.array(z.string()) }).strict(),
]);
export type MatchReasonDto = z.infer<typeof MatchReasonDto>;

export const MentorSuggestionDto = z
  .object({
    mentor: PublicProfileDto,
    score: z.number(),
    reverse: z.boolean(),
    reasons: z.array(MatchReasonDto),
  })
  .strict();
export type MentorSuggestionDto = z.infer<typeof MentorSuggestionDto>;

export const MentorSuggestionsResponse = z.object({ suggestions: z.array(MentorSuggestionDto) }).strict();
export type MentorSuggestionsResponse = z.infer<typeof MentorSuggestionsResponse>;

export function toMentorSuggestionDto(s: MentorSuggestion): MentorSuggestionDto {
  return {
    mentor: toPublicProfileDto(s.mentor),
    score: s.score,
    reverse: s.reverse,
    // biome-ignore lint/suspicious/useIterableCallbackReturn: the switch is exhaustive over MatchReason['kind'] (tsc checks it), so every path returns.
    reasons: s.reasons.map((r): MatchReasonDto => {
      switch (r.kind) {
        case 'matchedSkills':
          return { kind: r.kind, skills: [...r.skills] };
        case 'sharedLanguages':
          return { kind: r.kind, languages: [...r.languages] };
        case 'capacityLeft':
          return { kind: r.kind, count: r.count };
        case 'reversePairing':
          return { kind: r.kind, mentorSeniority: r.mentorSeniority, menteeSeniority: r.menteeSeniority };
      }
    }),
  };
}

export type MatchingContractChecks = [Expect<Assignable<ReturnType<typeof toMentorQuery>, MentorQuery>>];
