import { fail, ok, type Result } from '../result';
import { cleanText, isLocalDate } from '../usecases/text-rules';
import type { SmartParts } from './goal';

export interface GoalFields {
  readonly title: string;
  readonly smart: SmartParts;
  readonly targetDate?: string;
  readonly progress: number;
}

/** Validates and trims a goal as the pair writes it. Missing SMART parts are allowed: see smartCheck. */
export function validateGoalFields(input: GoalFields): Result<GoalFields> {
  const title = cleanText(input.title);
  if (title.length === 0) return fail('GOAL.TITLE_REQUIRED', 'Give the goal a short title.', { field: 'title' });
  if (input.targetDate !== undefined && !isLocalDate(input.targetDate)) {
    return fail('GOAL.TARGET_DATE_INVALID', 'Use a real date written as YYYY-MM-DD for the target date.', {
      field: 'targetDate',
    });
  }
  const progress = validateProgress(input.progress, 'progress');
  if (!progress.ok) return progress;
  return ok({
    title,
    smart: {
      specific: input.smart.specific.trim(),
      measurable: input.smart.measurable.trim(),
      achievable: input.smart.achievable.trim(),
      relevant: input.smart.relevant.trim(),
      timeBound: input.smart.timeBound.trim(),
    },
    ...(input.targetDate !== undefined ? { targetDate: input.targetDate } : {}),
    progress: input.progress,
  });
}

export function validateProgress(progress: number, field: string): Result<number> {
  if (!Number.isInteger(progress) || progress < 0 || progress > 100) {
    return fail('GOAL.PROGRESS_OUT_OF_RANGE', 'Progress is a whole percentage from 0 to 100.', { field });
  }
  return ok(progress);
}
