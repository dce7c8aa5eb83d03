/** @jest-environment jsdom */
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ApiError } from '../../../../src/tab/api/api-error';
import type { MentoringApi } from '../../../../src/tab/api/mentoring-api';
import { SessionProvider } from '../../../../src/tab/app/session';
import { TodoSyncSwitch } from '../../../../src/tab/features/relationship/todo-sync-switch';
import { renderWithProviders } from '../../support/render-with-providers';

function renderSwitch(api: Partial<MentoringApi>, language: 'en' | 'pl' = 'en', closed = false) {
  const onSynced = jest.fn();
  renderWithProviders(
    <SessionProvider value={{ api: api as MentoringApi, signIn: { kind: 'local', label: 'Oliver Bennett' } }}>
      <TodoSyncSwitch relationshipId="rel-1" closed={closed} onSynced={onSynced} />
    </SessionProvider>,
    { language },
  );
  return { onSynced };
}

describe('TodoSyncSwitch', () => {
  it('shows the stored choice and turns it on only when the API says it is on', async () => {
    const user = userEvent.setup();
    const api = {
      getTodoSync: jest.fn().mockResolvedValue({ enabled: false, listName: 'Mentoring' }),
      setTodoSync: jest.fn().mockResolvedValue({ enabled: true, listName: 'Mentoring', synced: { created: 2, updated: 0, completedFromTodo: 1, detached: 0, deferred: 0 } }),
    };
    const { onSynced } = renderSwitch(api);
    const toggle = await screen.findByRole('switch', { name: 'Show my action items in Microsoft To Do' });
    await waitFor(() => expect((toggle as HTMLInputElement).disabled).toBe(false));
    expect((toggle as HTMLInputElement).checked).toBe(false);
    expect(screen.getByText(/go to a list called “Mentoring”/)).toBeTruthy();
    await user.click(toggle);
    expect(await screen.findByText('Your action items are in your To Do list “Mentoring”.')).toBeTruthy();
    expect(api.setTodoSync).toHaveBeenCalledWith('rel-1', true);
    expect((toggle as HTMLInputElement).checked).toBe(true);
    expect(onSynced).toHaveBeenCalled();
  });

  it('stays off and says why when the server has no To Do connection, in Polish', async () => {
    const user = userEvent.setup();
    const api = {
      getTodoSync: jest.fn().mockResolvedValue({ enabled: false, listName: 'Mentoring' }),
      setTodoSync: jest.fn().mockRejectedValue(new ApiError({ kind: 'server', status: 503, code: 'TODO.NOT_CONFIGURED' })),
    };
    renderSwitch(api, 'pl');
    const toggle = await screen.findByRole('switch', { name: 'Pokazuj moje zadania w Microsoft To Do' });
    await waitFor(() => expect((toggle as HTMLInputElement).disabled).toBe(false));
    await user.click(toggle);
    expect(await screen.findByText('Microsoft To Do nie jest jeszcze połączone z tym serwerem. Poproś administratora o połączenie.')).toBeTruthy();
    expect((toggle as HTMLInputElement).checked).toBe(false);
  });

  it('cannot be turned on in a closed relationship', async () => {
    renderSwitch({ getTodoSync: jest.fn().mockResolvedValue({ enabled: false, listName: 'Mentoring' }), setTodoSync: jest.fn() }, 'en', true);
    const toggle = await screen.findByRole('switch', { name: 'Show my action items in Microsoft To Do' });
    await waitFor(() => expect((toggle as HTMLInputElement).disabled).toBe(true));
  });
});
