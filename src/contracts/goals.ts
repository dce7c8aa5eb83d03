import { z } from 'zod';
import type { Goal } from '../core/goals/goal';
import type { AddGoalInput, DeleteGoalInput, UpdateGoalInput } from '../core/usecases/goal-use-cases';
import type { GoalView } from '../core/usecases/relationship-use-cases';
import { Id, IsoInstant, LIMITS, LocalDateText, RelationshipParams, multilineText, text, toIso, Version, type Assignable, type Expect } from './common';

const SmartPartsSchema = z
  .object({
    specific: multilineText(LIMITS.shortText),
    measurable: multilineText(LIMITS.shortText),
    achievable: multilineText(LIMITS.shortText),
    relevant: multilineText(LIMITS.shortText),
    timeBound: multilineText(LIMITS.shortText),
  })
  .strict();

/** POST /api/relationships/{relationshipId}/goals */
export const AddGoalBody = z
  .object({
    title: text(LIMITS.title),
    smart: SmartPartsSchema,
    targetDate: LocalDateText.optional(),
    progress: z.number().optional(),
  })
  .strict();
export const AddGoalInputSchema = RelationshipParams.extend(AddGoalBody.shape).strict();

export const GoalParams = z.object({ relationshipId: Id, goalId: Id }).strict();

/** PATCH .../goals/{goalId} — only the fields to change; `targetDate: null` clears it. */
export const UpdateGoalBody = z
  .object({
    version: Version,
    title: text(LIMITS.title).optional(),
    smart: SmartPartsSchema.partial().strict().optional(),
    targetDate: LocalDateText.nullable().optional(),
    progress: z.number().optional(),
  })
  .strict();
export const UpdateGoalInputSchema = GoalParams.extend(UpdateGoalBody.shape).strict();

/** DELETE .../goals/{goalId} — the version in the body or If-Match. */
export const DeleteGoalBody = z.object({ version: Version }).strict();
export const DeleteGoalInputSchema = GoalParams.extend(DeleteGoalBody.shape).strict();

export const GoalDto = z
  .object({
    id: z.string(),
    title: z.string(),
    smart: SmartPartsSchema,
    targetDate: z.string().optional(),
    progress: z.number().int(),
    createdBy: z.string(),
    createdAt: IsoInstant,
    updatedAt: IsoInstant,
    version: z.string(),
    /** Gentle prompts for the SMART parts still missing. */
    missing: z.array(z.object({ part: z.enum(['specific', 'measurable', 'achievable', 'relevant', 'timeBound']), hint: z.string() }).strict()),
  })
  .strict();
export type GoalDto = z.infer<typeof GoalDto>;

export const GoalsResponse = z.object({ goals: z.array(GoalDto) }).strict();

export function toGoalDto(view: GoalView): GoalDto {
  const g: Goal = view.goal;
  return {
    id: g.id,
    title: g.title,
    smart: { ...g.smart },
    ...(g.targetDate !== undefined ? { targetDate: g.targetDate } : {}),
    progress: g.progress,
    createdBy: g.createdBy,
    createdAt: toIso(g.createdAt),
    updatedAt: toIso(g.updatedAt),
    version: g.version,
    missing: view.missing.map((m) => ({ ...m })),
  };
}

export type GoalContractChecks = [
  Expect<Assignable<z.infer<typeof AddGoalInputSchema>, AddGoalInput>>,
  Expect<Assignable<z.infer<typeof UpdateGoalInputSchema>, UpdateGoalInput>>,
  Expect<Assignable<z.infer<typeof DeleteGoalInputSchema>, DeleteGoalInput>>,
];
