/** @jest-environment jsdom */
/**
 * Home tells a person when the bot cannot reach them because their organisation did not allow the app
 * to be installed for them (GET /api/me/teams-app → notAllowed), and how to add it themselves, in
 * English and Polish; nothing is shown otherwise, and a failed read never stands in Home's way.
 */
import { screen } from '@testing-library/react';
import type { MyTeamsAppDto } from '../../../../src/contracts';
import type { MentoringApi } from '../../../../src/tab/api/mentoring-api';
import { SessionProvider } from '../../../../src/tab/app/session';
import HomeScreen from '../../../../src/tab/features/home/home-screen';
import { renderWithProviders } from '../../support/render-with-providers';

function apiWith(teamsApp: () => Promise<MyTeamsAppDto>): MentoringApi {
  return { listRelationships: async () => [], listMyRequests: async () => [], getMyTeamsApp: teamsApp } as unknown as MentoringApi;
}

function renderHome(api: MentoringApi, language: 'en' | 'pl' = 'en') {
  renderWithProviders(
    <SessionProvider value={{ api, signIn: { kind: 'local', label: 'Ania Kowalska' } }}>
      <HomeScreen navigate={() => undefined} />
    </SessionProvider>,
    { language },
  );
}

const ready = () => screen.findByText(/You have no mentoring relationships yet|Nie masz jeszcze/);

it('not allowed: says check-ins cannot reach me and how to add the app myself', async () => {
  renderHome(apiWith(async () => ({ reach: 'notAllowed' })));
  expect(await screen.findByText('Check-ins cannot reach you in Teams chat yet')).toBeTruthy();
  expect(screen.getByTestId('teams-app-not-allowed').textContent).toContain('in Teams, select Apps, search for “Mentoring” and select Add');
});

it('not allowed, in Polish', async () => {
  renderHome(apiWith(async () => ({ reach: 'notAllowed' })), 'pl');
  expect(await screen.findByText('Podsumowania spotkań nie mogą jeszcze trafić do Ciebie na czacie Teams')).toBeTruthy();
  expect(screen.getByTestId('teams-app-not-allowed').textContent).toContain('wyszukaj „Mentoring”');
});

it.each(['reachable', 'installing', 'unknown'] as const)('%s: no note', async (reach) => {
  renderHome(apiWith(async () => ({ reach })));
  await ready();
  expect(screen.queryByTestId('teams-app-not-allowed')).toBeNull();
});

it('a failed read: Home as usual, no note', async () => {
  renderHome(apiWith(() => Promise.reject(new Error('offline'))));
  await ready();
  expect(screen.queryByTestId('teams-app-not-allowed')).toBeNull();
});
