import { Card, CardHeader, Text, Title2, makeStyles, tokens } from '@fluentui/react-components';
import type { CheckInDto, MeetingDto } from '../../../contracts';
import { EmptyState } from '../../app/state-views';
import { useI18n } from '../../i18n/i18n';
import type { Pair } from './action-items-panel';

const useStyles = makeStyles({
  panel: { display: 'grid', gap: tokens.spacingVerticalM },
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'grid', gap: tokens.spacingVerticalM },
  answers: { margin: 0, display: 'grid', gap: tokens.spacingVerticalXS },
  answer: { margin: 0, whiteSpace: 'pre-wrap' },
});

const questions = [
  ['useful', 'checkins.useful'],
  ['nextSteps', 'checkins.nextSteps'],
  ['beforeNextTime', 'checkins.beforeNextTime'],
  ['changeOrFocus', 'checkins.changeOrFocus'],
] as const;

/** Newest first; the partner's private note never reaches the tab (the API strips it). */
export function CheckInsPanel({ checkIns, meetings, pair }: { checkIns: CheckInDto[]; meetings: MeetingDto[]; pair: Pair }) {
  const { t, format } = useI18n();
  const styles = useStyles();
  const meetingStart = new Map(meetings.map((m) => [m.id, m.start]));
  const ordered = [...checkIns].sort((a, b) => new Date(b.submittedAt).getTime() - new Date(a.submittedAt).getTime());
  return (
    <div className={styles.panel}>
      <Title2 as="h2">{t('checkins.title')}</Title2>
      {ordered.length === 0 ? <EmptyState message={t('checkins.empty')} /> : null}
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
            </Card>
          </li>
        ))}
      </ul>
    </div>
  );
}
