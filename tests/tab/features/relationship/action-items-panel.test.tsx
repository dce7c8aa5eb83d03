/** @jest-environment jsdom */
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { MentoringApi } from '../../../../src/tab/api/mentoring-api';
import { SessionProvider } from '../../../../src/tab/app/session';
import { ActionItemsPanel } from '../../../../src/tab/features/relationship/action-items-panel';
import { renderWithProviders } from '../../support/render-with-providers';

const pair = { myId: 'oliver', partnerId: 'kacper', partnerName: 'Kacper Nowak' };

it('shows a new action item title’s limit at the field and sends nothing while it is over', async () => {
  const user = userEvent.setup();
  const addActionItem = jest.fn();
  const api = { addActionItem } as unknown as MentoringApi;
  renderWithProviders(
    <SessionProvider value={{ api, signIn: { kind: 'local', label: 'Oliver Bennett' } }}>
      <ActionItemsPanel relationshipId="rel-1" items={[]} doneCount={0} pair={pair} onChanged={() => undefined} />
    </SessionProvider>,
  );
  await user.click(screen.getByLabelText(/^What needs doing/));
  await user.paste('x'.repeat(170));
  expect(screen.getByText('170 / 200 characters')).toBeTruthy();
  await user.paste('y'.repeat(31));
  expect(screen.getByText('Too long: 201 characters, at most 200.')).toBeTruthy();
  await user.click(screen.getByRole('button', { name: 'Add action item' }));
  expect(screen.getAllByText('Too long: 201 characters, at most 200.')).toHaveLength(1);
  expect(addActionItem).not.toHaveBeenCalled();
});
