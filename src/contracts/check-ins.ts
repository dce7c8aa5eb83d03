import { z } from 'zod';
import type { CheckIn } from '../core/checkins/check-in';
import type { SubmitCheckInInput } from '../core/usecases/check-in-use-cases';
import { AddActionItemBody } from './action-items';
import { PageQuery, Id, IsoInstant, LIMITS, multilineText, toIso, Version, type Assignable, type Expect } from './common';

const AnswersSchema = z
  .object({
    useful: multilineText(LIMITS.longText),
    nextSteps: multilineText(LIMITS.longText),
    beforeNextTime: multilineText(LIMITS.longText),
    changeOrFocus: multilineText(LIMITS.longText),
  })
  .strict();

const GoalProgressSchema = z.object({ goalId: Id, progress: z.number() }).strict();

export const CheckInParams = z.object({ relationshipId: Id, meetingId: Id }).strict();

/** GET /api/relationships/{relationshipId}/checkins?meetingId= */
export const CheckInsQuery = PageQuery.extend({ meetingId: Id.optional() }).strict();

/** GET .../checkins: one page, and the token for the next when there is one. */
export const CheckInsPage = z.object({ checkIns: z.array(z.lazy(() => CheckInDto)), continuationToken: z.string().optional() }).strict();

/** PUT .../meetings/{meetingId}/checkin — my check-in; a second PUT edits it (send its version). */
export const SubmitCheckInBody = z
  .object({
    answers: AnswersSchema,
    rating: z.number().optional(),
    goalProgress: z.array(GoalProgressSchema).max(50),
    newActionItems: z.array(AddActionItemBody).max(20),
    privateNote: multilineText(LIMITS.longText).optional(),
    version: Version.optional(),
  })
  .strict();
export const SubmitCheckInInputSchema = CheckInParams.extend(SubmitCheckInBody.shape).strict();

/**
 * A check-in as a viewer may see it: `privateNote` is present only in the author's own view
 * (the core strips it for everyone else before this mapping).
 */
export const CheckInDto = z
  .object({
    id: z.string(),
    meetingId: z.string(),
    authorId: z.string(),
    answers: AnswersSchema,
    rating: z.number().int().min(1).max(5).optional(),
    goalProgress: z.array(z.object({ goalId: z.string(), progress: z.number().int() }).strict()),
    actionItemIds: z.array(z.string()),
    privateNote: z.string().optional(),
    submittedAt: IsoInstant,
    updatedAt: IsoInstant,
    version: z.string(),
  })
  .strict();
export type CheckInDto = z.infer<typeof CheckInDto>;
export const CheckInsResponse = z.object({ checkIns: z.array(CheckInDto) }).strict();

export function toCheckInDto(c: CheckIn): CheckInDto {
  return {
    id: c.id,
    meetingId: c.meetingId,
    authorId: c.authorId,
    answers: { ...c.answers },
    ...(c.rating !== undefined ? { rating: c.rating } : {}),
    goalProgress: c.goalProgress.map((g) => ({ ...g })),
    actionItemIds: [...c.actionItemIds],
    ...(c.privateNote !== undefined ? { privateNote: c.privateNote } : {}),
    submittedAt: toIso(c.submittedAt),
    updatedAt: toIso(c.updatedAt),
    version: c.version,
  };
}

export type CheckInContractChecks = [Expect<Assignable<z.infer<typeof SubmitCheckInInputSchema>, SubmitCheckInInput>>];
