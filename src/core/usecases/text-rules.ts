import type { LocalDate } from '../agreement/agreement';

/** Trims and collapses inner whitespace, so "  Type  Script " and "Type Script" are one entry. */
export function cleanText(value: string): string {
  return value.trim().replace(/\s+/g, ' ');
}

export function isBlank(value: string | undefined): boolean {
  return value === undefined || value.trim().length === 0;
}

/**
 * Cleans a list of short labels (skills, languages): trims, drops case-insensitive duplicates and
 * keeps the first spelling. Returns the index of the first blank entry, if any, for the error field.
 */
export function cleanLabels(values: readonly string[]): { labels: string[]; blankIndex?: number } {
  const seen = new Set<string>();
  const labels: string[] = [];
  for (const [index, raw] of values.entries()) {
    const label = cleanText(raw);
    if (label.length === 0) return { labels, blankIndex: index };
    const folded = label.toLowerCase();
    if (!seen.has(folded)) {
      seen.add(folded);
      labels.push(label);
    }
  }
  return { labels };
}

/** True for a real calendar date written as YYYY-MM-DD (no 2025-02-30). */
export function isLocalDate(value: LocalDate): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1) return false;
  const daysInMonth = [31, y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return d <= (daysInMonth[mo - 1] ?? 0);
}
