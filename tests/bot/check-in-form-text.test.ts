/**
 * The bot's check-in card is a second way in for free text: the same text rules as the API's
 * contracts (src/core/usecases/text-rules.ts) apply to its answers, note and action item titles.
 */
import { parseCheckInForm } from '../../src/bot/conversation/check-in-form';

const context = { locale: 'en' as const, goals: [], userId: 'u1', partnerId: 'u2' };

it('refuses a control character in an answer and a line break in an action item title, with sentences for the card', () => {
  const parsed = parseCheckInForm({ useful: 'good\u001b[31m', 'actionItem1.title': 'Read\nthe book' }, context);
  expect(parsed.ok).toBe(false);
  if (parsed.ok) return;
  expect(parsed.problems).toEqual([
    'useful contains an invisible control character (U+001B) at character 5, often picked up when pasting. Delete it and try again.',
    '#1 must be one line, but has a line break or tab at character 5. Replace it with a space.',
  ]);
});

it('refuses a lone surrogate in the private note, in the reader’s language', () => {
  const parsed = parseCheckInForm({ privateNote: 'ok \udc00' }, { ...context, locale: 'pl' });
  expect(parsed).toEqual({ ok: false, problems: [expect.stringMatching(/^privateNote: niedozwolony .* pozycji 4/)] });
});

it('keeps line breaks in answers and stores NFC', () => {
  const parsed = parseCheckInForm({ useful: 'Cafe\u0301\nand more', 'actionItem1.title': 'Re\u0301sume\u0301' }, context);
  expect(parsed.ok).toBe(true);
  if (!parsed.ok) return;
  expect(parsed.form.answers.useful).toBe('Caf\u00e9\nand more');
  expect(parsed.form.newActionItems[0]!.title).toBe('R\u00e9sum\u00e9');
});
