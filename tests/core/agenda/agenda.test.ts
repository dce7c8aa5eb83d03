import fc from 'fast-check';
import type { AgendaSource } from '../../../src/core/agenda/agenda';
import { renderAgenda, escapeHtml } from '../../../src/core/agenda/render-agenda';
import { selectAgenda } from '../../../src/core/agenda/select-agenda';
import { renderMeetingAgenda } from '../../../src/core/agenda/agenda-from-domain';

const source: AgendaSource = {
  locale: 'en',
  mentorName: 'Kacper Nowak',
  menteeName: 'Margaret Hale',
  reverse: true,
  meetingNumber: 2,
  meetingCount: 6,
  themes: [
    { title: 'Power BI for board reports', notes: 'Bring last quarter’s deck.', meetingNumbers: [2, 3], goalIds: ['g1'] },
    { title: 'Generative AI in daily work', notes: '', meetingNumbers: [4], goalIds: ['g2'] },
  ],
  goals: [
    { id: 'g2', title: 'Draft emails with Copilot', targetDate: '2027-02-15', progress: 10 },
    { id: 'g1', title: 'Build the Q1 board dashboard myself', targetDate: '2027-03-31', progress: 40 },
  ],
  actionItems: [
    { title: 'Share the sales dataset', ownerName: 'Margaret Hale', dueDate: '2026-12-01', done: false },
    { title: 'Send the Power BI starter guide', ownerName: 'Kacper Nowak', done: false },
    { title: 'Install Power BI Desktop', ownerName: 'Margaret Hale', dueDate: '2026-11-20', done: true },
  ],
  preWork: [{ personName: 'Margaret Hale', answers: [{ question: 'What do you want out of this?', answer: 'Read data without asking the analysts.' }] }],
  checkInQuestions: [],
  appLink: 'https://teams.microsoft.com/l/entity/app-id/relationships?context=%7B%7D',
};

describe('selectAgenda', () => {
  it('takes the themes planned for meeting k, the goals they serve, open action items by due date, no pre-work after meeting 1', () => {
    const agenda = selectAgenda(source);
    expect(agenda.themes.map((t) => t.title)).toEqual(['Power BI for board reports']);
    expect(agenda.goals.map((g) => g.id)).toEqual(['g1']);
    expect(agenda.actionItems.map((a) => a.title)).toEqual(['Share the sales dataset', 'Send the Power BI starter guide']);
    expect(agenda.preWork).toEqual([]);
    expect(agenda.checkInQuestions).toHaveLength(4);
  });

  it('shows every unfinished goal when the themes link none, and the pre-work before the first meeting', () => {
    const agenda = selectAgenda({
      ...source,
      meetingNumber: 1,
      themes: [{ title: 'Getting to know each other', notes: '', meetingNumbers: [1], goalIds: [] }],
      goals: [...source.goals, { id: 'g3', title: 'Done already', progress: 100 }],
      checkInQuestions: ['What surprised you?'],
    });
    expect(agenda.goals.map((g) => g.id)).toEqual(['g2', 'g1']);
    expect(agenda.preWork).toEqual(source.preWork);
    expect(agenda.checkInQuestions).toEqual(['What surprised you?']);
  });
});

describe('renderAgenda', () => {
  it('renders the plain text in English', () => {
    const rendered = renderAgenda(selectAgenda(source));
    expect(rendered.subject).toBe('Mentoring: Margaret Hale & Kacper Nowak, meeting 2 of 6 (Power BI for board reports)');
    expect(rendered.text).toBe(
      [
        'Reverse mentoring: Kacper Nowak mentors Margaret Hale · meeting 2 of 6',
        '',
        'THEMES FOR THIS MEETING',
        '- Power BI for board reports',
        '  Bring last quarter’s deck.',
        '',
        'GOALS WE ARE WORKING TOWARDS',
        '- Build the Q1 board dashboard myself (target 31 March 2027, 40% done)',
        '',
        'OPEN ACTION ITEMS',
        '- Share the sales dataset (Owner: Margaret Hale, due 1 December 2026)',
        '- Send the Power BI starter guide (Owner: Kacper Nowak, no due date)',
        '',
        'BEFORE YOU FINISH',
        'Take the last five minutes for these questions; the check-in card after the meeting asks them too.',
        '1. What was most useful in this conversation?',
        '2. What are the next steps, and who owns each?',
        '3. What will each of us do before next time?',
        '4. What should we change or focus on next time?',
        '',
        'Open the relationship in Teams: https://teams.microsoft.com/l/entity/app-id/relationships?context=%7B%7D',
        '',
      ].join('\n'),
    );
  });

  it('renders Outlook-friendly HTML: one presentation table, inline styles, no scripts, styles or images', () => {
    const { html } = renderAgenda(selectAgenda({ ...source, meetingNumber: 1 }));
    expect(html.startsWith('<div style="font-family:')).toBe(true);
    expect(html).toContain('<table role="presentation"');
    expect(html).not.toMatch(/<(script|style|link|img|iframe|object)\b/i);
    expect(html).not.toMatch(/\son\w+=/i);
    expect(html).toContain('<strong>What do you want out of this?</strong><br>Read data without asking the analysts.');
    expect(html).toContain('<a href="https://teams.microsoft.com/l/entity/app-id/relationships?context=%7B%7D"');
  });

  it('shows a goal titled <img src=x onerror=alert(1)> as text', () => {
    const evil = '<img src=x onerror=alert(1)>';
    const { html, text, subject } = renderAgenda(
      selectAgenda({ ...source, goals: [{ id: 'g1', title: evil, targetDate: '2027-03-31', progress: 0 }], themes: [{ ...source.themes[0]!, title: evil }] }),
    );
    expect(html).toContain('<strong>&lt;img src=x onerror=alert(1)&gt;</strong>');
    expect(html).not.toContain('<img');
    expect(text).toContain(`- ${evil} (target 31 March 2027, 0% done)`);
    expect(subject).toContain(evil);
  });

  it('escapes every user-written field, whatever it contains', () => {
    const allowedTags = new Set(['div', 'table', 'tr', 'td', 'ul', 'ol', 'li', 'strong', 'span', 'br', 'p', 'a']);
    fc.assert(
      fc.property(fc.string(), fc.string(), fc.string(), fc.string(), (a, b, c, d) => {
        const { html } = renderAgenda(
          selectAgenda({
            ...source,
            meetingNumber: 1,
            mentorName: a,
            menteeName: b,
            themes: [{ title: c, notes: d, meetingNumbers: [1], goalIds: [] }],
            goals: [{ id: 'g', title: d, progress: 5 }],
            actionItems: [{ title: a, ownerName: c, done: false }],
            preWork: [{ personName: d, answers: [{ question: b, answer: c }] }],
            checkInQuestions: [a, b],
            appLink: `https://x.test/${c}`,
          }),
        );
        // User text cannot contain a raw "<", so every tag in the output is one the renderer wrote.
        const tags = [...html.matchAll(/<[^>]*>/g)].map((m) => m[0]);
        const names = tags.map((t) => /^<\/?([a-zA-Z][a-zA-Z0-9]*)/.exec(t)?.[1]?.toLowerCase() ?? '?');
        return names.every((n) => allowedTags.has(n)) && tags.every((t) => !/\son\w+\s*=/i.test(t.replace(/"[^"]*"/g, '""')));
      }),
    );
  });

  it('drops a link that is not http(s)', () => {
    const { html, text } = renderAgenda(selectAgenda({ ...source, appLink: 'javascript:alert(1)' }));
    expect(html).not.toContain('javascript:');
    expect(text).not.toContain('javascript:');
  });

  it('speaks Polish, with Polish dates', () => {
    const rendered = renderAgenda(selectAgenda({ ...source, locale: 'pl', reverse: false }));
    expect(rendered.subject).toBe('Mentoring: Margaret Hale i Kacper Nowak, spotkanie 2 z 6 (Power BI for board reports)');
    expect(rendered.text).toContain('Mentoring: Kacper Nowak jest mentorem dla Margaret Hale · spotkanie 2 z 6');
    expect(rendered.text).toContain('- Build the Q1 board dashboard myself (termin 31 marca 2027, 40% wykonane)');
    expect(rendered.text).toContain('- Share the sales dataset (Odpowiada: Margaret Hale, do 1 grudnia 2026)');
    expect(rendered.text).toContain('1. Co w tej rozmowie było najbardziej przydatne?');
    expect(rendered.html).toContain('Otwarte zadania');
  });

  it('says what to do when there is nothing planned yet', () => {
    const { text } = renderAgenda(selectAgenda({ ...source, themes: [], goals: [], actionItems: [] }));
    expect(text).toContain('No theme is planned for this meeting yet; agree one at the start.');
    expect(text).toContain('No goals yet; consider setting one SMART goal together.');
    expect(text).toContain('No open action items.');
  });

  it('keeps the subject within 255 characters', () => {
    const { subject } = renderAgenda(selectAgenda({ ...source, themes: [{ ...source.themes[0]!, title: 'x'.repeat(400) }] }));
    expect(subject.length).toBe(255);
  });

  it('escapes the five HTML-significant characters', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });
});

describe('renderMeetingAgenda (from the relationship’s entities)', () => {
  const input = {
    locale: 'pl' as const,
    relationship: { mentorId: 'u-k', menteeId: 'u-m', reverse: true, menteePreWork: { whatIWant: 'Czytać dane <samodzielnie>', whatIBring: '', expectations: 'Cierpliwość' } },
    names: { 'u-k': 'Kacper Nowak', 'u-m': 'Margaret Hale' },
    meetingNumber: 1,
    meetingCount: 6,
    roadmap: { themes: [{ id: 't1', title: 'Poznajmy się', notes: '', meetingNumbers: [1] }] },
    goals: [{ id: 'g1', title: 'Dashboard Q1', targetDate: '2027-03-31', progress: 0 }],
    actionItems: [
      { title: 'Zainstalować Power BI', ownerId: 'u-m', dueDate: '2026-12-01', status: 'open' as const },
      { title: 'Gotowe', ownerId: 'u-k', status: 'done' as const },
    ],
  };

  it('renders meeting 1 with the mentee’s pre-work, names for owners, and escaped answers', () => {
    const { subject, text, html } = renderMeetingAgenda(input);
    expect(subject).toBe('Mentoring: Margaret Hale i Kacper Nowak, spotkanie 1 z 6 (Poznajmy się)');
    expect(text).toContain('Mentoring odwrócony: Kacper Nowak jest mentorem dla Margaret Hale · spotkanie 1 z 6');
    expect(text).toContain('- Zainstalować Power BI (Odpowiada: Margaret Hale, do 1 grudnia 2026)');
    expect(text).not.toContain('Gotowe');
    expect(text).toContain('Margaret Hale pisze:\n- Czego chcę od tego mentoringu?\n  Czytać dane <samodzielnie>\n- Co do niego wnoszę?\n  (jeszcze bez odpowiedzi)');
    expect(html).toContain('Czytać dane &lt;samodzielnie&gt;');
  });

  it('leaves the pre-work out after the first meeting', () => {
    expect(renderMeetingAgenda({ ...input, meetingNumber: 2 }).text).not.toContain('Czego chcę od tego mentoringu?');
  });
});
