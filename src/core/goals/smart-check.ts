import type { Goal, SmartParts } from './goal';

export type SmartPart = keyof SmartParts;

export interface SmartHint {
  readonly part: SmartPart;
  readonly hint: string;
}

const HINTS: Readonly<Record<SmartPart, string>> = {
  specific: 'What exactly do you want to be able to do? Naming it makes it easier to work on together.',
  measurable: 'How will you both know it is happening? A number, an artefact or an observable change helps.',
  achievable: 'Is it within reach in the time you have? It may help to name what makes it doable.',
  relevant: 'Why does it matter to you now? Linking it to your role or plans keeps it alive.',
  timeBound: 'By when? A target date or a point in the programme gives the goal a rhythm.',
};

const ORDER: readonly SmartPart[] = ['specific', 'measurable', 'achievable', 'relevant', 'timeBound'];

/**
 * The SMART parts a goal still lacks, in S-M-A-R-T order, each with a gentle prompt for the UI.
 * A target date counts as the time-bound part even when its text is empty.
 */
export function smartCheck(goal: Pick<Goal, 'smart' | 'targetDate'>): SmartHint[] {
  return ORDER.filter((part) => {
    if (part === 'timeBound' && goal.targetDate !== undefined) return false;
    return goal.smart[part].trim().length === 0;
  }).map((part) => ({ part, hint: HINTS[part] }));
}
