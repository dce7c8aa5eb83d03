import { LIMITS } from '../../../contracts/common';
import { isTooLong, textLength } from '../../components/length-limit';
import { useState } from 'react';
import type { ActionItemDto, AgreementVersionDto, MeetingDto, MyTeamsAppDto, RelationshipDetailDto, RelationshipSummaryDto } from '../../../contracts';
import { problemOf, type ApiProblem } from '../../api/api-error';
import type { MentoringApi, RequestViewDto } from '../../api/mentoring-api';
import { useClock } from '../../app/clock';
import { useApi } from '../../app/session';
import { useLoader } from '../../app/use-loader';
import { useI18n } from '../../i18n/i18n';
import { meetingsAwaitingMyCheckIn, upcomingOf } from '../relationship/meeting-rules';

export interface RelationshipOverview {
  summary: RelationshipSummaryDto;
  /** Kept so the next meeting's agenda can be chosen by the same rules as its invite. */
  detail: RelationshipDetailDto;
  nextMeeting: MeetingDto | undefined;
  partnerZone: string | undefined;
  myOpenItems: ActionItemDto[];
  /** A proposed agreement version that waits for my acceptance. */
  agreementToAccept: AgreementVersionDto | undefined;
  checkInsDue: MeetingDto[];
}

export interface HomeData {
  relationships: RelationshipOverview[];
  requests: RequestViewDto[];
  /** Whether the bot can reach me in Teams chat; undefined when it could not be read (Home shows nothing then). */
  teamsApp?: MyTeamsAppDto['reach'];
}

/** Never in Home's way: a failed read only means the note about adding the app is not shown. */
function readTeamsApp(api: MentoringApi, signal: AbortSignal): Promise<MyTeamsAppDto['reach'] | undefined> {
  return Promise.resolve()
    .then(() => api.getMyTeamsApp(signal))
    .then((dto) => dto.reach)
    .catch(() => undefined);
}

/**
 * Lists arrive with the other person already named; each active relationship's detail (in parallel)
 * adds what waits for me there: an agreement to accept, check-ins due, the next meeting, my action items.
 */
export async function loadHome(api: MentoringApi, signal: AbortSignal, now: number): Promise<HomeData> {
  const [relationships, requests, teamsApp] = await Promise.all([api.listRelationships(signal), api.listMyRequests(signal), readTeamsApp(api, signal)]);
  const active = relationships.filter((r) => r.relationship.status === 'active');
  const details = await Promise.all(active.map((r) => api.getRelationship(r.relationship.id, signal)));
  return {
    relationships: active.map((summary, i) => {
      const detail = details[i]!;
      const myId = summary.myRole === 'mentor' ? summary.relationship.mentorId : summary.relationship.menteeId;
      const { versions, activeNumber, latestNumber } = detail.agreement;
      const latest = versions.find((v) => v.number === latestNumber);
      const waiting = latest && latest.number !== activeNumber && !latest.acceptedBy.includes(myId) ? latest : undefined;
      return {
        summary,
        detail,
        nextMeeting: upcomingOf(detail.meetings, now).find((m) => Date.parse(m.start) > now),
        partnerZone: 'timeZone' in detail.partner ? detail.partner.timeZone : undefined,
        myOpenItems: detail.actionItems.filter((item) => item.status === 'open' && item.ownerId === myId),
        agreementToAccept: waiting,
        checkInsDue: meetingsAwaitingMyCheckIn(detail.meetings, detail.checkIns, myId, now),
      };
    }),
    requests: requests.filter((r) => r.request.status === 'open'),
    ...(teamsApp ? { teamsApp } : {}),
  };
}

type Decision = 'accept' | 'decline' | 'withdraw';

/**
 * Home's data and the three answers to a request. The request leaves the list at once; if the API
 * says no it comes back, with the reason. A conflict (someone else acted first) reloads the list so
 * the person sees the real state.
 */
export function useHome() {
  const { t } = useI18n();
  const api = useApi();
  const clock = useClock();
  const { loaded, reload, replace } = useLoader((signal) => loadHome(api, signal, clock()), [api]);
  const [notice, setNotice] = useState<{ intent: 'success' | 'warning'; text: string } | undefined>();
  const [problem, setProblem] = useState<ApiProblem | undefined>();
  const [declineReasons, setDeclineReasons] = useState<Record<string, string>>({});
  const [reasonErrors, setReasonErrors] = useState<Record<string, string>>({});

  const decide = async (view: RequestViewDto, decision: Decision) => {
    setNotice(undefined);
    setProblem(undefined);
    const name = view.counterpart.displayName;
    const reason = (declineReasons[view.request.id] ?? '').trim();
    if (decision === 'decline' && !reason) {
      setReasonErrors((e) => ({ ...e, [view.request.id]: t('home.requests.declineReasonRequired', { name }) }));
      return;
    }
    if (decision === 'decline' && isTooLong(reason, LIMITS.shortText)) {
      setReasonErrors((e) => ({ ...e, [view.request.id]: t('common.tooLong', { count: textLength(reason), max: LIMITS.shortText }) }));
      return;
    }
    setReasonErrors((e) => ({ ...e, [view.request.id]: '' }));
    replace((data) => ({ ...data, requests: data.requests.filter((r) => r.request.id !== view.request.id) }));
    try {
      if (decision === 'accept') await api.acceptRequest(view.request);
      if (decision === 'decline') await api.declineRequest(view.request, declineReasons[view.request.id] ?? '');
      if (decision === 'withdraw') await api.withdrawRequest(view.request);
      const done = { accept: 'home.requests.accepted', decline: 'home.requests.declined', withdraw: 'home.requests.withdrawn' } as const;
      setNotice({ intent: 'success', text: t(done[decision], { name }) });
      if (decision === 'accept') reload();
    } catch (error) {
      const p = problemOf(error);
      if (p.kind === 'conflict') {
        setNotice({ intent: 'warning', text: t('error.conflict') });
        reload();
        return;
      }
      const byDate = (a: RequestViewDto, b: RequestViewDto) => Date.parse(a.request.createdAt) - Date.parse(b.request.createdAt);
      replace((data) => ({ ...data, requests: [...data.requests, view].sort(byDate) }));
      setProblem(p);
    }
  };

  const setDeclineReason = (requestId: string, reason: string) => setDeclineReasons((r) => ({ ...r, [requestId]: reason }));
  return { loaded, reload, notice, problem, decide, declineReasons, setDeclineReason, reasonErrors };
}
