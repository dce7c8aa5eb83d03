import { Button, Card, CardFooter, CardHeader, Text, Subtitle1, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { CheckInDto, GoalDto, MeetingDto } from '../../../contracts';
import { useClock } from '../../app/clock';
import { useApi } from '../../app/session';
import { EmptyState, Notice } from '../../app/state-views';
import { useI18n } from '../../i18n/i18n';
import type { Pair } from './action-items-panel';
import { checkInDraftKey, CheckInForm } from './check-in-form';
import { hasSessionDraft } from '../../app/use-session-draft';
import { meetingsAwaitingMyCheckIn } from './meeting-rules';

const useStyles = makeStyles({
  panel: { display: 'grid', gap: tokens.spacingVerticalM },
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'grid', gap: tokens.spacingVerticalM },
  answers: { margin: 0, display: 'grid', gap: tokens.spacingVerticalXS },
  answer: { margin: 0, whiteSpace: 'pre-wrap' },
  waiting: { display: 'grid', gap: tokens.spacingVerticalS, justifyItems: 'start' },
});

const questions = [
  ['useful', 'checkins.useful'],
  ['nextSteps', 'checkins.nextSteps'],
  ['beforeNextTime', 'checkins.beforeNextTime'],
  ['changeOrFocus', 'checkins.changeOrFocus'],
] as const;

export interface CheckInsPanelProps {
  relationshipId: string;
  checkIns: CheckInDto[];
  meetings: MeetingDto[];
  goals: GoalDto[];
  pair: Pair;
  /** The meeting whose check-in to open at once (a link from the bot's card). */
  openMeetingId?: string | undefined;
  closed: boolean;
  onChanged: () => void;
}

/**
 * My check-ins waiting to be answered, then the history newest first; the partner's private note
 * never reaches the tab (the API strips it).
 */
export function CheckInsPanel({ relationshipId, checkIns, meetings, goals, pair, openMeetingId, closed, onChanged }: CheckInsPanelProps) {
  const { t, format } = useI18n();
  const api = useApi();
  const clock = useClock();
  const styles = useStyles();
  // A check-in typed before a refresh reopens where it was left.
  const [editing, setEditing] = useState<string | undefined>(() => openMeetingId ?? meetings.find((m) => hasSessionDraft(checkInDraftKey(m.id)))?.id);
  const [notice, setNotice] = useState<string | undefined>();
  const meetingById = new Map(meetings.map((m) => [m.id, m]));
  const meetingStart = new Map(meetings.map((m) => [m.id, m.start]));
  const ordered = [...checkIns].sort((a, b) => new Date(b.submittedAt).getTime() - new Date(a.submittedAt).getTime());
  const waiting = closed ? [] : meetingsAwaitingMyCheckIn(meetings, checkIns, pair.myId, clock());
  const editingMeeting = editing ? meetingById.get(editing) : undefined;
  const editingMine = editing ? checkIns.find((c) => c.meetingId === editing && c.authorId === pair.myId) : undefined;

  return (
    <div className={styles.panel}>
      <Subtitle1 as="h2">{t('checkins.title')}</Subtitle1>
      {notice ? <Notice intent="success">{notice}</Notice> : null}
      {editingMeeting ? (
        <CheckInForm
          key={editingMeeting.id}
          meeting={editingMeeting}
          goals={goals}
          pair={pair}
          mine={editingMine}
          send={(body, version) => api.submitCheckIn(relationshipId, editingMeeting.id, body, version)}
          onSent={() => {
            setEditing(undefined);
            setNotice(t('checkin.sent', { number: editingMeeting.number }));
            onChanged();
          }}
          onCancel={() => setEditing(undefined)}
        />
      ) : null}
      {waiting.length > 0 && !editingMeeting ? (
        <div className={styles.waiting}>
          <Text weight="semibold">{t('checkin.waiting')}</Text>
          {waiting.map((m) => (
            <Button key={m.id} appearance="primary" onClick={() => (setNotice(undefined), setEditing(m.id))}>
              {t('checkin.answer', { number: m.number, when: format.dateTime(m.start) })}
            </Button>
          ))}
        </div>
      ) : null}
      {ordered.length === 0 && waiting.length === 0 ? <EmptyState message={t('checkins.empty')} /> : null}
      <ul className={styles.list}>
        {ordered.map((c) => (
          <li key={c.id}>
            <Card>
              <CardHeader
                header={
                  <Text as="h3" weight="semibold">
                    {t('checkins.by', {
                      name: c.authorId === pair.myId ? t('relationship.you') : pair.partnerName,
                      when: format.dateTime(meetingStart.get(c.meetingId) ?? c.submittedAt),
                    })}
                  </Text>
                }
              />
              <dl className={styles.answers}>
                {c.rating !== undefined ? (
                  <div>
                    <dt>
                      <Text weight="semibold">{t('checkins.rating')}</Text>
                    </dt>
                    <dd className={styles.answer}>{t('checkins.ratingValue', { rating: c.rating })}</dd>
                  </div>
                ) : null}
                {questions
                  .filter(([key]) => c.answers[key].trim())
                  .map(([key, label]) => (
                    <div key={key}>
                      <dt>
                        <Text weight="semibold">{t(label)}</Text>
                      </dt>
                      <dd className={styles.answer}>{c.answers[key]}</dd>
                    </div>
                  ))}
                {c.privateNote ? (
                  <div>
                    <dt>
                      <Text weight="semibold">{t('checkins.privateNote')}</Text>
                    </dt>
                    <dd className={styles.answer}>{c.privateNote}</dd>
                  </div>
                ) : null}
              </dl>
              {c.authorId === pair.myId && !closed && meetingById.has(c.meetingId) && !editingMeeting ? (
                <CardFooter>
                  <Button onClick={() => (setNotice(undefined), setEditing(c.meetingId))}>{t('checkin.edit', { number: meetingById.get(c.meetingId)!.number })}</Button>
                </CardFooter>
              ) : null}
            </Card>
          </li>
        ))}
      </ul>
    </div>
  );
}
