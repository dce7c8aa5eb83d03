import type { Formatters } from '../i18n/i18n';

/**
 * A date input is drawn by the browser in its own interface language ("12/10/2026" in a Polish tab of
 * an American browser); the chosen day is also written the way the person's language writes it
 * ("Thu, 10 Dec 2026"), under the field, so the two never disagree unseen.
 */
export function civilDateHint(value: string | undefined, format: Pick<Formatters, 'civilDate'>): { hint: string } | Record<string, never> {
  if (!value || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return {};
  const noon = new Date(`${value}T12:00:00Z`);
  // "2026-02-30" is no day at all, whatever a parser makes of it.
  if (Number.isNaN(noon.getTime()) || noon.toISOString().slice(0, 10) !== value) return {};
  return { hint: format.civilDate(value) };
}
