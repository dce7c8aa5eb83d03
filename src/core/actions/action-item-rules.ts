import { fail, ok, type Result } from '../result';
import { cleanText, isLocalDate } from '../usecases/text-rules';
import type { ActionItem } from './action-item';

export interface ActionItemFields {
  readonly title: string;
  readonly ownerId: string;
  readonly dueDate?: string;
}

/** An action item belongs to one of the pair; anyone else could never see it. */
export function validateActionItemFields(
  input: ActionItemFields,
  pair: { readonly mentorId: string; readonly menteeId: string },
  fieldPrefix = '',
): Result<ActionItemFields> {
  const title = cleanText(input.title);
  if (title.length === 0) {
    return fail('ACTION_ITEM.TITLE_REQUIRED', 'Say what needs doing in a few words.', { field: `${fieldPrefix}title` });
  }
  if (input.ownerId !== pair.mentorId && input.ownerId !== pair.menteeId) {
    return fail('ACTION_ITEM.OWNER_NOT_IN_PAIR', 'An action item is owned by you or your partner.', {
      field: `${fieldPrefix}ownerId`,
    });
  }
  if (input.dueDate !== undefined && !isLocalDate(input.dueDate)) {
    return fail('ACTION_ITEM.DUE_DATE_INVALID', 'Use a real date written as YYYY-MM-DD for the due date.', {
      field: `${fieldPrefix}dueDate`,
    });
  }
  return ok({ title, ownerId: input.ownerId, ...(input.dueDate !== undefined ? { dueDate: input.dueDate } : {}) });
}

/**
 * Open items as they are carried into the next agenda: dated ones first by due date, then undated
 * ones by creation, ties by id — the same order every time.
 */
export function openActionItems(items: readonly ActionItem[]): ActionItem[] {
  return items
    .filter((i) => i.status === 'open')
    .sort((a, b) => {
      if (a.dueDate !== b.dueDate) {
        if (a.dueDate === undefined) return 1;
        if (b.dueDate === undefined) return -1;
        return a.dueDate < b.dueDate ? -1 : 1;
      }
      return a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
    });
}
