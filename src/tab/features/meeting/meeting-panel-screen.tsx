import { Caption1, Card, MessageBar, MessageBarBody, MessageBarTitle, Subtitle1, Subtitle2, Text, makeStyles, tokens, ProgressBar } from '@fluentui/react-components';
import type { GoalDto, RelationshipDetailDto } from '../../../contracts';

type Theme = NonNullable<RelationshipDetailDto['roadmap']>['themes'][number];
import { useClock } from '../../app/clock';
import { LoadingSkeleton } from '../../app/loading-skeleton';
import { useSession } from '../../app/session';
import { EmptyState, ProblemMessage } from '../../app/state-views';
import { useLoader } from '../../app/use-loader';
import { knownCodeMessage } from '../../api/api-error';
import { useI18n } from '../../i18n/i18n';
import { ActionItemsPanel } from '../relationship/action-items-panel';
import { pairOf } from '../relationship/relationship-screen';
import { useInviteRefresh } from '../relationship/use-invite-refresh';

const useStyles = makeStyles({
  panel: { display: 'grid', gap: tokens.spacingVerticalL, minWidth: 0 },
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'grid', gap: tokens.spacingVerticalS },
  goal: { display: 'grid', gap: tokens.spacingVerticalXXS },
  section: { display: 'grid', gap: tokens.spacingVerticalS, minWidth: 0 },
  heading: { display: 'grid', gap: tokens.spacingVerticalXS },
  caption: { margin: 0 },
  theme: { display: 'grid', gap: tokens.spacingVerticalXXS },
  notes: { display: 'block', margin: 0, color: tokens.colorNeutralForeground2 },
});

/** The server's answers for a meeting chat that is not the person's own mentoring meeting. */
const isNotMyMeeting = (code: string | undefined): boolean => code === 'MEETING_CONTEXT.NOT_FOUND' || code === 'MEETING_CONTEXT.INVALID_CHAT_ID';

/**
 * The themes the roadmap plans for this meeting and the goals in play, as the invite's agenda picks
 * them (themes are not linked to goals, so every unfinished goal is referred back to).
 */
export function meetingFocus(detail: RelationshipDetailDto, meetingNumber: number): { themes: Theme[]; goals: GoalDto[] } {
  const themes = (detail.roadmap?.themes ?? []).filter((t) => t.meetingNumbers.includes(meetingNumber));
  return { themes, goals: detail.goals.filter((g) => g.progress < 100) };
}

/**
 * The mentoring panel inside a Teams meeting (side panel, meeting chat tab, meeting details tab):
 * this meeting's themes, the goals they serve with their progress, and the open action items, which
 * either person can add to or tick off while talking; the next agenda picks them up. Which meeting it
 * is comes from the server, from the meeting chat's id; nothing else is taken from the client.
 */
export default function MeetingPanelScreen() {
  const { t, format } = useI18n();
  const session = useSession();
  const clock = useClock();
  const styles = useStyles();
  const chatId = session.meetingChatId;
  const { loaded, reload } = useLoader(
    async (signal) => {
      if (!chatId) return undefined;
      const found = await session.api.getMeetingOfChat(chatId, signal);
      const detail = await session.api.getRelationship(found.relationshipId, signal);
      return { found, detail };
    },
    [chatId, session.api],
  );
  const relationshipId = loaded.state === 'ready' && loaded.data ? loaded.data.found.relationshipId : '';
  const invites = useInviteRefresh(session.api, relationshipId, loaded.state === 'ready' && loaded.data ? loaded.data.detail.meetings : [], clock(), reload);

  if (!chatId) {
    return (
      <div className={styles.panel}>
        <Subtitle1 as="h1">{t('meeting.title')}</Subtitle1>
        <EmptyState message={t('meeting.noMeeting')} />
      </div>
    );
  }
  if (loaded.state === 'loading') return <LoadingSkeleton rows={3} />;
  if (loaded.state === 'error' && isNotMyMeeting(loaded.problem.code)) {
    // Expected, not a fault: someone outside the pair, or a chat that is not this pair's meeting. Nothing to retry.
    return (
      <div className={styles.panel}>
        <Subtitle1 as="h1">{t('meeting.title')}</Subtitle1>
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{t('meeting.notYoursTitle')}</MessageBarTitle>
            {knownCodeMessage(loaded.problem.code!, t)}
          </MessageBarBody>
        </MessageBar>
        <Text>{t('meeting.notYoursHint')}</Text>
      </div>
    );
  }
  if (loaded.state === 'error') {
    return (
      <div className={styles.panel}>
        <Subtitle1 as="h1">{t('meeting.title')}</Subtitle1>
        <ProblemMessage problem={loaded.problem} onRetry={reload} />
      </div>
    );
  }
  const { found, detail } = loaded.data!;
  const meeting = found.meeting;
  const pair = pairOf(detail);
  const { themes, goals } = meetingFocus(detail, meeting.number);
  const changed = () => {
    reload();
    invites.afterAgendaChange();
  };

  return (
    <div className={styles.panel}>
      <div className={styles.heading}>
        <Subtitle1 as="h1">{t('meeting.title')}</Subtitle1>
        <Caption1 as="p" className={styles.caption}>{t('meeting.with', { name: pair.partnerName, number: meeting.number, when: format.dateTime(meeting.start) })}</Caption1>
      </div>
      <section className={styles.section} aria-labelledby="meeting-themes">
        <Subtitle2 as="h2" id="meeting-themes">
          {t('meeting.themes')}
        </Subtitle2>
        {themes.length === 0 ? (
          <Text>{t('meeting.noThemes')}</Text>
        ) : (
          <ul className={styles.list}>
            {themes.map((theme) => (
              <li key={theme.id} className={styles.theme}>
                <Text weight="semibold">{theme.title}</Text>
                {theme.notes ? (
                  <Text as="p" size={200} className={styles.notes}>
                    {theme.notes}
                  </Text>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className={styles.section} aria-labelledby="meeting-goals">
        <Subtitle2 as="h2" id="meeting-goals">
          {t('meeting.goals')}
        </Subtitle2>
        {goals.length === 0 ? (
          <Text>{t('meeting.noGoals')}</Text>
        ) : (
          <ul className={styles.list}>
            {goals.map((goal) => (
              <li key={goal.id}>
                <Card className={styles.goal}>
                  <Text weight="semibold">{goal.title}</Text>
                  <ProgressBar value={goal.progress / 100} thickness="large" aria-label={t('meeting.progressOf', { title: goal.title })} />
                  <Caption1>{t('meeting.progress', { progress: goal.progress })}</Caption1>
                </Card>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className={styles.section} aria-label={t('meeting.actionItems')}>
        <ActionItemsPanel relationshipId={found.relationshipId} items={detail.actionItems} doneCount={detail.actionItemCounts.done} pair={pair} onChanged={changed} compact />
      </section>
    </div>
  );
}
