import type { Translate } from '../i18n/i18n';

/** Length as the API counts it: after Unicode NFC (the contracts normalise before checking the limit). */
export const textLength = (value: string): number => value.normalize('NFC').length;

export const isTooLong = (value: string, max: number): boolean => textLength(value) > max;

/**
 * Field props that show a text field's limit where it is typed: a quiet "120 / 200" once the text
 * nears the limit, and an error in words once it is over (sending is refused before any request).
 * Pasted text is never cut off silently; the person decides what to shorten.
 */
export function lengthLimitProps(t: Translate, value: string, max: number, error?: string) {
  const length = textLength(value);
  if (error) return { validationState: 'error' as const, validationMessage: error };
  if (length > max) return { validationState: 'error' as const, validationMessage: t('common.tooLong', { count: length, max }) };
  if (length >= max * 0.8) return { hint: t('common.lengthCount', { count: length, max }) };
  return {};
}
