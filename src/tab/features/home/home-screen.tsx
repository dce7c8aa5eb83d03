import { Badge, Button, Card, MessageBar, MessageBarBody, MessageBarTitle, Text, Title2, Subtitle1, makeStyles, tokens } from '@fluentui/react-components';
import type { Route } from '../../app/hash-route';
import { EmptyState, LoadingSkeleton, Notice, ProblemMessage } from '../../app/state-views';
import { useI18n } from '../../i18n/i18n';
import { agendaOf, MeetingAgendaPreview } from '../relationship/meeting-agenda-preview';
import { ProgrammesToJoin } from './programmes-to-join';
import { RequestCard } from './request-card';
import { useHome, type RelationshipOverview } from './use-home';

export { loadHome } from './use-home';
export type { HomeData, RelationshipOverview } from './use-home';

const useStyles = makeStyles({
  page: { display: 'grid', gap: tokens.spacingVerticalXL, minWidth: 0 },
  section: { display: 'grid', gap: tokens.spacingVerticalM },
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'grid', gap: tokens.spacingVerticalM },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center' },
  text: { overflowWrap: 'anywhere' },
  badge: { whiteSpace: 'nowrap', flexShrink: 0 },
});

/** Home answers "what needs me now": what waits for my answer first, then the next meetings, then my requests. */
export default function HomeScreen({ navigate }: { navigate: (route: Route) => void }) {
  const { t } = useI18n();
  const styles = useStyles();
  const home = useHome();
  const { loaded } = home;
  const data = loaded.state === 'ready' ? loaded.data : undefined;
  const incoming = data?.requests.filter((r) => r.direction === 'incoming') ?? [];
  const outgoing = data?.requests.filter((r) => r.direction === 'outgoing') ?? [];
  const waitingCount =
    incoming.length + (data?.relationships.reduce((n, r) => n + (r.agreementToAccept ? 1 : 0) + r.checkInsDue.length + r.myOpenItems.length, 0) ?? 0);

  return (
    <div className={styles.page} {...(data ? { 'data-ready': 'home' } : {})}>
      <Title2 as="h1">{t('home.title')}</Title2>
      {home.notice ? <Notice intent={home.notice.intent}>{home.notice.text}</Notice> : null}
      {home.problem ? <ProblemMessage problem={home.problem} /> : null}
      {loaded.state === 'error' ? <ProblemMessage problem={loaded.problem} onRetry={home.reload} /> : null}
      {loaded.state === 'loading' ? <LoadingSkeleton rows={3} /> : null}
      {data?.teamsApp === 'notAllowed' ? <AddTheAppYourself /> : null}

      {data ? (
        <section className={styles.section} aria-labelledby="home-needs">
          <Subtitle1 as="h2" id="home-needs">
            {t('home.needs.title')}
          </Subtitle1>
          {waitingCount === 0 ? <EmptyState message={t('home.needs.empty')} /> : null}
          <ul className={styles.list}>
            {incoming.map((view) => (
              <li key={view.request.id}>
                <RequestCard
                  view={view}
                  onDecide={(decision) => void home.decide(view, decision)}
                  declineReason={home.declineReasons[view.request.id] ?? ''}
                  onDeclineReason={(reason) => home.setDeclineReason(view.request.id, reason)}
                  reasonError={home.reasonErrors[view.request.id]}
                />
              </li>
            ))}
            {data.relationships.map((overview) => (
              <WaitingInRelationship key={overview.summary.relationship.id} overview={overview} navigate={navigate} />
            ))}
          </ul>
        </section>
      ) : null}

      {data ? (
        <section className={styles.section} aria-labelledby="home-relationships">
          <Subtitle1 as="h2" id="home-relationships">
            {t('home.relationships.title')}
          </Subtitle1>
          {data.relationships.length === 0 ? (
            <EmptyState
              message={t('home.relationships.empty')}
              action={
                <Button appearance="primary" onClick={() => navigate({ screen: 'find' })}>
                  {t('home.relationships.emptyAction')}
                </Button>
              }
            />
          ) : (
            <ul className={styles.list}>
              {data.relationships.map((overview) => (
                <li key={overview.summary.relationship.id}>
                  <RelationshipCard overview={overview} navigate={navigate} />
                </li>
              ))}
            </ul>
          )}
        </section>
      ) : null}

      {data ? <ProgrammesToJoin navigate={navigate} /> : null}

      {data && outgoing.length > 0 ? (
        <section className={styles.section} aria-labelledby="home-outgoing">
          <Subtitle1 as="h2" id="home-outgoing">
            {t('home.requests.outgoing')}
          </Subtitle1>
          <ul className={styles.list}>
            {outgoing.map((view) => (
              <li key={view.request.id}>
                <RequestCard view={view} onDecide={(decision) => void home.decide(view, decision)} />
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}

/** The admin did not allow the app to be installed for me: the bot cannot reach me until I add it myself. */
function AddTheAppYourself() {
  const { t } = useI18n();
  return (
    <MessageBar intent="warning" layout="multiline" data-testid="teams-app-not-allowed">
      <MessageBarBody>
        <MessageBarTitle>{t('home.teamsApp.notAllowed.title')}</MessageBarTitle> {t('home.teamsApp.notAllowed.body')}
      </MessageBarBody>
    </MessageBar>
  );
}

/** One relationship's share of "waiting for you": an agreement to accept, check-ins due, my open action items. */
function WaitingInRelationship({ overview, navigate }: { overview: RelationshipOverview; navigate: (route: Route) => void }) {
  const { t, format } = useI18n();
  const styles = useStyles();
  const { summary, agreementToAccept, checkInsDue, myOpenItems } = overview;
  const relationshipId = summary.relationship.id;
  const name = summary.partner.displayName;
  return (
    <>
      {agreementToAccept ? (
        <li>
          <Card>
            <Text className={styles.text}>{t('home.needs.agreement', { name, number: agreementToAccept.number })}</Text>
            <div className={styles.row}>
              <Button appearance="primary" onClick={() => navigate({ screen: 'relationship', relationshipId, section: 'agreement' })}>
                {t('home.needs.agreementAction', { name })}
              </Button>
            </div>
          </Card>
        </li>
      ) : null}
      {checkInsDue.map((meeting) => (
        <li key={meeting.id}>
          <Card>
            <Text className={styles.text}>{t('home.needs.checkIn', { number: meeting.number, name, when: format.dateTime(meeting.start) })}</Text>
            <div className={styles.row}>
              <Button onClick={() => navigate({ screen: 'relationship', relationshipId, section: 'checkins', meetingId: meeting.id })}>
                {t('checkin.answer', { number: meeting.number, when: format.dateTime(meeting.start) })}
              </Button>
            </div>
          </Card>
        </li>
      ))}
      {myOpenItems.map((item) => (
        <li key={item.id}>
          <Card>
            <div className={styles.row}>
              <Badge appearance="tint">{t('home.needs.actionItem')}</Badge>
              <Text weight="semibold" className={styles.text}>
                {item.title}
              </Text>
            </div>
            <Text size={300}>
              {t('home.actions.with', { name })}
              {item.dueDate ? ` · ${t('actions.due', { date: format.civilDate(item.dueDate) })}` : ''}
            </Text>
            <div className={styles.row}>
              <Button onClick={() => navigate({ screen: 'relationship', relationshipId, section: 'actions' })}>{t('home.needs.actionItemsOpen', { name })}</Button>
            </div>
          </Card>
        </li>
      ))}
    </>
  );
}

/** The relationship with its next meeting on my clock (the partner's beside it) and what the invite's agenda will say. */
function RelationshipCard({ overview, navigate }: { overview: RelationshipOverview; navigate: (route: Route) => void }) {
  const { t, format, language } = useI18n();
  const styles = useStyles();
  const { summary, detail, nextMeeting, partnerZone } = overview;
  const { relationship, myRole, partner } = summary;
  const partnerName = partner.displayName;
  const myId = myRole === 'mentor' ? relationship.mentorId : relationship.menteeId;
  const pair = { myId, partnerId: myId === relationship.mentorId ? relationship.menteeId : relationship.mentorId, partnerName };
  const partnerTime = nextMeeting && partnerZone ? ` · ${t('common.theirTime', { time: format.dateTime(nextMeeting.start, partnerZone), name: partnerName })}` : '';
  return (
    <Card>
      <div className={styles.row}>
        <Text as="h3" weight="semibold">
          {myRole === 'mentor' ? t('home.relationships.roleMentor', { name: partnerName }) : t('home.relationships.roleMentee', { name: partnerName })}
        </Text>
        {relationship.reverse ? (
          <Badge appearance="filled" color="brand" className={styles.badge}>
            {t('home.relationships.reverse')}
          </Badge>
        ) : null}
      </div>
      <Text className={styles.text} data-testid="next-meeting">
        {nextMeeting ? t('home.relationships.nextMeeting', { when: format.range(nextMeeting.start, nextMeeting.end) + partnerTime }) : t('home.relationships.noMeeting')}
      </Text>
      {nextMeeting ? (
        <details>
          <summary>{t('schedule.agenda.show', { number: nextMeeting.number })}</summary>
          <MeetingAgendaPreview agenda={agendaOf(detail, pair, nextMeeting.number, language, t('relationship.you'))} />
        </details>
      ) : null}
      <div className={styles.row}>
        <Button onClick={() => navigate({ screen: 'relationship', relationshipId: relationship.id })}>{t('home.relationships.open', { name: partnerName })}</Button>
      </div>
    </Card>
  );
}
