import { Badge, Button, Text, Title2, Subtitle1, makeStyles, tokens } from '@fluentui/react-components';
import { OverflowTabList } from '../../components/overflow-tab-list';
import { useRef, useState } from 'react';
import type { RelationshipDetailDto } from '../../../contracts';
import type { Route } from '../../app/hash-route';
import { useClock } from '../../app/clock';
import { useApi } from '../../app/session';
import { EmptyState, LoadingSkeleton, Notice, ProblemMessage } from '../../app/state-views';
import { useLoader } from '../../app/use-loader';
import { useI18n } from '../../i18n/i18n';
import { ActionItemsPanel, type Pair } from './action-items-panel';
import { AgreementPanel } from './agreement-panel';
import { CheckInsPanel } from './check-ins-panel';
import { CloseRelationshipDialog } from './close-relationship-dialog';
import { GoalsPanel } from './goals-panel';
import { RoadmapPanel } from './roadmap-panel';
import { SchedulePanel } from './schedule-panel';
import { TodoSyncSwitch } from './todo-sync-switch';
import { useInviteRefresh } from './use-invite-refresh';

const useStyles = makeStyles({
  page: { display: 'grid', gap: tokens.spacingVerticalL },
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'grid', gap: tokens.spacingVerticalS },
  quote: { margin: 0, whiteSpace: 'pre-wrap' },
  header: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'center', flexWrap: 'wrap' },
  closeButton: { marginLeft: 'auto' },
  answers: { margin: 0, display: 'grid', rowGap: tokens.spacingVerticalXS },
  question: { marginTop: tokens.spacingVerticalM, ':first-child': { marginTop: 0 } },
});

const sections = ['agreement', 'goals', 'roadmap', 'schedule', 'actions', 'checkins', 'prework'] as const;
type Section = (typeof sections)[number];
const sectionLabel = {
  agreement: 'relationship.tab.agreement',
  goals: 'relationship.tab.goals',
  roadmap: 'relationship.tab.roadmap',
  schedule: 'relationship.tab.schedule',
  actions: 'relationship.tab.actionItems',
  checkins: 'relationship.tab.checkins',
  prework: 'relationship.tab.prework',
} as const satisfies Record<Section, string>;

type RelationshipRoute = Extract<Route, { screen: 'relationship' }>;

export default function RelationshipScreen({ route, navigate }: { route: RelationshipRoute; navigate: (route: Route) => void }) {
  const { t } = useI18n();
  const api = useApi();
  const styles = useStyles();
  const list = useLoader((signal) => api.listRelationships(signal), [api]);

  if (route.relationshipId) return <RelationshipDetail relationshipId={route.relationshipId} section={route.section} meetingId={route.meetingId} navigate={navigate} />;
  if (list.loaded.state === 'loading') return <LoadingSkeleton rows={3} />;
  if (list.loaded.state === 'error') return <ProblemMessage problem={list.loaded.problem} onRetry={list.reload} />;

  const rows = list.loaded.data.filter((r) => r.relationship.status === 'active');
  if (rows.length === 1) return <RelationshipDetail relationshipId={rows[0]!.relationship.id} section={route.section} navigate={navigate} />;
  return (
    <section className={styles.page} aria-labelledby="relationship-title">
      <Title2 as="h1" id="relationship-title">
        {t('relationship.title')}
      </Title2>
      {rows.length === 0 ? (
        <EmptyState
          message={t('relationship.none')}
          action={
            <Button appearance="primary" onClick={() => navigate({ screen: 'find' })}>
              {t('home.relationships.emptyAction')}
            </Button>
          }
        />
      ) : (
        <>
          <Text>{t('relationship.choose')}</Text>
          <ul className={styles.list}>
            {rows.map((row) => (
              <li key={row.relationship.id}>
                <Button onClick={() => navigate({ screen: 'relationship', relationshipId: row.relationship.id })}>
                  {t('home.relationships.open', { name: row.partner.displayName })}
                </Button>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

/**
 * A link to a relationship the person is not in (or one that is gone): the API answers 404 without
 * saying which, and the page says both plainly and leads to the person's own relationships.
 */
function RelationshipNotFound({ onBack }: { onBack: () => void }) {
  const { t } = useI18n();
  const styles = useStyles();
  return (
    <section className={styles.page} aria-labelledby="relationship-title">
      <Title2 as="h1" id="relationship-title">
        {t('relationship.notFound.title')}
      </Title2>
      <EmptyState
        message={t('relationship.notFound.body')}
        action={
          <Button appearance="primary" onClick={onBack}>
            {t('relationship.notFound.action')}
          </Button>
        }
      />
    </section>
  );
}

export function pairOf(detail: RelationshipDetailDto): Pair {
  const { relationship, myRole, partner } = detail;
  return {
    myId: myRole === 'mentor' ? relationship.mentorId : relationship.menteeId,
    partnerId: myRole === 'mentor' ? relationship.menteeId : relationship.mentorId,
    partnerName: partner.displayName,
  };
}

function RelationshipDetail({
  relationshipId,
  section,
  meetingId,
  navigate,
}: {
  relationshipId: string;
  section: string | undefined;
  meetingId?: string | undefined;
  navigate: (route: Route) => void;
}) {
  const { t, format, timeZone: viewerZone } = useI18n();
  const api = useApi();
  const clock = useClock();
  const styles = useStyles();
  const [closing, setClosing] = useState(false);
  const [closedNotice, setClosedNotice] = useState(false);
  const { loaded, reload } = useLoader(
    async (signal) => {
      const [detail, me] = await Promise.all([api.getRelationship(relationshipId, signal), api.getMyProfile(signal).catch(() => null)]);
      return { detail, myZone: me?.timeZone };
    },
    [api, relationshipId],
  );
  // Until both have accepted an agreement it is the first thing to settle; afterwards, the goals.
  // Decided on the first load only, so accepting the agreement does not move the person elsewhere.
  const firstSection = useRef<Section | undefined>(undefined);
  if (loaded.state === 'ready' && !firstSection.current) {
    firstSection.current = loaded.data.detail.agreement.activeNumber === undefined ? 'agreement' : 'goals';
  }
  const fallback: Section = firstSection.current ?? 'goals';
  const current: Section = (sections as readonly string[]).includes(section ?? '') ? (section as Section) : fallback;

  const invites = useInviteRefresh(api, relationshipId, loaded.state === 'ready' ? loaded.data.detail.meetings : [], clock(), reload);
  const agendaChanged = () => {
    reload();
    invites.afterAgendaChange();
  };

  if (loaded.state === 'loading') return <LoadingSkeleton rows={4} />;
  if (loaded.state === 'error' && (loaded.problem.kind === 'notFound' || loaded.problem.kind === 'forbidden')) {
    return <RelationshipNotFound onBack={() => navigate({ screen: 'relationship' })} />;
  }
  if (loaded.state === 'error') return <ProblemMessage problem={loaded.problem} onRetry={reload} />;
  const { detail } = loaded.data;
  const myZone = loaded.data.myZone ?? viewerZone;
  const pair = pairOf(detail);
  const partnerZone = 'timeZone' in detail.partner ? detail.partner.timeZone : undefined;
  const preWork = detail.relationship.menteePreWork;
  const closed = detail.relationship.status === 'closed';
  const myReflection = detail.relationship.reflections[detail.myRole];
  const partnerReflection = detail.relationship.reflections[detail.myRole === 'mentor' ? 'mentee' : 'mentor'];
  const closedByPartner = closed && detail.relationship.closedBy !== pair.myId;
  const canReflect = myReflection === undefined && (!closed || closedByPartner);

  return (
    <section className={styles.page} aria-labelledby="relationship-title">
      <div className={styles.header}>
        <Title2 as="h1" id="relationship-title">
          {t('relationship.with', { name: pair.partnerName })}
        </Title2>
        {detail.relationship.reverse ? (
          <Badge appearance="filled" color="brand">
            {t('home.relationships.reverse')}
          </Badge>
        ) : null}
        {canReflect ? (
          <Button className={styles.closeButton} onClick={() => setClosing(true)}>
            {closedByPartner ? t('close.addReflection') : t('close.open')}
          </Button>
        ) : null}
      </div>
      {closedNotice ? <Notice intent="success">{t('close.done')}</Notice> : null}
      {invites.lagging ? <Notice intent="warning">{t('invites.lagging')}</Notice> : null}
      {closing ? (
        <CloseRelationshipDialog
          partnerName={pair.partnerName}
          partnerClosed={closedByPartner}
          open={closing}
          onOpenChange={setClosing}
          send={(reflection) => api.closeRelationship(detail.relationship, reflection)}
          onSent={() => {
            setClosing(false);
            setClosedNotice(true);
            reload();
          }}
        />
      ) : null}
      <Text>
        {t(detail.myRole === 'mentor' ? 'relationship.role.mentor' : 'relationship.role.mentee')}
        {partnerZone ? ` · ${t('relationship.partnerTime', { name: pair.partnerName, time: format.time(clock(), partnerZone), zone: format.zoneTitle(partnerZone) })}` : ''}
      </Text>
      {closed ? <Text>{t('relationship.closed')}</Text> : null}
      {myReflection || partnerReflection ? (
        <section aria-labelledby="reflections-title" className={styles.page}>
          <Subtitle1 as="h2" id="reflections-title">
            {t('close.reflectionsTitle')}
          </Subtitle1>
          {(
            [
              [myReflection, t('relationship.you')],
              [partnerReflection, pair.partnerName],
            ] as const
          ).map(([reflection, name]) =>
            reflection ? (
              <div key={name}>
                <Text as="h3" weight="semibold">
                  {t('close.reflectionBy', { name })}
                </Text>
                <dl>
                  {(['whatWorked', 'whatToImprove', 'keyTakeaway'] as const)
                    .filter((k) => reflection[k])
                    .map((k) => (
                      <div key={k}>
                        <dt>{t(`close.${k}`)}</dt>
                        <dd className={styles.quote}>{reflection[k]}</dd>
                      </div>
                    ))}
                </dl>
              </div>
            ) : null,
          )}
        </section>
      ) : null}
      <OverflowTabList
        ariaLabel={t('relationship.tabs')}
        items={sections.map((s) => ({ value: s, label: t(sectionLabel[s]) }))}
        selected={current}
        onSelect={(value) => navigate({ screen: 'relationship', relationshipId, section: value })}
        moreLabel={(count) => t('nav.more', { count })}
      />
      <div role="tabpanel" aria-label={t(sectionLabel[current])} className={styles.page}>
        {current === 'agreement' ? <AgreementPanel detail={detail} pair={pair} myZone={myZone} onChanged={reload} /> : null}
        {current === 'goals' ? <GoalsPanel relationshipId={relationshipId} goals={detail.goals} onChanged={agendaChanged} /> : null}
        {current === 'roadmap' ? (
          <RoadmapPanel relationshipId={relationshipId} roadmap={detail.roadmap} meetings={detail.meetings}
            plannedCount={detail.agreement.versions.find((v) => v.number === detail.agreement.activeNumber)?.agreement.meetingCount ?? 0}
            reverse={detail.relationship.reverse} onChanged={agendaChanged} />
        ) : null}
        {current === 'schedule' ? <SchedulePanel
            detail={detail}
            pair={pair}
            myZone={myZone}
            partnerZone={partnerZone}
            onChanged={reload}
            openSection={(to, meeting) => navigate({ screen: 'relationship', relationshipId, section: to, ...(meeting ? { meetingId: meeting } : {}) })}
          /> : null}
        {current === 'actions' ? (
          <>
            <ActionItemsPanel relationshipId={relationshipId} items={detail.actionItems} doneCount={detail.actionItemCounts.done} pair={pair} onChanged={agendaChanged} />
            <TodoSyncSwitch relationshipId={relationshipId} closed={closed} onSynced={agendaChanged} />
          </>
        ) : null}
        {current === 'checkins' ? (
          <CheckInsPanel
            relationshipId={relationshipId}
            checkIns={detail.checkIns}
            meetings={detail.meetings}
            goals={detail.goals}
            pair={pair}
            openMeetingId={meetingId}
            closed={closed}
            onChanged={agendaChanged}
          />
        ) : null}
        {current === 'prework' ? (
          <>
            <Subtitle1 as="h2">{t('relationship.tab.prework')}</Subtitle1>
            <dl className={styles.answers}>
              <dt className={styles.question}>
                <Text weight="semibold">{t('request.whatIWantLabel')}</Text>
              </dt>
              <dd className={styles.quote}>{preWork.whatIWant}</dd>
              <dt className={styles.question}>
                <Text weight="semibold">{t('request.whatIBringLabel')}</Text>
              </dt>
              <dd className={styles.quote}>{preWork.whatIBring || '—'}</dd>
              <dt className={styles.question}>
                <Text weight="semibold">{t('request.expectationsLabel')}</Text>
              </dt>
              <dd className={styles.quote}>{preWork.expectations || '—'}</dd>
            </dl>
          </>
        ) : null}
      </div>
    </section>
  );
}
