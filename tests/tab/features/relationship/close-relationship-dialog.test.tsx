/** @jest-environment jsdom */
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ApiError } from '../../../../src/tab/api/api-error';
import { CloseRelationshipDialog } from '../../../../src/tab/features/relationship/close-relationship-dialog';
import { renderWithProviders } from '../../support/render-with-providers';

function renderDialog(send: jest.Mock, partnerClosed = false, language: 'en' | 'pl' = 'en') {
  const onSent = jest.fn();
  renderWithProviders(
    <CloseRelationshipDialog partnerName="Kacper Nowak" partnerClosed={partnerClosed} open onOpenChange={() => undefined} send={send} onSent={onSent} />,
    { language },
  );
  return { onSent };
}

describe('CloseRelationshipDialog', () => {
  it('asks for a reflection before closing and sends nothing without one', async () => {
    const user = userEvent.setup();
    const send = jest.fn();
    renderDialog(send);
    expect(screen.getByRole('dialog', { name: 'Close your mentoring relationship with Kacper Nowak' })).toBeTruthy();
    await user.type(screen.getByLabelText('What worked'), '   ');
    await user.click(screen.getByRole('button', { name: 'Close the relationship' }));
    expect(screen.getByText('Share a few words before closing: what worked, what to improve or your key takeaway.')).toBeTruthy();
    expect(send).not.toHaveBeenCalled();
  });

  it('sends the trimmed reflection', async () => {
    const user = userEvent.setup();
    const send = jest.fn().mockResolvedValue({});
    const { onSent } = renderDialog(send);
    await user.type(screen.getByLabelText('What worked'), ' Steady fortnightly rhythm ');
    await user.type(screen.getByLabelText('My key takeaway'), 'Ask for the data first');
    await user.click(screen.getByRole('button', { name: 'Close the relationship' }));
    await waitFor(() => expect(onSent).toHaveBeenCalled());
    expect(send).toHaveBeenCalledWith({ whatWorked: 'Steady fortnightly rhythm', whatToImprove: '', keyTakeaway: 'Ask for the data first' });
  });

  it('keeps the reflection when the API refuses, with the reason in Polish', async () => {
    const user = userEvent.setup();
    const send = jest.fn().mockRejectedValue(new ApiError({ kind: 'rejected', status: 409, code: 'RELATIONSHIP.ALREADY_CLOSED' }));
    const { onSent } = renderDialog(send, true, 'pl');
    expect(screen.getByRole('dialog', { name: 'Dodaj moją refleksję na zakończenie' })).toBeTruthy();
    await user.type(screen.getByLabelText('Co poprawić'), 'Krótsze spotkania');
    await user.click(screen.getByRole('button', { name: 'Wyślij moją refleksję' }));
    expect(await screen.findByText('Ta relacja jest już przez Ciebie zakończona, a refleksja zapisana.')).toBeTruthy();
    expect((screen.getByLabelText('Co poprawić') as HTMLTextAreaElement).value).toBe('Krótsze spotkania');
    expect(onSent).not.toHaveBeenCalled();
  });

  describe('what closing did in Outlook, as the close answer says', () => {
    async function close(outlook: object, language: 'en' | 'pl' = 'en') {
      const user = userEvent.setup();
      const send = jest.fn().mockResolvedValue({ id: 'r1', status: 'closed', outlook });
      const { onSent } = renderDialog(send, false, language);
      await user.type(screen.getByLabelText(language === 'en' ? 'What worked' : 'Co się sprawdziło'), 'Steady rhythm');
      await user.click(screen.getByRole('button', { name: language === 'en' ? 'Close the relationship' : 'Zakończ relację' }));
      await screen.findByRole('dialog', { name: language === 'en' ? 'The relationship is closed' : 'Relacja jest zakończona' });
      return { user, onSent };
    }

    it('done: every future meeting cancelled, and the dialog stays until the person has read it', async () => {
      const { user, onSent } = await close({ status: 'done', cancelled: 3, waiting: 0 });
      expect(screen.getByText('All 3 future meetings were cancelled in both Outlook calendars, with a note to you both.')).toBeTruthy();
      expect(screen.getByText('The relationship is closed and your reflection is saved.')).toBeTruthy();
      expect(onSent).not.toHaveBeenCalled();
      await user.click(screen.getByRole('button', { name: 'Done' }));
      expect(onSent).toHaveBeenCalledTimes(1);
    });

    it('done with nothing to cancel says so, not that meetings were cancelled', async () => {
      await close({ status: 'done', cancelled: 0, waiting: 0 });
      expect(screen.getByText('There were no future meetings to cancel in Outlook.')).toBeTruthy();
      expect(screen.queryByText(/were cancelled/)).toBeNull();
    });

    it('partly: how many were cancelled, how many wait and why, and that the sync retries them (Polish)', async () => {
      await close({ status: 'partly', cancelled: 2, waiting: 5, code: 'GRAPH.THROTTLED' }, 'pl');
      expect(
        screen.getByText(
          '2 przyszłe spotkania odwołano w Outlooku. 5 spotkań jest nadal w obu kalendarzach (Outlook poprosił aplikację o zwolnienie tempa). Aplikacja odwoła je przy najbliższej synchronizacji kalendarza (co 15 minut); nic nie musisz robić.',
        ),
      ).toBeTruthy();
      expect(screen.queryByText(/Wszystkie/)).toBeNull();
    });

    it('partly in English, with one waiting', async () => {
      await close({ status: 'partly', cancelled: 1, waiting: 1, code: 'GRAPH.UNAVAILABLE' });
      expect(
        screen.getByText(
          '1 future meeting was cancelled in Outlook. 1 meeting is still in both calendars (Outlook did not answer). The app cancels them at its next calendar sync (every 15 minutes); nothing to do.',
        ),
      ).toBeTruthy();
    });

    it('not reached for a lasting reason: the meetings are still there and the person is told what to do', async () => {
      await close({ status: 'not-reached', cancelled: 0, waiting: 0, code: 'CALENDAR.NOT_CONFIGURED' });
      expect(
        screen.getByText(
          'Outlook could not be reached (calendars are not connected on this server), so your future meetings are still in both calendars. The app cannot cancel them until an administrator fixes this: delete them from your Outlook calendar, or ask your administrator.',
        ),
      ).toBeTruthy();
    });

    it('not reached in Polish, for a passing reason', async () => {
      await close({ status: 'not-reached', cancelled: 0, waiting: 0, code: 'GRAPH.UNAVAILABLE' }, 'pl');
      expect(
        screen.getByText(
          'Nie udało się połączyć z Outlookiem (Outlook nie odpowiedział), więc przyszłe spotkania są nadal w obu kalendarzach. Aplikacja odwoła je przy najbliższej synchronizacji kalendarza (co 15 minut); nic nie musisz robić.',
        ),
      ).toBeTruthy();
      expect(screen.getByRole('button', { name: 'Gotowe' })).toBeTruthy();
    });
  });
});
