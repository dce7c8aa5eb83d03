/** @jest-environment jsdom */
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { AgreementDto } from '../../../../src/contracts';
import { AgreementEditor } from '../../../../src/tab/features/relationship/agreement-editor';
import { windowInViewerZone, windowsSummary, windowText } from '../../../../src/tab/features/relationship/agreement-summary';
import { createFormatters } from '../../../../src/tab/i18n/i18n';
import { renderWithProviders } from '../../support/render-with-providers';

const pair = { myId: 'kacper', partnerId: 'oliver', partnerName: 'Oliver Bennett' };
const side = (personId: string, timeZone: string) => ({
  personId,
  timeZone,
  meetingWindows: [{ weekday: 2 as const, start: '09:00', end: '12:00' }],
  contactChannel: 'teamsChat' as const,
  contactHours: [{ weekday: 1 as const, start: '09:00', end: '17:00' }],
});
const agreement: AgreementDto = {
  cadence: { kind: 'biweekly' },
  meetingMinutes: 45,
  bufferMinutes: 10,
  minimumNoticeHours: 24,
  respectWorkingHours: true,
  firstDate: '2026-11-30',
  meetingCount: 6,
  location: { kind: 'online' },
  mentor: side('kacper', 'Europe/Warsaw'),
  mentee: side('oliver', 'Europe/London'),
};

describe('AgreementEditor', () => {
  beforeEach(() => window.sessionStorage.clear());

  it('writes each person’s boundaries in their own zone', () => {
    renderWithProviders(<AgreementEditor initial={agreement} draftKey="test.agreement" pair={pair} saving={false} onSave={() => undefined} onCancel={() => undefined} />);
    expect(screen.getByText('Your boundaries')).toBeTruthy();
    expect(screen.getByText('Oliver Bennett’s boundaries')).toBeTruthy();
    expect(screen.getByText('When you can meet (in Central European Time, Warsaw)')).toBeTruthy();
    expect(screen.getByText('When Oliver Bennett can meet (in United Kingdom Time, London)')).toBeTruthy();
  });

  it('refuses a series with neither an end date nor a number of meetings, in the catalogue’s words for the core’s code', async () => {
    const user = userEvent.setup();
    const onSave = jest.fn();
    renderWithProviders(<AgreementEditor initial={agreement} draftKey="test.agreement" pair={pair} saving={false} onSave={onSave} onCancel={() => undefined} />);
    await user.clear(screen.getByLabelText('Number of meetings'));
    await user.click(screen.getByRole('button', { name: 'Send proposal' }));
    expect(screen.getByText('Give a last date, a number of meetings, or both, so the series knows when to stop.')).toBeTruthy();
    expect(onSave).not.toHaveBeenCalled();
  });

  it('refuses a person without any meeting window', async () => {
    const user = userEvent.setup();
    const onSave = jest.fn();
    renderWithProviders(<AgreementEditor initial={agreement} draftKey="test.agreement" pair={pair} saving={false} onSave={onSave} onCancel={() => undefined} />);
    const partnerWindows = screen.getByRole('group', { name: 'When Oliver Bennett can meet (in United Kingdom Time, London) 1' });
    await user.click(within(partnerWindows).getByRole('button', { name: 'Remove window 1' }));
    await user.click(screen.getByRole('button', { name: 'Send proposal' }));
    expect(screen.getByText('Add at least one time when a meeting can happen.')).toBeTruthy();
    expect(onSave).not.toHaveBeenCalled();
  });

  it('shows every problem of a draft at once, each at its field, and sends nothing', async () => {
    const user = userEvent.setup();
    const onSave = jest.fn();
    renderWithProviders(<AgreementEditor initial={agreement} draftKey="test.agreement" pair={pair} saving={false} onSave={onSave} onCancel={() => undefined} />);
    await user.clear(screen.getByLabelText('Meeting length (minutes)'));
    await user.clear(screen.getByLabelText('Free time kept around other meetings (minutes)'));
    await user.type(screen.getByLabelText('Free time kept around other meetings (minutes)'), '500');
    await user.clear(screen.getByLabelText('Number of meetings'));
    await user.type(screen.getByLabelText('Number of meetings'), '0');
    await user.click(screen.getByRole('button', { name: 'Send proposal' }));
    const messageOf = (label: string) => {
      const input = screen.getByLabelText(label);
      expect(input.getAttribute('aria-invalid')).toBe('true');
      const id = input.getAttribute('aria-describedby') ?? '';
      return id.split(' ').map((x) => document.getElementById(x)?.textContent ?? '').join(' ').trim();
    };
    expect(messageOf('Meeting length (minutes)')).toBe('Enter a meeting length from 15 to 240 minutes.');
    expect(messageOf('Free time kept around other meetings (minutes)')).toBe('Enter the free time around other meetings as whole minutes, from 0 to 240.');
    expect(messageOf('Number of meetings')).toBe('Enter a whole number of meetings from 1 to 52, or leave it empty and give a last date.');
    expect(screen.getByText('Some fields need a change before this can be sent; each marked field says what to fix.')).toBeTruthy();
    expect(screen.queryByText(/NaN/)).toBeNull();
    expect(onSave).not.toHaveBeenCalled();
  });

  it('shows the API’s refusal of a field at that field', () => {
    const serverProblem = { kind: 'rejected' as const, status: 422, code: 'AGREEMENT.END_DATE_BEFORE_FIRST_DATE', serverMessage: 'The end date 2026-11-01 is before the first date 2026-11-30.', field: 'endDate' };
    renderWithProviders(
      <AgreementEditor initial={agreement} draftKey="test.agreement" pair={pair} saving={false} serverProblem={serverProblem} onSave={() => undefined} onCancel={() => undefined} />,
    );
    const input = screen.getByLabelText('Last date');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(input.getAttribute('aria-describedby') ?? '')?.textContent).toBe('The last date is before the first date. Choose a later last date.');
  });

  it('shows every problem the API lists (details.problems) at its own field, in the person’s language', () => {
    const serverProblem = {
      kind: 'rejected' as const,
      status: 422,
      code: 'AGREEMENT.BAD_DATE',
      serverMessage: 'The first date "2026-02-30" is not a calendar date in the form YYYY-MM-DD.',
      field: 'agreement.firstDate',
      problems: [
        { field: 'agreement.firstDate', code: 'AGREEMENT.BAD_DATE', message: 'The first date "2026-02-30" is not a calendar date in the form YYYY-MM-DD.' },
        { field: 'agreement.mentor.meetingWindows[0].end', code: 'AGREEMENT.WINDOW_END_BEFORE_START', message: 'The window 17:00–14:00 ends before it starts.' },
        { field: 'agreement.mentee.timeZone', code: 'TIME.UNKNOWN_ZONE', message: '"Mars/Olympus_Mons" is not a time zone we recognise.' },
      ],
    };
    renderWithProviders(
      <AgreementEditor initial={agreement} draftKey="test.agreement" pair={pair} saving={false} serverProblem={serverProblem} onSave={() => undefined} onCancel={() => undefined} />,
      { language: 'pl' },
    );
    const messageAt = (input: HTMLElement) => (input.getAttribute('aria-describedby') ?? '').split(' ').map((x) => document.getElementById(x)?.textContent ?? '').join(' ').trim();
    expect(messageAt(screen.getByLabelText('Pierwsze spotkanie nie wcześniej niż'))).toBe('Podaj datę z kalendarza.');
    const window = screen.getByRole('group', { name: 'Kiedy możesz się spotkać (czas środkowoeuropejski, Warsaw) 1' });
    expect(within(window).getByText('Przedział czasu kończy się, zanim się zacznie. Jeśli trwa po północy, zaznacz „Kończy się następnego dnia”; w przeciwnym razie popraw godziny.')).toBeTruthy();
    expect(screen.getByText('Wybierz strefę czasową z listy.')).toBeTruthy();
  });

  it('shows the note’s limit at the field and sends nothing while it is over', async () => {
    const user = userEvent.setup();
    const onSave = jest.fn();
    renderWithProviders(<AgreementEditor initial={agreement} draftKey="test.agreement" pair={pair} saving={false} onSave={onSave} onCancel={() => undefined} />);
    await user.click(screen.getByLabelText('Note to Oliver Bennett'));
    await user.paste('x'.repeat(2001));
    expect(screen.getByText('Too long: 2001 characters, at most 2000.')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Send proposal' }));
    expect(screen.getAllByText('Too long: 2001 characters, at most 2000.')).toHaveLength(1);
    expect(onSave).not.toHaveBeenCalled();
  });

  it('sends the agreement and the note', async () => {
    const user = userEvent.setup();
    const onSave = jest.fn();
    renderWithProviders(<AgreementEditor initial={agreement} draftKey="test.agreement" pair={pair} saving={false} onSave={onSave} onCancel={() => undefined} />);
    await user.type(screen.getByLabelText('Note to Oliver Bennett'), 'Tuesdays suit me.');
    await user.click(screen.getByRole('button', { name: 'Send proposal' }));
    await waitFor(() => expect(onSave).toHaveBeenCalledWith(agreement, 'Tuesdays suit me.'));
  });
});

describe('a window that runs past midnight', () => {
  beforeEach(() => window.sessionStorage.clear());

  // The partner can meet at any time, so these shapes of the mentor's window are not refused for never overlapping.
  const anyTime = ([1, 2, 3, 4, 5, 6, 7] as const).map((weekday) => ({ weekday, start: '00:00', end: '23:59' }));
  const withAnyTimePartner = (a: AgreementDto): AgreementDto => ({ ...a, mentee: { ...a.mentee, meetingWindows: anyTime } });
  const lateFriday: AgreementDto = withAnyTimePartner({ ...agreement, mentor: { ...agreement.mentor, meetingWindows: [{ weekday: 5, start: '22:00', end: '01:00' }] } });

  it('is refused without “Ends the next day”, with the catalogue’s words on that window', async () => {
    const user = userEvent.setup();
    const onSave = jest.fn();
    renderWithProviders(<AgreementEditor initial={lateFriday} draftKey="test.agreement" pair={pair} saving={false} onSave={onSave} onCancel={() => undefined} />);
    await user.click(screen.getByRole('button', { name: 'Send proposal' }));
    const message = 'A time window ends before it starts. If it runs past midnight, tick “Ends the next day”; otherwise correct the times.';
    // Shown once, at the window's field; the banner above the buttons points to the marked fields.
    expect(screen.getAllByText(message)).toHaveLength(1);
    expect(screen.getByText('Some fields need a change before this can be sent; each marked field says what to fix.')).toBeTruthy();
    const window = screen.getByRole('group', { name: 'When you can meet (in Central European Time, Warsaw) 1' });
    expect(within(window).getByText(message)).toBeTruthy();
    expect(onSave).not.toHaveBeenCalled();
  });

  it('is sent with the flag once the labelled checkbox is ticked, and reads Fri 22:00 – Sat 01:00', async () => {
    const user = userEvent.setup();
    const onSave = jest.fn();
    renderWithProviders(<AgreementEditor initial={lateFriday} draftKey="test.agreement" pair={pair} saving={false} onSave={onSave} onCancel={() => undefined} />);
    const window = screen.getByRole('group', { name: 'When you can meet (in Central European Time, Warsaw) 1' });
    await user.click(within(window).getByRole('checkbox', { name: 'Ends the next day' }));
    expect(within(window).getByText('Reads as: Fri 22:00 – Sat 01:00')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Send proposal' }));
    await waitFor(() => expect(onSave).toHaveBeenCalledTimes(1));
    expect(onSave.mock.calls[0][0].mentor.meetingWindows).toEqual([{ weekday: 5, start: '22:00', end: '01:00', endsNextDay: true }]);
  });

  it('is refused when ticked but longer than a day, and unticking drops the flag', async () => {
    const user = userEvent.setup();
    const onSave = jest.fn();
    const tooLong: AgreementDto = withAnyTimePartner({ ...agreement, mentor: { ...agreement.mentor, meetingWindows: [{ weekday: 5, start: '09:00', end: '10:00', endsNextDay: true }] } });
    renderWithProviders(<AgreementEditor initial={tooLong} draftKey="test.agreement" pair={pair} saving={false} onSave={onSave} onCancel={() => undefined} />, { language: 'pl' });
    await user.click(screen.getByRole('button', { name: 'Wyślij propozycję' }));
    expect(screen.getAllByText('Przedział oznaczony „Kończy się następnego dnia” trwałby ponad dobę. Odznacz „Kończy się następnego dnia” albo popraw godziny.')).toHaveLength(1);
    expect(onSave).not.toHaveBeenCalled();
    await user.click(screen.getAllByRole('checkbox', { name: 'Kończy się następnego dnia' })[0]!);
    await user.click(screen.getByRole('button', { name: 'Wyślij propozycję' }));
    await waitFor(() => expect(onSave).toHaveBeenCalledTimes(1));
    expect(onSave.mock.calls[0][0].mentor.meetingWindows).toEqual([{ weekday: 5, start: '09:00', end: '10:00' }]);
  });

  it('accepts an end of 00:00 as midnight without the flag', async () => {
    const user = userEvent.setup();
    const onSave = jest.fn();
    const toMidnight: AgreementDto = withAnyTimePartner({ ...agreement, mentor: { ...agreement.mentor, meetingWindows: [{ weekday: 5, start: '20:00', end: '00:00' }] } });
    renderWithProviders(<AgreementEditor initial={toMidnight} draftKey="test.agreement" pair={pair} saving={false} onSave={onSave} onCancel={() => undefined} />);
    await user.click(screen.getByRole('button', { name: 'Send proposal' }));
    await waitFor(() => expect(onSave).toHaveBeenCalledTimes(1));
  });

  it('is written with both days in the summary', () => {
    expect(windowText('en', { weekday: 5, start: '22:00', end: '01:00', endsNextDay: true }, 'short')).toBe('Fri 22:00 – Sat 01:00');
    expect(windowText('en', { weekday: 7, start: '23:00', end: '02:00', endsNextDay: true }, 'short')).toBe('Sun 23:00 – Mon 02:00');
    expect(windowText('pl', { weekday: 5, start: '22:00', end: '01:00', endsNextDay: true }, 'short')).toBe('pt. 22:00 – sob. 01:00');
    expect(windowText('en', { weekday: 2, start: '09:00', end: '12:00' })).toBe('Tuesday 09:00–12:00');
  });
});

describe('the windows of a list', () => {
  beforeEach(() => window.sessionStorage.clear());

  it('are named control by control, though the column headings show once per list', () => {
    renderWithProviders(<AgreementEditor initial={agreement} draftKey="test.agreement" pair={pair} saving={false} onSave={() => undefined} onCancel={() => undefined} />);
    const window = screen.getByRole('group', { name: 'When you can meet (in Central European Time, Warsaw) 1' });
    expect((within(window).getByRole('combobox', { name: 'Day' }) as HTMLSelectElement).value).toBe('2');
    expect((within(window).getByRole('combobox', { name: 'From' }) as HTMLSelectElement).value).toBe('09:00');
    expect((within(window).getByRole('combobox', { name: 'To' }) as HTMLSelectElement).value).toBe('12:00');
    expect(within(window).getByRole('checkbox', { name: 'Ends the next day' })).toBeTruthy();
    expect(within(window).getByRole('button', { name: 'Remove window 1' }).textContent).toBe('');
    // Two meeting lists are open (contact hours are folded), each with one row of headings, hidden from screen readers.
    const headings = screen.getAllByText('From', { selector: 'span' }).map((el) => el.closest('[aria-hidden="true"]'));
    expect(headings).toHaveLength(2);
    expect(headings.every((h) => h !== null)).toBe(true);
  });
});

describe('contact hours', () => {
  beforeEach(() => window.sessionStorage.clear());

  it('read as one line until “Change”, which opens the list; “Done” folds it again and nothing is lost', async () => {
    const user = userEvent.setup();
    const onSave = jest.fn();
    const weekdays: AgreementDto = { ...agreement, mentee: { ...agreement.mentee, contactHours: ([1, 2, 3, 4, 5] as const).map((weekday) => ({ weekday, start: '09:00', end: '17:00' })) } };
    renderWithProviders(<AgreementEditor initial={weekdays} draftKey="test.agreement" pair={pair} saving={false} onSave={onSave} onCancel={() => undefined} />);
    expect(screen.getByText('Mon–Fri 09:00–17:00')).toBeTruthy();
    expect(screen.getByText('Mon 09:00–17:00')).toBeTruthy();
    expect(screen.queryByRole('group', { name: 'When Oliver Bennett may be contacted (in United Kingdom Time, London) 1' })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Change When Oliver Bennett may be contacted (in United Kingdom Time, London)' }));
    const friday = screen.getByRole('group', { name: 'When Oliver Bennett may be contacted (in United Kingdom Time, London) 5' });
    expect(document.activeElement).toBe(screen.getAllByRole('combobox', { name: 'Day' }).find((el) => el.id === 'mentee-contact-day-0'));
    await user.selectOptions(within(friday).getByRole('combobox', { name: 'To' }), '13:00');
    await user.click(screen.getByRole('button', { name: 'Done' }));
    expect(screen.getByText('Mon–Thu 09:00–17:00; Fri 09:00–13:00')).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Change When Oliver Bennett may be contacted (in United Kingdom Time, London)' }));
    await user.click(screen.getByRole('button', { name: 'Send proposal' }));
    await waitFor(() => expect(onSave).toHaveBeenCalledTimes(1));
    expect(onSave.mock.calls[0][0].mentee.contactHours.at(-1)).toEqual({ weekday: 5, start: '09:00', end: '13:00' });
  });

  it('open by themselves when the draft’s check finds a problem in them, with the problem at its field and no “Done”', async () => {
    const user = userEvent.setup();
    const onSave = jest.fn();
    const backwards: AgreementDto = { ...agreement, mentee: { ...agreement.mentee, contactHours: [{ weekday: 1, start: '17:00', end: '09:00' }] } };
    renderWithProviders(<AgreementEditor initial={backwards} draftKey="test.agreement" pair={pair} saving={false} onSave={onSave} onCancel={() => undefined} />);
    expect(screen.queryByRole('group', { name: 'When Oliver Bennett may be contacted (in United Kingdom Time, London) 1' })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Send proposal' }));
    const window = screen.getByRole('group', { name: 'When Oliver Bennett may be contacted (in United Kingdom Time, London) 1' });
    expect(within(window).getByText('A time window ends before it starts. If it runs past midnight, tick “Ends the next day”; otherwise correct the times.')).toBeTruthy();
    expect(within(window).getByRole('combobox', { name: 'To' }).getAttribute('aria-invalid')).toBe('true');
    expect(screen.queryByRole('button', { name: 'Done' })).toBeNull();
    expect(onSave).not.toHaveBeenCalled();
  });

  it('stay open while none are left, and the draft’s check says so above the list', async () => {
    const user = userEvent.setup();
    renderWithProviders(<AgreementEditor initial={agreement} draftKey="test.agreement" pair={pair} saving={false} onSave={() => undefined} onCancel={() => undefined} />);
    await user.click(screen.getByRole('button', { name: 'Change When you may be contacted (in Central European Time, Warsaw)' }));
    await user.click(within(screen.getByRole('group', { name: 'When you may be contacted (in Central European Time, Warsaw) 1' })).getByRole('button', { name: 'Remove window 1' }));
    // Nothing to sum up in one line: the list stays, with "Add a time window" and without "Done".
    expect(screen.queryByRole('button', { name: 'Done' })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Send proposal' }));
    expect(screen.getByRole('alert').closest('fieldset')?.querySelector('legend')?.textContent).toBe('When you may be contacted (in Central European Time, Warsaw)');
  });

  it('open by themselves for the API’s refusal of one of them, shown at its field in the person’s language', () => {
    const serverProblem = {
      kind: 'rejected' as const,
      status: 422,
      code: 'AGREEMENT.WINDOW_END_BEFORE_START',
      serverMessage: 'The window 17:00–09:00 ends before it starts.',
      field: 'agreement.mentee.contactHours[0].end',
    };
    renderWithProviders(
      <AgreementEditor initial={agreement} draftKey="test.agreement" pair={pair} saving={false} serverProblem={serverProblem} onSave={() => undefined} onCancel={() => undefined} />,
      { language: 'pl' },
    );
    const window = screen.getByRole('group', { name: /^Kiedy można kontaktować się z osobą Oliver Bennett \(.*\) 1$/ });
    expect(within(window).getByRole('combobox', { name: 'Do' }).getAttribute('aria-invalid')).toBe('true');
    expect(screen.queryByRole('button', { name: 'Gotowe' })).toBeNull();
    // The other person's contact hours stay one line.
    expect(screen.getByRole('button', { name: /^Zmień Kiedy można się z Tobą kontaktować/ })).toBeTruthy();
  });

  it('are written as a person says them', () => {
    const days = (list: readonly number[], start: string, end: string) => list.map((weekday) => ({ weekday: weekday as 1, start, end }));
    expect(windowsSummary('en', days([1, 2, 3, 4, 5], '09:00', '17:00'))).toBe('Mon–Fri 09:00–17:00');
    expect(windowsSummary('en', [...days([1, 3], '08:00', '16:00'), ...days([2], '10:00', '12:00')])).toBe('Mon, Wed 08:00–16:00; Tue 10:00–12:00');
    expect(windowsSummary('en', days([1, 2, 4, 5, 6], '09:00', '17:00'))).toBe('Mon, Tue, Thu–Sat 09:00–17:00');
    expect(windowsSummary('en', [...days([5], '09:00', '17:00'), { weekday: 5, start: '22:00', end: '01:00', endsNextDay: true }])).toBe('Fri 09:00–17:00; Fri 22:00 – Sat 01:00');
    expect(windowsSummary('pl', days([1, 2, 3, 4, 5], '09:00', '17:00'))).toBe('pon.–pt. 09:00–17:00');
    expect(windowsSummary('en', [])).toBe('');
  });
});

describe('a partner’s window on the viewer’s clock', () => {
  const format = createFormatters('en', 'UTC');
  it('moves with the zones, including half-hour ones and the DST change', () => {
    // Tuesday 09:00 in Warsaw: 08:00 in London in winter, 13:30 in Kolkata.
    expect(windowInViewerZone({ weekday: 2, start: '09:00', end: '12:00' }, 'Europe/Warsaw', '2026-11-30', 'Europe/London', { language: 'en', format })).toMatch(/^Tue 08:00 /);
    // The end is converted too, and a window past midnight ends on the viewer's next day.
    expect(windowInViewerZone({ weekday: 2, start: '09:00', end: '12:00' }, 'Europe/Warsaw', '2026-11-30', 'Europe/London', { language: 'en', format })).toBe('Tue 08:00 – 11:00 GMT');
    expect(windowInViewerZone({ weekday: 5, start: '22:00', end: '01:00', endsNextDay: true }, 'Europe/Warsaw', '2026-11-30', 'Europe/London', { language: 'en', format })).toBe('Fri 21:00 – 00:00 GMT');
    expect(windowInViewerZone({ weekday: 2, start: '09:00', end: '12:00' }, 'Europe/Warsaw', '2026-11-30', 'Asia/Kolkata', { language: 'en', format })).toMatch(/^Tue 13:30 /);
    // Across the US spring-forward (8 March 2026) and before Europe's (29 March): New York is 5 h behind Warsaw, not 6.
    expect(windowInViewerZone({ weekday: 2, start: '15:00', end: '16:00' }, 'Europe/Warsaw', '2026-03-09', 'America/New_York', { language: 'en', format })).toMatch(/^Tue 10:00 /);
  });
});

describe('windows that never overlap', () => {
  beforeEach(() => window.sessionStorage.clear());

  it('are refused before sending, saying so (Warsaw mornings, London evenings)', async () => {
    const user = userEvent.setup();
    const onSave = jest.fn();
    const apart: AgreementDto = { ...agreement, mentee: { ...agreement.mentee, meetingWindows: [{ weekday: 2, start: '18:00', end: '20:00' }] } };
    renderWithProviders(<AgreementEditor initial={apart} draftKey="test.agreement" pair={pair} saving={false} onSave={onSave} onCancel={() => undefined} />);
    await user.click(screen.getByRole('button', { name: 'Send proposal' }));
    // The core's words: both people's windows, in both zones.
    expect(screen.getAllByText(/never share 45 minutes.*In Europe\/Warsaw time.*in Europe\/London time/).length).toBeGreaterThan(0);
    expect(onSave).not.toHaveBeenCalled();
  });
});
