import { useCallback, useState } from 'react';
import type { MeetingDto } from '../../../contracts';
import type { MentoringApi } from '../../api/mentoring-api';

/**
 * Goals, roadmap themes, action items and check-ins are what the next invites' agendas are made of.
 * After a change is saved, the invites of upcoming meetings are asked to catch up; the change itself
 * stays saved when that fails, and `lagging` says so. Rewriting an invite gives its meeting a new
 * version, so when any was rewritten `onRewritten` reads the relationship again: a cancel or move
 * after that sends the version the server holds.
 */
export function useInviteRefresh(api: MentoringApi, relationshipId: string, meetings: readonly MeetingDto[], now: number, onRewritten: () => void) {
  const [lagging, setLagging] = useState(false);
  const hasUpcoming = meetings.some((m) => m.status === 'planned' && Date.parse(m.start) > now);
  const afterAgendaChange = useCallback(() => {
    if (!hasUpcoming) return;
    api.refreshAgendas(relationshipId).then(
      (result) => {
        setLagging(result.failed.length > 0);
        if (result.updated.length > 0) onRewritten();
      },
      () => setLagging(true),
    );
  }, [api, relationshipId, hasUpcoming, onRewritten]);
  return { afterAgendaChange, lagging };
}
