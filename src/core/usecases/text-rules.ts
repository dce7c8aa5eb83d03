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

/**
 * The character rules for everything a person types (one source of truth: the contracts apply them
 * to every free-text field at the edge, and any other entry point can call them too).
 *
 * - A lone UTF-16 surrogate is not a character: it cannot be encoded as UTF-8 and breaks whatever
 *   displays or stores it.
 * - Control characters (U+0000–U+001F, U+007F, U+0080–U+009F) are invisible and can rewrite a
 *   terminal or a log line ("\u001b[31m"); only tab and line breaks are text, and only where the
 *   field is multi-line.
 * - Text is kept in Unicode NFC, so the same words typed on two systems compare and count alike.
 */
export type TextShape = 'single-line' | 'multi-line';

export type TextProblemCode = 'TEXT.LONE_SURROGATE' | 'TEXT.CONTROL_CHARACTER' | 'TEXT.LINE_BREAK_NOT_ALLOWED';

export interface TextProblem {
  readonly code: TextProblemCode;
  /** 1-based position, in characters as a person counts them. */
  readonly position: number;
  readonly codePoint: number;
}

const LINE_BREAKS = new Set([0x0a, 0x0d, 0x09, 0x2028, 0x2029]);

function isControl(cp: number): boolean {
  return cp <= 0x1f || (cp >= 0x7f && cp <= 0x9f);
}

/** The first character a field of this shape must not contain, if any. */
export function findTextProblem(value: string, shape: TextShape): TextProblem | undefined {
  let position = 0;
  for (let i = 0; i < value.length; i++) {
    position += 1;
    const unit = value.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const next = value.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        i += 1;
        continue;
      }
      return { code: 'TEXT.LONE_SURROGATE', position, codePoint: unit };
    }
    if (unit >= 0xdc00 && unit <= 0xdfff) return { code: 'TEXT.LONE_SURROGATE', position, codePoint: unit };
    if (LINE_BREAKS.has(unit)) {
      if (shape === 'single-line') return { code: 'TEXT.LINE_BREAK_NOT_ALLOWED', position, codePoint: unit };
      continue;
    }
    if (isControl(unit)) return { code: 'TEXT.CONTROL_CHARACTER', position, codePoint: unit };
  }
  return undefined;
}

const hex = (cp: number) => `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;

/** Words a person can act on; `what` names the field ("The title"). */
export function describeTextProblem(problem: TextProblem, what: string): string {
  switch (problem.code) {
    case 'TEXT.LONE_SURROGATE':
      return `${what} contains a broken character (half of an emoji or symbol, ${hex(problem.codePoint)}) at character ${problem.position}. Delete it and type it again.`;
    case 'TEXT.CONTROL_CHARACTER':
      return `${what} contains an invisible control character (${hex(problem.codePoint)}) at character ${problem.position}, often picked up when pasting. Delete it and try again.`;
    case 'TEXT.LINE_BREAK_NOT_ALLOWED':
      return `${what} must be one line, but has a line break or tab at character ${problem.position}. Replace it with a space.`;
  }
}

/** Unicode NFC: "é" typed as one character or as e + accent is stored the same way. */
export function normaliseText(value: string): string {
  return value.normalize('NFC');
}
