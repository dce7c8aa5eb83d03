import {
  Badge,
  Button,
  Card,
  CardHeader,
  Field,
  Text,
  Textarea,
  Title1,
  Title2,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import type { ActionItemDto, MeetingDto, RelationshipDetailDto, RelationshipSummaryDto } from '../../../contracts';
import type { MentoringApi, RequestViewDto } from '../../api/mentoring-api';
import { problemOf, type ApiProblem } from '../../api/api-error';
import type { Route } from '../../app/hash-route';
import { useApi } from '../../app/session';
import { EmptyState, LoadingSkeleton, Notice, ProblemMessage } from '../../app/state-views';
import { useLoader } from '../../app/use-loader';
import { useI18n } from '../../i18n/i18n';
import { agendaOf, MeetingAgendaPreview } from '../relationship/meeting-agenda-preview';

const useStyles = makeStyles({
  page: { display: 'grid', gap: tokens.spacingVerticalXL },
  section: { display: 'grid', gap: tokens.spacingVerticalM },
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'grid', gap: tokens.spacingVerticalM },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'end' },
  quote: { margin: 0, whiteSpace: 'pre-wrap' },
  columns: { display: 'grid', gap: tokens.spacingHorizontalXL, gridTemplateColumns: 'repeat(auto-fit, minmax(320px, 1fr))' },
});

export interface RelationshipOverview {
  summary: RelationshipSummaryDto;
  /** Kept so the next meeting's agenda can be chosen by the same rules as its invite. */
  detail: RelationshipDetailDto;
  nextMeeting: MeetingDto | undefined;
  partnerZone: string | undefined;
  myOpenItems: ActionItemDto[];
}

export interface HomeData {
  relationships: RelationshipOverview[];
  requests: RequestViewDto[];
}

/**
 * Lists arrive with the other person already named; each active relationship's detail (in parallel)
 * adds its next planned meeting and the action items I still owe.
 */
export async function loadHome(api: MentoringApi, signal: AbortSignal, now: number): Promise<HomeData> {
  const [relationships, requests] = await Promise.all([api.listRelationships(signal), api.listMyRequests(signal)]);
  const active = relationships.filter((r) => r.relationship.status === 'active');
  const details = await Promise.all(active.map((r) => api.getRelationship(r.relationship.id, signal)));
  return {
    relationships: active.map((summary, i) => {
      const detail = details[i]!;
      const myId = summary.myRole === 'mentor' ? summary.relationship.mentorId : summary.relationship.menteeId;
      const nextMeeting = detail.meetings
        .filter((m) => m.status === 'planned' && new Date(m.start).getTime() > now)
        .sort((a, b) => new Date(a.start).getTime() - new Date(b.start).getTime())[0];
      return {
        summary,
        detail,
        nextMeeting,
        partnerZone: 'timeZone' in detail.partner ? detail.partner.timeZone : undefined,
        myOpenItems: detail.actionItems.filter((item) => item.status === 'open' && item.ownerId === myId),
      };
    }),
    requests: requests.filter((r) => r.request.status === 'open'),
  };
}

type Decision = 'accept' | 'decline' | 'withdraw';

export default function HomeScreen({ navigate }: { navigate: (route: Route) => void }) {
  const { t, format, language } = useI18n();
  const api = useApi();
  const styles = useStyles();
  const { loaded, reload, replace } = useLoader((signal) => loadHome(api, signal, Date.now()), [api]);
  const [notice, setNotice] = useState<{ intent: 'success' | 'warning'; text: string } | undefined>();
  const [problem, setProblem] = useState<ApiProblem | undefined>();
  const [declineReasons, setDeclineReasons] = useState<Record<string, string>>({});

  /**
   * The request leaves the list at once; if the API says no it comes back, with the reason. A
   * conflict (someone else acted first) reloads the list so the person sees the real state.
   */
  const [reasonErrors, setReasonErrors] = useState<Record<string, string>>({});

  const decide = async (view: RequestViewDto, decision: Decision) => {
    setNotice(undefined);
    setProblem(undefined);
    if (decision === 'decline' && !(declineReasons[view.request.id] ?? '').trim()) {
      setReasonErrors((e) => ({ ...e, [view.request.id]: t('home.requests.declineReasonRequired', { name: view.counterpart.displayName }) }));
      return;
    }
    setReasonErrors((e) => ({ ...e, [view.request.id]: '' }));
    replace((data) => ({ ...data, requests: data.requests.filter((r) => r.request.id !== view.request.id) }));
    const name = view.counterpart.displayName;
    try {
      if (decision === 'accept') await api.acceptRequest(view.request);
      if (decision === 'decline') await api.declineRequest(view.request, declineReasons[view.request.id] ?? '');
      if (decision === 'withdraw') await api.withdrawRequest(view.request);
      setNotice({
        intent: 'success',
        text:
          decision === 'accept'
            ? t('home.requests.accepted', { name })
            : decision === 'decline'
              ? t('home.requests.declined', { name })
              : t('home.requests.withdrawn', { name }),
      });
      if (decision === 'accept') reload();
    } catch (error) {
      const p = problemOf(error);
      if (p.kind === 'conflict') {
        setNotice({ intent: 'warning', text: t('error.conflict') });
        reload();
        return;
      }
      replace((data) => ({ ...data, requests: [...data.requests, view].sort((a, b) => new Date(a.request.createdAt).getTime() - new Date(b.request.createdAt).getTime()) }));
      setProblem(p);
    }
  };

  const incoming = loaded.state === 'ready' ? loaded.data.requests.filter((r) => r.direction === 'incoming') : [];
  const outgoing = loaded.state === 'ready' ? loaded.data.requests.filter((r) => r.direction === 'outgoing') : [];

  return (
    <div className={styles.page}>
      <Title1 as="h1">{t('home.title')}</Title1>
      {notice ? <Notice intent={notice.intent}>{notice.text}</Notice> : null}
      {problem ? <ProblemMessage problem={problem} /> : null}
      {loaded.state === 'error' ? <ProblemMessage problem={loaded.problem} onRetry={reload} /> : null}

      <section className={styles.section} aria-labelledby="home-relationships">
        <Title2 as="h2" id="home-relationships">
          {t('home.relationships.title')}
        </Title2>
        {loaded.state === 'loading' ? <LoadingSkeleton rows={2} /> : null}
        {loaded.state === 'ready' && loaded.data.relationships.length === 0 ? (
          <EmptyState
            message={t('home.relationships.empty')}
            action={
              <Button appearance="primary" onClick={() => navigate({ screen: 'find' })}>
                {t('home.relationships.emptyAction')}
              </Button>
            }
          />
        ) : null}
        {loaded.state === 'ready' && loaded.data.relationships.length > 0 ? (
          <ul className={styles.list}>
            {loaded.data.relationships.map(({ summary: { relationship, myRole: role, partner }, detail, nextMeeting, partnerZone }) => {
              const partnerName = partner.displayName;
              const myId = role === 'mentor' ? relationship.mentorId : relationship.menteeId;
              const pair = { myId, partnerId: myId === relationship.mentorId ? relationship.menteeId : relationship.mentorId, partnerName };
              return (
              <li key={relationship.id}>
                <Card>
                  <CardHeader
                    header={
                      <Text as="h3" weight="semibold">
                        {role === 'mentor'
                          ? t('home.relationships.roleMentor', { name: partnerName })
                          : t('home.relationships.roleMentee', { name: partnerName })}
                      </Text>
                    }
                    action={
                      relationship.reverse ? (
                        <Badge appearance="filled" color="brand">
                          {t('home.relationships.reverse')}
                        </Badge>
                      ) : undefined
                    }
                  />
                  <Text>
                    {nextMeeting
                      ? t('home.relationships.nextMeeting', {
                          when:
                            format.dateTime(nextMeeting.start) +
                            (partnerZone ? ` (${t('common.theirTime', { time: format.time(nextMeeting.start, partnerZone), name: partnerName })})` : ''),
                        })
                      : t('home.relationships.noMeeting')}
                  </Text>
                  {nextMeeting ? (
                    <details>
                      <summary>{t('schedule.agenda.show', { number: nextMeeting.number })}</summary>
                      <MeetingAgendaPreview agenda={agendaOf(detail, pair, nextMeeting.number, language, t('relationship.you'))} />
                    </details>
                  ) : null}
                  <div>
                    <Button onClick={() => navigate({ screen: 'relationship', relationshipId: relationship.id })}>
                      {t('home.relationships.open', { name: partnerName })}
                    </Button>
                  </div>
                </Card>
              </li>
              );
            })}
          </ul>
        ) : null}
      </section>

      {loaded.state === 'ready' && loaded.data.relationships.length > 0 ? (
        <section className={styles.section} aria-labelledby="home-actions">
          <Title2 as="h2" id="home-actions">
            {t('home.actions.title')}
          </Title2>
          {loaded.data.relationships.every((r) => r.myOpenItems.length === 0) ? <EmptyState message={t('home.actions.empty')} /> : null}
          <ul className={styles.list}>
            {loaded.data.relationships.flatMap((r) =>
              r.myOpenItems.map((item) => (
                <li key={item.id}>
                  <Text weight="semibold">{item.title}</Text>
                  <Text size={200}>
                    {' · '}
                    {t('home.actions.with', { name: r.summary.partner.displayName })}
                    {item.dueDate ? ` · ${t('actions.due', { date: format.date(`${item.dueDate}T12:00:00Z`, 'UTC') })}` : ''}
                  </Text>
                </li>
              )),
            )}
          </ul>
        </section>
      ) : null}

      <section className={styles.section} aria-labelledby="home-requests">
        <Title2 as="h2" id="home-requests">
          {t('home.requests.title')}
        </Title2>
        {loaded.state === 'loading' ? <LoadingSkeleton rows={2} /> : null}
        {loaded.state === 'ready' ? (
          <div className={styles.columns}>
            <section className={styles.section} aria-labelledby="home-incoming">
              <Text as="h3" weight="semibold" size={400} id="home-incoming">
                {t('home.requests.incoming')}
              </Text>
              {incoming.length === 0 ? <EmptyState message={t('home.requests.emptyIncoming')} /> : null}
              <ul className={styles.list}>
                {incoming.map((view) => (
                  <li key={view.request.id}>
                    <Card>
                      <CardHeader
                        header={<Text weight="semibold">{t('home.requests.from', { name: view.counterpart.displayName })}</Text>}
                        description={<Text size={200}>{t('home.requests.sentOn', { when: format.dateTime(view.request.createdAt) })}</Text>}
                      />
                      <RequestDetails view={view} />
                      <div className={styles.actions}>
                        <Field
                          label={t('home.requests.declineReason', { name: view.counterpart.displayName })}
                          style={{ flexGrow: 1 }}
                          {...(reasonErrors[view.request.id] ? { validationState: 'error' as const, validationMessage: reasonErrors[view.request.id] } : {})}
                        >
                          <Textarea
                            value={declineReasons[view.request.id] ?? ''}
                            onChange={(_, d) => setDeclineReasons((r) => ({ ...r, [view.request.id]: d.value }))}
                          />
                        </Field>
                        <Button appearance="primary" onClick={() => void decide(view, 'accept')}>
                          {t('home.requests.accept')}
                        </Button>
                        <Button onClick={() => void decide(view, 'decline')}>{t('home.requests.decline')}</Button>
                      </div>
                    </Card>
                  </li>
                ))}
              </ul>
            </section>
            <section className={styles.section} aria-labelledby="home-outgoing">
              <Text as="h3" weight="semibold" size={400} id="home-outgoing">
                {t('home.requests.outgoing')}
              </Text>
              {outgoing.length === 0 ? <EmptyState message={t('home.requests.emptyOutgoing')} /> : null}
              <ul className={styles.list}>
                {outgoing.map((view) => (
                  <li key={view.request.id}>
                    <Card>
                      <CardHeader
                        header={<Text weight="semibold">{t('home.requests.to', { name: view.counterpart.displayName })}</Text>}
                        description={<Text size={200}>{t('home.requests.sentOn', { when: format.dateTime(view.request.createdAt) })}</Text>}
                      />
                      <RequestDetails view={view} />
                      <div className={styles.actions}>
                        <Button onClick={() => void decide(view, 'withdraw')}>{t('home.requests.withdraw')}</Button>
                      </div>
                    </Card>
                  </li>
                ))}
              </ul>
            </section>
          </div>
        ) : null}
      </section>
    </div>
  );
}

function RequestDetails({ view }: { view: RequestViewDto }) {
  const { t } = useI18n();
  const styles = useStyles();
  const { note, preWork } = view.request;
  return (
    <dl>
      {note ? (
        <>
          <dt>
            <Text weight="semibold">{t('home.requests.note')}</Text>
          </dt>
          <dd className={styles.quote}>{note}</dd>
        </>
      ) : null}
      <dt>
        <Text weight="semibold">{t('request.whatIWantLabel')}</Text>
      </dt>
      <dd className={styles.quote}>{preWork.whatIWant}</dd>
      {preWork.whatIBring ? (
        <>
          <dt>
            <Text weight="semibold">{t('request.whatIBringLabel')}</Text>
          </dt>
          <dd className={styles.quote}>{preWork.whatIBring}</dd>
        </>
      ) : null}
      {preWork.expectations ? (
        <>
          <dt>
            <Text weight="semibold">{t('request.expectationsLabel')}</Text>
          </dt>
          <dd className={styles.quote}>{preWork.expectations}</dd>
        </>
      ) : null}
    </dl>
  );
}
