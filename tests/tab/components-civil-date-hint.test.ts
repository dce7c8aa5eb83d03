import { civilDateHint } from '../../src/tab/components/civil-date-hint';
import { createFormatters } from '../../src/tab/i18n/i18n';

describe('the day a date field holds, written in the person’s language', () => {
  it('writes a calendar day as the language does, and nothing for an empty or impossible one', () => {
    expect(civilDateHint('2026-12-10', createFormatters('en', 'Asia/Tokyo'))).toEqual({ hint: 'Thu, 10 Dec 2026' });
    expect(civilDateHint('2026-12-10', createFormatters('pl', 'America/New_York')).hint).toMatch(/^czw\., 10 gru 2026/);
    expect(civilDateHint('', createFormatters('en', 'UTC'))).toEqual({});
    expect(civilDateHint(undefined, createFormatters('en', 'UTC'))).toEqual({});
    expect(civilDateHint('2026-02-30', createFormatters('en', 'UTC'))).toEqual({});
  });
});
