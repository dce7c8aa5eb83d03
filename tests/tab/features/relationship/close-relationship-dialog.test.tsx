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
});
