import { fail, ok, type Result } from '../result';
import { cleanText } from '../usecases/text-rules';
import type { RoadmapTheme } from './roadmap';
import { isTemplateThemeId } from './roadmap-templates';
import { checkRoadmapThemeCount } from '../growth/growth-limits';

/** Enough for a year of weekly meetings; a larger number is a typo. */
export const MAX_MEETING_NUMBER = 200;

/** A theme as the pair sends it; new themes have no id yet. */
export interface RoadmapThemeInput {
  readonly id?: string;
  readonly title: string;
  readonly notes: string;
  readonly meetingNumbers: readonly number[];
  readonly templateId?: string;
}

/**
 * Validates the whole ordered list the pair saves (reordering and assigning meetings are edits of
 * that list). Meeting numbers come back sorted without duplicates; new themes get ids.
 */
export function validateRoadmapThemes(
  themes: readonly RoadmapThemeInput[],
  newId: () => string,
): Result<RoadmapTheme[]> {
  const count = checkRoadmapThemeCount(themes.length);
  if (!count.ok) return count;
  const ids = new Set<string>();
  const out: RoadmapTheme[] = [];
  for (const [index, theme] of themes.entries()) {
    const title = cleanText(theme.title);
    if (title.length === 0) {
      return fail('ROADMAP.THEME_TITLE_REQUIRED', 'Every theme needs a title.', { field: `themes[${index}].title` });
    }
    if (theme.id !== undefined) {
      if (ids.has(theme.id)) {
        return fail('ROADMAP.DUPLICATE_THEME', 'The same theme appears twice; keep it once and list it under several meetings instead.', {
          field: `themes[${index}].id`,
        });
      }
      ids.add(theme.id);
    }
    const bad = theme.meetingNumbers.find((n) => !Number.isInteger(n) || n < 1 || n > MAX_MEETING_NUMBER);
    if (bad !== undefined) {
      return fail('ROADMAP.MEETING_NUMBER_INVALID', `Meetings are numbered 1 to ${MAX_MEETING_NUMBER}.`, {
        field: `themes[${index}].meetingNumbers`,
      });
    }
    if (theme.templateId !== undefined && !isTemplateThemeId(theme.templateId)) {
      return fail('ROADMAP.TEMPLATE_NOT_FOUND', 'That template theme no longer exists; pick one from the current templates.', {
        field: `themes[${index}].templateId`,
      });
    }
    out.push({
      id: theme.id ?? newId(),
      title,
      notes: theme.notes.trim(),
      meetingNumbers: [...new Set(theme.meetingNumbers)].sort((a, b) => a - b),
      ...(theme.templateId !== undefined ? { templateId: theme.templateId } : {}),
    });
  }
  return ok(out);
}

/** The themes planned for one meeting, in roadmap order: the agenda's topics. */
export function themesForMeeting(themes: readonly RoadmapTheme[], meetingNumber: number): RoadmapTheme[] {
  return themes.filter((t) => t.meetingNumbers.includes(meetingNumber));
}

/** Themes not yet assigned to any meeting, in roadmap order. */
export function unscheduledThemes(themes: readonly RoadmapTheme[]): RoadmapTheme[] {
  return themes.filter((t) => t.meetingNumbers.length === 0);
}

/**
 * A template's themes as roadmap input, one per meeting from `firstMeetingNumber` on, ready to be
 * appended to the pair’s list and edited.
 */
export function themeInputsFromTemplate(
  template: { readonly themes: readonly { readonly id: string; readonly title: string; readonly notes: string }[] },
  firstMeetingNumber = 1,
): RoadmapThemeInput[] {
  return template.themes.map((theme, index) => ({
    title: theme.title,
    notes: theme.notes,
    meetingNumbers: [firstMeetingNumber + index],
    templateId: theme.id,
  }));
}

/** Moves one theme to another position; returns a new list (the input is left as it was). */
export function moveTheme<T>(themes: readonly T[], from: number, to: number): T[] {
  const next = [...themes];
  if (from < 0 || from >= next.length || to < 0 || to >= next.length) return next;
  const [moved] = next.splice(from, 1);
  next.splice(to, 0, moved as T);
  return next;
}
