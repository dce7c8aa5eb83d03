/** @jest-environment jsdom */
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ApiError } from '../../../../src/tab/api/api-error';
import type { MentoringApi, RequestViewDto } from '../../../../src/tab/api/mentoring-api';
import { SessionProvider } from '../../../../src/tab/app/session';
import HomeScreen from '../../../../src/tab/features/home/home-screen';
import { renderWithProviders } from '../../support/render-with-providers';

const incoming: RequestViewDto = {
  request: {
    id: 'r1',
    menteeId: 'oliver',
    mentorId: 'kacper',
    note: 'Your demos were the clearest.',
    preWork: { whatIWant: 'Use Copilot with my team.', whatIBring: 'Fifteen years of leading teams.', expectations: '' },
    status: 'open',
    createdAt: '2026-11-23T09:00:00.000Z',
    version: 'W/"1"',
  },
  direction: 'incoming',
  counterpart: { userId: 'oliver', displayName: 'Oliver Bennett', jobTitle: 'L&D Partner' },
};

/** A stand-in for the API with just the calls Home makes; each test scripts the answer to accept. */
function fakeApi(accept: () => Promise<unknown>) {
  const calls = { listMyRequests: 0, accept: 0 };
  const api = {
    listRelationships: async () => [],
    listMyRequests: async () => {
      calls.listMyRequests += 1;
      return [incoming];
    },
    acceptRequest: () => {
      calls.accept += 1;
      return accept();
    },
  } as unknown as MentoringApi;
  return { api, calls };
}

function renderHome(api: MentoringApi) {
  renderWithProviders(
    <SessionProvider value={{ api, signIn: { kind: 'local', label: 'Kacper Nowak' } }}>
      <HomeScreen navigate={() => undefined} />
    </SessionProvider>,
  );
}

describe('Home', () => {
  it('shows the incoming request with its pre-work and an empty state that says what to do next', async () => {
    renderHome(fakeApi(async () => undefined).api);
    expect(await screen.findByText('From Oliver Bennett')).toBeTruthy();
    expect(screen.getByText('Use Copilot with my team.')).toBeTruthy();
    expect(screen.getByText('You have no mentoring relationships yet. Find a mentor to send your first request.')).toBeTruthy();
  });

  it('puts the request back, with the API’s reason, when accepting is refused', async () => {
    const user = userEvent.setup();
    const { api, calls } = fakeApi(() =>
      Promise.reject(new ApiError({ kind: 'rejected', status: 409, code: 'REQUEST.MENTOR_AT_CAPACITY', serverMessage: 'Kacper Nowak has no room for another mentee right now.' })),
    );
    renderHome(api);
    await user.click(await screen.findByRole('button', { name: 'Accept' }));
    expect(await screen.findByText(/has no room for another mentee right now/)).toBeTruthy();
    expect(screen.getByText('From Oliver Bennett')).toBeTruthy();
    expect(calls.accept).toBe(1);
  });

  it('asks for a reason before declining, and sends nothing without one', async () => {
    const user = userEvent.setup();
    const decline = jest.fn(async () => undefined);
    const { api } = fakeApi(async () => undefined);
    (api as unknown as { declineRequest: typeof decline }).declineRequest = decline;
    renderHome(api);
    await user.click(await screen.findByRole('button', { name: 'Decline' }));
    expect(screen.getByText('Add a short reason, so Oliver Bennett knows where they stand.')).toBeTruthy();
    expect(decline).not.toHaveBeenCalled();
    await user.type(screen.getByLabelText('Reason for declining (shared with Oliver Bennett)'), 'My mentoring places are full until March.');
    await user.click(screen.getByRole('button', { name: 'Decline' }));
    await waitFor(() => expect(decline).toHaveBeenCalledWith(incoming.request, 'My mentoring places are full until March.'));
    expect(await screen.findByText('You declined the request from Oliver Bennett.')).toBeTruthy();
  });

  it('shows the decline reason’s limit at the field and sends nothing while it is over', async () => {
    const user = userEvent.setup();
    const decline = jest.fn(async () => undefined);
    const { api } = fakeApi(async () => undefined);
    (api as unknown as { declineRequest: typeof decline }).declineRequest = decline;
    renderHome(api);
    await user.click(await screen.findByLabelText('Reason for declining (shared with Oliver Bennett)'));
    await user.paste('x'.repeat(850));
    expect(screen.getByText('850 / 1000 characters')).toBeTruthy();
    await user.paste('y'.repeat(151));
    expect(screen.getByText('Too long: 1001 characters, at most 1000.')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Decline' }));
    expect(screen.getByText('Too long: 1001 characters, at most 1000.')).toBeTruthy();
    expect(decline).not.toHaveBeenCalled();
  });

  it('reloads and says so when someone else changed the request first', async () => {
    const user = userEvent.setup();
    const { api, calls } = fakeApi(() => Promise.reject(new ApiError({ kind: 'conflict', status: 412, code: 'STORAGE.CONFLICT' })));
    renderHome(api);
    await user.click(await screen.findByRole('button', { name: 'Accept' }));
    expect(await screen.findByText(/Someone changed this while you were editing/)).toBeTruthy();
    await waitFor(() => expect(calls.listMyRequests).toBe(2));
  });
});

describe('Home: programmes you can join', () => {
  const base = { purpose: '', startDate: '2027-01-04', endDate: '2027-06-30', kind: 'mentoring', matchingMode: 'cohort', ended: false };
  function renderWith(programmes: unknown[], navigate: (route: unknown) => void = () => undefined) {
    const api = { listRelationships: async () => [], listMyRequests: async () => [], listMyProgrammes: async () => ({ programmes }) } as unknown as MentoringApi;
    renderWithProviders(
      <SessionProvider value={{ api, signIn: { kind: 'local', label: 'Kacper Nowak' } }}>
        <HomeScreen navigate={navigate} />
      </SessionProvider>,
    );
  }

  it('lists only the programmes not joined yet, each opening the Programme screen on it', async () => {
    const user = userEvent.setup();
    const routes: unknown[] = [];
    renderWith(
      [
        { ...base, id: 'p1', name: 'Data skills 2027' },
        { ...base, id: 'p2', name: 'Leaders 2027', membership: { role: 'mentee', joinedAt: '2026-12-01T00:00:00.000Z' } },
      ],
      (r) => routes.push(r),
    );
    expect(await screen.findByRole('heading', { level: 2, name: 'Programmes you can join' })).toBeTruthy();
    expect(screen.queryByText('Leaders 2027')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Open Data skills 2027' }));
    expect(routes).toEqual([{ screen: 'programme', programmeId: 'p1' }]);
  });

  it('shows no block at all when every programme is joined (or none is open)', async () => {
    renderWith([{ ...base, id: 'p2', name: 'Leaders 2027', membership: { role: 'mentor', joinedAt: '2026-12-01T00:00:00.000Z' } }]);
    expect(await screen.findByText('You have no mentoring relationships yet. Find a mentor to send your first request.')).toBeTruthy();
    await waitFor(() => expect(screen.queryByRole('heading', { name: 'Programmes you can join' })).toBeNull());
  });
});
