/** @jest-environment jsdom */
import { screen } from '@testing-library/react';
import type { AgreementPreviewDto } from '../../../../src/contracts/agreement';
import type { MentoringApi } from '../../../../src/tab/api/mentoring-api';
import { SessionProvider } from '../../../../src/tab/app/session';
import { AgreementWeekGrid, piecesByDay } from '../../../../src/tab/features/relationship/agreement-week-grid';
import { renderWithProviders } from '../../support/render-with-providers';

const preview: AgreementPreviewDto = {
  viewer: 'mentee',
  viewerZone: 'Europe/London',
  partnerZone: 'Europe/Warsaw',
  meetingMinutes: 45,
  myWindows: [{ weekday: 2, start: '08:00', end: '12:00' }],
  partnerWindows: [{ weekday: 2, start: '10:00', end: '15:00' }],
  fits: [{ weekday: 2, start: '10:00', end: '12:00' }],
  changedWeeks: [{ weekStart: '2027-03-29', fits: [{ weekday: 2, start: '09:00', end: '12:00' }] }],
};

describe('the agreement week grid', () => {
  it('splits a window that runs past midnight into its two days', () => {
    expect([...piecesByDay([{ weekday: 7, start: '22:00', end: '01:00', endsNextDay: true }]).entries()]).toEqual([
      [7, [{ from: 1320, to: 1440 }]],
      [1, [{ from: 0, to: 60 }]],
    ]);
  });

  it('says where a meeting fits for both and which weeks a clock change moves it, from the preview', async () => {
    const previewAgreement = jest.fn().mockResolvedValue(preview);
    const api = { previewAgreement } as unknown as MentoringApi;
    renderWithProviders(
      <SessionProvider value={{ api, signIn: { kind: 'local', label: 'Oliver Bennett' } }}>
        <AgreementWeekGrid relationshipId="rel-1" agreement={{} as never} partnerName="Kacper Nowak" />
      </SessionProvider>,
    );
    expect(await screen.findByText('A meeting fits for both: Tue 10:00–12:00.', {}, { timeout: 3000 })).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Your week, on your clock (United Kingdom Time, London)' })).toBeTruthy();
    expect(screen.getByText('When Kacper Nowak can meet (on your clock)')).toBeTruthy();
    expect(screen.getByText('from the week of Mon, 29 Mar 2027: Tue 09:00–12:00')).toBeTruthy();
    expect(previewAgreement).toHaveBeenCalledWith('rel-1', {}, expect.any(AbortSignal));
  });
});
