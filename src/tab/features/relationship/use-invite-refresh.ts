import { useCallback, useState } from 'react';
import type { MeetingDto } from '../../../contracts';
import type { MentoringApi } from '../../api/mentoring-api';

/**
 * Goals, roadmap themes, action items and check-ins are what the next invites' agendas are made of.
 * After a change is saved, the invites of upcoming meetings are asked to catch up; the change itself
 * stays saved when that fails, and `lagging` says so.
 */
export function useInviteRefresh(api: MentoringApi, relationshipId: string, meetings: readonly MeetingDto[], now: number) {
  const [lagging, setLagging] = useState(false);
  const hasUpcoming = meetings.some((m) => m.status === 'planned' && Date.parse(m.start) > now);
  const afterAgendaChange = useCallback(() => {
    if (!hasUpcoming) return;
    api.refreshAgendas(relationshipId).then(
      (result) => setLagging(result.failed.length > 0),
      () => setLagging(true),
    );
  }, [api, relationshipId, hasUpcoming]);
  return { afterAgendaChange, lagging };
}
