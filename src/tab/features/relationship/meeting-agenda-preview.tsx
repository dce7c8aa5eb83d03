import { Text, makeStyles, tokens } from '@fluentui/react-components';
import type { RelationshipDetailDto } from '../../../contracts';
import { agendaSourceFromDomain } from '../../../core/agenda/agenda-from-domain';
import { selectAgenda } from '../../../core/agenda/select-agenda';
import type { Agenda } from '../../../core/agenda/agenda';
import { useI18n, type Language } from '../../i18n/i18n';
import type { Pair } from './action-items-panel';

const useStyles = makeStyles({
  agenda: { display: 'grid', gap: tokens.spacingVerticalXS },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalXL },
});

/**
 * What meeting k's invite will carry, chosen by the same core rules the booking uses (roadmap themes
 * planned for it, the goals they serve, open action items, pre-work before the first meeting).
 */
export function agendaOf(detail: RelationshipDetailDto, pair: Pair, meetingNumber: number, language: Language, youLabel: string): Agenda {
  const names = { [pair.myId]: youLabel, [pair.partnerId]: pair.partnerName };
  const meetingCount = detail.agreement.versions.find((v) => v.number === detail.agreement.activeNumber)?.agreement.meetingCount;
  return selectAgenda(
    agendaSourceFromDomain({
      locale: language,
      relationship: detail.relationship,
      names,
      meetingNumber,
      ...(meetingCount !== undefined ? { meetingCount } : {}),
      ...(detail.roadmap ? { roadmap: detail.roadmap } : {}),
      goals: detail.goals,
      actionItems: detail.actionItems,
    }),
  );
}

export function MeetingAgendaPreview({ agenda }: { agenda: Agenda }) {
  const { t, format } = useI18n();
  const styles = useStyles();
  const day = (d: string) => format.date(`${d}T12:00:00Z`, 'UTC');
  return (
    <div className={styles.agenda}>
      <Text weight="semibold">{t('schedule.agenda.themes')}</Text>
      {agenda.themes.length === 0 ? (
        <Text size={200}>{t('schedule.agenda.noThemes')}</Text>
      ) : (
        <ul className={styles.list}>
          {agenda.themes.map((theme) => (
            <li key={theme.title}>{theme.title}</li>
          ))}
        </ul>
      )}
      {agenda.goals.length > 0 ? (
        <>
          <Text weight="semibold">{t('schedule.agenda.goals')}</Text>
          <ul className={styles.list}>
            {agenda.goals.map((goal) => (
              <li key={goal.id}>{t('schedule.agenda.goal', { title: goal.title, progress: goal.progress })}</li>
            ))}
          </ul>
        </>
      ) : null}
      {agenda.actionItems.length > 0 ? (
        <>
          <Text weight="semibold">{t('schedule.agenda.actionItems')}</Text>
          <ul className={styles.list}>
            {agenda.actionItems.map((item, i) => (
              <li key={`${item.title}-${i}`}>
                {item.dueDate
                  ? t('schedule.agenda.actionItemDue', { title: item.title, name: item.ownerName, date: day(item.dueDate) })
                  : t('schedule.agenda.actionItem', { title: item.title, name: item.ownerName })}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {agenda.preWork.length > 0 ? <Text size={200}>{t('schedule.agenda.preWork')}</Text> : null}
    </div>
  );
}
