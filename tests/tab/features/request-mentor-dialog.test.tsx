/** @jest-environment jsdom */
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ApiError } from '../../../src/tab/api/api-error';
import type { NewMentoringRequest } from '../../../src/tab/api/mentoring-api';
import { RequestMentorDialog } from '../../../src/tab/features/find-mentor/request-mentor-dialog';
import { renderWithProviders } from '../support/render-with-providers';

const mentor = { userId: 'a0000002', displayName: 'Kacper Nowak' };

function renderDialog(send: (r: NewMentoringRequest) => Promise<unknown>, { reverse = false, language = 'en' as 'en' | 'pl' } = {}) {
  const onSent = jest.fn();
  renderWithProviders(
    <RequestMentorDialog mentor={mentor} reverse={reverse} open onOpenChange={() => undefined} send={send} onSent={onSent} />,
    { language },
  );
  return { onSent };
}

describe('RequestMentorDialog', () => {
  it('says when the pairing is reverse mentoring', () => {
    renderDialog(async () => undefined, { reverse: true });
    expect(screen.getByText(/This is reverse mentoring: Kacper Nowak is earlier in their career/)).toBeTruthy();
  });

  it('requires a note and what the mentee wants, and sends nothing until both are there', async () => {
    const user = userEvent.setup();
    const send = jest.fn(async () => undefined);
    renderDialog(send);
    await user.click(screen.getByRole('button', { name: 'Send' }));
    expect(screen.getByText('Write a short note so Kacper Nowak knows why you are asking.')).toBeTruthy();
    expect(screen.getByText('Tell your mentor what you want to get out of mentoring.')).toBeTruthy();
    expect(send).not.toHaveBeenCalled();
  });

  it('sends the note and the pre-work answers once', async () => {
    const user = userEvent.setup();
    const send = jest.fn(async () => undefined);
    const { onSent } = renderDialog(send);
    await user.type(screen.getByLabelText(/^A note to Kacper Nowak/), 'You run the Power BI guild.');
    await user.type(screen.getByLabelText(/^What do you want to get out of mentoring\?/), 'Build my own dashboards');
    await user.type(screen.getByLabelText(/^What do you bring/), 'Twenty years of operations');
    await user.click(screen.getByRole('button', { name: 'Send' }));
    await waitFor(() => expect(onSent).toHaveBeenCalled());
    expect(send).toHaveBeenCalledTimes(1);
    expect(send).toHaveBeenCalledWith({
      mentorId: 'a0000002',
      note: 'You run the Power BI guild.',
      preWork: { whatIWant: 'Build my own dashboards', whatIBring: 'Twenty years of operations', expectations: '' },
    });
  });

  it('puts a rule the API enforced next to the field it names', async () => {
    const user = userEvent.setup();
    const send = jest.fn(() =>
      Promise.reject(
        new ApiError({ kind: 'validation', status: 400, code: 'REQUEST.PREWORK_REQUIRED', field: 'preWork.whatIWant', serverMessage: 'Tell your future mentor what you want out of mentoring.' }),
      ),
    );
    const { onSent } = renderDialog(send);
    await user.type(screen.getByLabelText(/^A note to Kacper Nowak/), 'Hello');
    await user.type(screen.getByLabelText(/^What do you want to get out of mentoring\?/), 'x');
    await user.click(screen.getByRole('button', { name: 'Send' }));
    expect(await screen.findByText('Tell your future mentor what you want out of mentoring.')).toBeTruthy();
    expect(onSent).not.toHaveBeenCalled();
  });

  it('explains a known rule without a field (mentor at capacity) in the reader’s language, with the reference id', async () => {
    const user = userEvent.setup();
    const send = jest.fn(() =>
      Promise.reject(
        new ApiError({ kind: 'rejected', status: 422, code: 'REQUEST.MENTOR_AT_CAPACITY', serverMessage: 'Kacper Nowak has no room for another mentee right now.', correlationId: 'corr-7' }),
      ),
    );
    renderDialog(send, { language: 'pl' });
    await user.type(screen.getByLabelText(/^Wiadomość do: Kacper Nowak/), 'Dzień dobry');
    await user.type(screen.getByLabelText(/^Co chcesz osiągnąć/), 'Power BI');
    await user.click(screen.getByRole('button', { name: 'Wyślij' }));
    expect(await screen.findByText(/Ten mentor nie ma teraz miejsca dla kolejnej osoby/)).toBeTruthy();
    expect(screen.getByText('Identyfikator zgłoszenia: corr-7')).toBeTruthy();
  });
});
