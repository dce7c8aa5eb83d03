/** @jest-environment jsdom */
import { act, renderHook, waitFor } from '@testing-library/react';
import type { MeetingDto } from '../../../../src/contracts';
import type { MentoringApi } from '../../../../src/tab/api/mentoring-api';
import { useInviteRefresh } from '../../../../src/tab/features/relationship/use-invite-refresh';

const meeting = (start: string, status: MeetingDto['status'] = 'planned'): MeetingDto => ({
  id: start,
  number: 1,
  start,
  end: start,
  status,
  bookingState: 'booked',
  organizerId: 'oliver',
  outsideBoundaries: false,
  declinedBy: [],
  version: 'v1',
});

/** The one clock the hook is given: Wednesday 2 December 2026, 12:00 UTC. */
const NOW = Date.UTC(2026, 11, 2, 12);

describe('refreshing the invites after an agenda change', () => {
  it('asks only when an upcoming meeting has an invite to update', () => {
    const refreshAgendas = jest.fn().mockResolvedValue({ updated: [], unchanged: [], failed: [] });
    const api = { refreshAgendas } as unknown as MentoringApi;
    const past = renderHook(() => useInviteRefresh(api, 'rel-1', [meeting('2026-11-25T09:00:00Z', 'held'), meeting('2026-12-09T09:00:00Z', 'cancelled')], NOW, jest.fn()));
    act(() => past.result.current.afterAgendaChange());
    expect(refreshAgendas).not.toHaveBeenCalled();
    const upcoming = renderHook(() => useInviteRefresh(api, 'rel-1', [meeting('2026-12-09T09:00:00Z')], NOW, jest.fn()));
    act(() => upcoming.result.current.afterAgendaChange());
    expect(refreshAgendas).toHaveBeenCalledWith('rel-1');
  });

  it('says the invites lag when the refresh fails or leaves a meeting out, and clears once it succeeds', async () => {
    const refreshAgendas = jest
      .fn()
      .mockRejectedValueOnce(new Error('offline'))
      .mockResolvedValueOnce({ updated: [], unchanged: [], failed: [{ meetingId: 'm1', code: 'GRAPH.THROTTLED' }] })
      .mockResolvedValueOnce({ updated: ['m1'], unchanged: [], failed: [] });
    const rewritten = jest.fn();
    const { result } = renderHook(() => useInviteRefresh({ refreshAgendas } as unknown as MentoringApi, 'rel-1', [meeting('2026-12-09T09:00:00Z')], NOW, rewritten));
    act(() => result.current.afterAgendaChange());
    await waitFor(() => expect(result.current.lagging).toBe(true));
    act(() => result.current.afterAgendaChange());
    await waitFor(() => expect(refreshAgendas).toHaveBeenCalledTimes(2));
    expect(result.current.lagging).toBe(true);
    expect(rewritten).not.toHaveBeenCalled();
    act(() => result.current.afterAgendaChange());
    await waitFor(() => expect(result.current.lagging).toBe(false));
    // m1's invite was rewritten, so its meeting has a new version: the relationship is read again.
    expect(rewritten).toHaveBeenCalledTimes(1);
  });
});
