import { checkRoadmap, meetingNumbersOf } from '../../../../src/tab/features/relationship/roadmap-panel';
import { createTranslator } from '../../../../src/tab/i18n/i18n';

const t = createTranslator('en');
const theme = (key: string, title: string, meetings: number[] = [], extra: object = {}) => ({ key, title, notes: '', meetings, ...extra });

describe('roadmap rules in the tab', () => {
  it('sends the chosen meeting numbers sorted and without repeats, and only those the API takes', () => {
    expect(meetingNumbersOf([3, 1, 1, 2])).toEqual([1, 2, 3]);
    expect(meetingNumbersOf([])).toEqual([]);
    expect(meetingNumbersOf([0])).toBeUndefined();
    expect(meetingNumbersOf([51])).toBeUndefined();
    expect(meetingNumbersOf([1.5])).toBeUndefined();
  });

  it('keeps the order given and sends what the API takes', () => {
    expect(checkRoadmap([theme('b', '  The landscape  today ', [3, 2], { id: 'th-2' }), theme('a', 'A professional profile', [1], { templateId: 'tpl-1' })], t)).toEqual({
      ok: true,
      themes: [
        { id: 'th-2', title: 'The landscape today', notes: '', meetingNumbers: [2, 3] },
        { title: 'A professional profile', notes: '', meetingNumbers: [1], templateId: 'tpl-1' },
      ],
    });
  });

  it('names the theme that needs fixing: no title, a repeat, a bad meeting number', () => {
    expect(checkRoadmap([theme('a', ' '), theme('b', 'Voice'), theme('c', 'voice'), theme('d', 'Reach', [0])], t)).toEqual({
      ok: false,
      errors: {
        a: 'Every theme needs a title.',
        c: 'The same theme appears twice; keep it once and plan it for several meetings instead.',
        d: 'Plan a theme only for meetings 1 to 50.',
      },
    });
  });
});
