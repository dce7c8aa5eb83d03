/** @jest-environment jsdom */
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { AgreementDto } from '../../../../src/contracts';
import { AgreementEditor } from '../../../../src/tab/features/relationship/agreement-editor';
import { windowInViewerZone } from '../../../../src/tab/features/relationship/agreement-summary';
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
  it('writes each person’s boundaries in their own zone', () => {
    renderWithProviders(<AgreementEditor initial={agreement} pair={pair} saving={false} onSave={() => undefined} onCancel={() => undefined} />);
    expect(screen.getByText('Your boundaries')).toBeTruthy();
    expect(screen.getByText('Oliver Bennett’s boundaries')).toBeTruthy();
    expect(screen.getByText('When you can meet (in Europe/Warsaw)')).toBeTruthy();
    expect(screen.getByText('When Oliver Bennett can meet (in Europe/London)')).toBeTruthy();
  });

  it('refuses a series with neither an end date nor a number of meetings, with the core’s reason', async () => {
    const user = userEvent.setup();
    const onSave = jest.fn();
    renderWithProviders(<AgreementEditor initial={agreement} pair={pair} saving={false} onSave={onSave} onCancel={() => undefined} />);
    await user.clear(screen.getByLabelText('Number of meetings'));
    await user.click(screen.getByRole('button', { name: 'Send proposal' }));
    expect(screen.getByText('Give an end date, a number of meetings, or both, so the series knows when to stop.')).toBeTruthy();
    expect(onSave).not.toHaveBeenCalled();
  });

  it('refuses a person without any meeting window', async () => {
    const user = userEvent.setup();
    const onSave = jest.fn();
    renderWithProviders(<AgreementEditor initial={agreement} pair={pair} saving={false} onSave={onSave} onCancel={() => undefined} />);
    const partnerWindows = screen.getByRole('group', { name: 'When Oliver Bennett can meet (in Europe/London) 1' });
    await user.click(within(partnerWindows).getByRole('button', { name: 'Remove window 1' }));
    await user.click(screen.getByRole('button', { name: 'Send proposal' }));
    expect(screen.getByText(/The mentee has no days or times when they can meet/)).toBeTruthy();
    expect(onSave).not.toHaveBeenCalled();
  });

  it('sends the agreement and the note', async () => {
    const user = userEvent.setup();
    const onSave = jest.fn();
    renderWithProviders(<AgreementEditor initial={agreement} pair={pair} saving={false} onSave={onSave} onCancel={() => undefined} />);
    await user.type(screen.getByLabelText('Note to Oliver Bennett'), 'Tuesdays suit me.');
    await user.click(screen.getByRole('button', { name: 'Send proposal' }));
    await waitFor(() => expect(onSave).toHaveBeenCalledWith(agreement, 'Tuesdays suit me.'));
  });
});

describe('a partner’s window on the viewer’s clock', () => {
  const format = createFormatters('en', 'UTC');
  it('moves with the zones, including half-hour ones and the DST change', () => {
    // Tuesday 09:00 in Warsaw: 08:00 in London in winter, 13:30 in Kolkata.
    expect(windowInViewerZone({ weekday: 2, start: '09:00', end: '12:00' }, 'Europe/Warsaw', '2026-11-30', 'Europe/London', { language: 'en', format })).toMatch(/^Tue 08:00 /);
    expect(windowInViewerZone({ weekday: 2, start: '09:00', end: '12:00' }, 'Europe/Warsaw', '2026-11-30', 'Asia/Kolkata', { language: 'en', format })).toMatch(/^Tue 13:30 /);
    // Across the US spring-forward (8 March 2026) and before Europe's (29 March): New York is 5 h behind Warsaw, not 6.
    expect(windowInViewerZone({ weekday: 2, start: '15:00', end: '16:00' }, 'Europe/Warsaw', '2026-03-09', 'America/New_York', { language: 'en', format })).toMatch(/^Tue 10:00 /);
  });
});
