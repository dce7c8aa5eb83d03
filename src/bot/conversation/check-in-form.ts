import { z } from 'zod';
import type { ActionItemFields } from '../../core/actions/action-item-rules';
import { CHECKIN_RATING_MAX, CHECKIN_RATING_MIN, type CheckInAnswers, type GoalProgressUpdate } from '../../core/checkins/check-in';
import type { CardLocale } from '../../adapters/cards/card-locale';
import { describeTextProblem, findTextProblem, normaliseText, type TextShape } from '../../core/usecases/text-rules';
import {
  ACTION_ITEM_TITLE_MAX,
  CHECKIN_ACTION_ITEM_SLOTS,
  CHECKIN_ANSWER_MAX,
  CHECKIN_NOTE_MAX,
  checkInFieldIds,
} from '../../adapters/cards/check-in-card';

/** The data every actionable card carries back (see executeAction in the card builders). */
export const CardActionDataSchema = z.object({
  verb: z.enum(['checkin.submit', 'checkin.edit', 'checkin.open']),
  cardVersion: z.literal(1),
  relationshipId: z.string().min(1).max(200),
  meetingId: z.string().min(1).max(200),
  nonce: z.string().min(1).max(200),
  /** On an edit's form: the version of the check-in it showed (see CheckInCardInput.checkInVersion). */
  checkInVersion: z.string().min(1).max(500).optional(),
});
export type CardActionData = z.infer<typeof CardActionDataSchema>;

export interface CheckInForm {
  readonly answers: CheckInAnswers;
  readonly rating?: number;
  readonly goalProgress: readonly GoalProgressUpdate[];
  readonly newActionItems: readonly ActionItemFields[];
  readonly privateNote?: string;
}

const messages = {
  en: {
    tooLong: (what: string, max: number) => `${what} is longer than ${max} characters.`,
    badText: describeTextProblem,
    progress: (goal: string) => `Progress for "${goal}" must be a whole number from 0 to 100.`,
    rating: '"How useful was it?" takes one of 1 to 5.',
    dueDate: (n: number) => `Action item ${n}: the due date is not a date (use the date picker).`,
    dueWithoutTitle: (n: number) => `Action item ${n}: add a title, or clear its due date.`,
    changedElsewhere: 'Your check-in for this meeting was saved from somewhere else (the Mentoring tab, or another card) while this form was open. Your text is still here; send it again to replace that version.',
  },
  pl: {
    tooLong: (what: string, max: number) => `${what}: tekst dłuższy niż ${max} znaków.`,
    badText: (problem: { position: number }, what: string) =>
      `${what}: niedozwolony lub niewidoczny znak na pozycji ${problem.position} (często wklejony razem z tekstem). Usuń go i spróbuj ponownie.`,
    progress: (goal: string) => `Postęp celu „${goal}” musi być liczbą całkowitą od 0 do 100.`,
    rating: '„Na ile ta rozmowa była przydatna?”: wybierz jedną z ocen od 1 do 5.',
    dueDate: (n: number) => `Zadanie ${n}: termin nie jest poprawną datą (użyj kalendarza).`,
    dueWithoutTitle: (n: number) => `Zadanie ${n}: dodaj tytuł albo usuń termin.`,
    changedElsewhere: 'Twoje podsumowanie tego spotkania zostało w międzyczasie zapisane gdzie indziej (w karcie Mentoring albo z innej karty). Twój tekst jest nadal tutaj; wyślij go ponownie, aby zastąpić tamtą wersję.',
  },
} as const;

const text = (value: unknown): string => (typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '');

function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const [y, m, d] = value.split('-').map(Number) as [number, number, number];
  const ms = Date.UTC(y, m - 1, d);
  return Number.isFinite(ms) && new Date(ms).getUTCDate() === d && new Date(ms).getUTCMonth() === m - 1;
}

/**
 * Reads the check-in card's inputs (Teams sends them as strings next to the action data) into the
 * check-in use case's input. Problems come back as sentences for the card, in the reader's language.
 */
/** Shown on the form when the check-in it edits was saved elsewhere meanwhile. */
export function changedElsewhereMessage(locale: keyof typeof messages): string {
  return messages[locale].changedElsewhere;
}

export function parseCheckInForm(
  values: Readonly<Record<string, unknown>>,
  context: {
    readonly locale: CardLocale;
    readonly goals: readonly { id: string; title: string }[];
    readonly userId: string;
    readonly partnerId: string;
  },
): { ok: true; form: CheckInForm } | { ok: false; problems: string[] } {
  const m = messages[context.locale];
  const problems: string[] = [];
  // The same text rules as the API's contracts (src/core/usecases/text-rules.ts), then NFC.
  const typed = (raw: unknown, what: string, shape: TextShape): string => {
    const value = text(raw).trim();
    const problem = findTextProblem(value, shape);
    if (problem) problems.push(m.badText(problem, what));
    return normaliseText(value);
  };
  const answer = (id: string): string => {
    const value = typed(values[id], id, 'multi-line');
    if (value.length > CHECKIN_ANSWER_MAX) problems.push(m.tooLong(id, CHECKIN_ANSWER_MAX));
    return value;
  };
  const answers: CheckInAnswers = {
    useful: answer(checkInFieldIds.useful),
    nextSteps: answer(checkInFieldIds.nextSteps),
    beforeNextTime: answer(checkInFieldIds.beforeNextTime),
    changeOrFocus: answer(checkInFieldIds.changeOrFocus),
  };
  const rawRating = text(values[checkInFieldIds.rating]).trim();
  let rating: number | undefined;
  if (rawRating.length > 0) {
    const n = Number(rawRating);
    if (!Number.isInteger(n) || n < CHECKIN_RATING_MIN || n > CHECKIN_RATING_MAX) problems.push(m.rating);
    else rating = n;
  }
  const goalProgress: GoalProgressUpdate[] = [];
  for (const goal of context.goals) {
    const raw = text(values[checkInFieldIds.goalProgress(goal.id)]).trim();
    if (raw.length === 0) continue;
    const progress = Number(raw);
    if (!Number.isInteger(progress) || progress < 0 || progress > 100) problems.push(m.progress(goal.title));
    else goalProgress.push({ goalId: goal.id, progress });
  }
  const newActionItems: ActionItemFields[] = [];
  for (let slot = 1; slot <= CHECKIN_ACTION_ITEM_SLOTS; slot++) {
    const title = typed(values[checkInFieldIds.actionItemTitle(slot)], `#${slot}`, 'single-line');
    const due = text(values[checkInFieldIds.actionItemDue(slot)]).trim();
    const owner = text(values[checkInFieldIds.actionItemOwner(slot)]).trim();
    if (title.length === 0) {
      if (due.length > 0) problems.push(m.dueWithoutTitle(slot));
      continue;
    }
    if (title.length > ACTION_ITEM_TITLE_MAX) problems.push(m.tooLong(`#${slot}`, ACTION_ITEM_TITLE_MAX));
    if (due.length > 0 && !isCalendarDate(due)) problems.push(m.dueDate(slot));
    newActionItems.push({
      title,
      ownerId: owner === 'partner' ? context.partnerId : context.userId,
      ...(due.length > 0 ? { dueDate: due } : {}),
    });
  }
  const note = typed(values[checkInFieldIds.privateNote], 'privateNote', 'multi-line');
  if (note.length > CHECKIN_NOTE_MAX) problems.push(m.tooLong('privateNote', CHECKIN_NOTE_MAX));
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, form: { answers, ...(rating !== undefined ? { rating } : {}), goalProgress, newActionItems, ...(note.length > 0 ? { privateNote: note } : {}) } };
}
