import { Badge, Button, Card, CardHeader, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { UnbookedMeetingsDto } from '../../../contracts/booking';
import { useI18n } from '../../i18n/i18n';
import { unplacedText } from './schedule-words';

const useStyles = makeStyles({
  body: { display: 'grid', gap: tokens.spacingVerticalS, justifyItems: 'start' },
});

type Item = { readonly kind: 'deferred'; readonly targetDate: string } | { readonly kind: 'unplaced'; readonly targetDate: string; readonly code: string; readonly message: string };

/**
 * The series' meetings that are not in the calendar, as states in the upcoming list (after the booked
 * ones, by date): deferred beyond the planning horizon (booked automatically; nothing to do) and
 * unplaced (no time found: the reason, and what to do about it).
 */
export function UnbookedMeetingItems({ unbooked, onOpenAgreement }: { unbooked: UnbookedMeetingsDto; onOpenAgreement?: (() => void) | undefined }) {
  const { t, format } = useI18n();
  const styles = useStyles();
  const items: Item[] = [
    ...unbooked.deferred.map((d): Item => ({ kind: 'deferred', targetDate: d.targetDate })),
    ...unbooked.unplaced.map((u): Item => ({ kind: 'unplaced', targetDate: u.targetDate, code: u.code, message: u.message })),
  ].sort((a, b) => a.targetDate.localeCompare(b.targetDate));
  return (
    <>
      {items.map((item) => (
        <li key={`${item.kind}-${item.targetDate}`}>
          <Card>
            <CardHeader
              header={
                <Text as="h4" weight="semibold">
                  {t('schedule.unbooked.title', { date: format.civilDate(item.targetDate) })}
                </Text>
              }
              description={
                item.kind === 'deferred' ? (
                  <Badge appearance="outline" color="informative">
                    {t('schedule.unbooked.deferredState')}
                  </Badge>
                ) : (
                  <Badge appearance="filled" color="warning">
                    {t('schedule.unbooked.unplacedState')}
                  </Badge>
                )
              }
            />
            <div className={styles.body}>
              {item.kind === 'deferred' ? (
                <Text>{t('schedule.unbooked.deferred')}</Text>
              ) : (
                <>
                  <Text>{unplacedText(item.code, t) ?? item.message}</Text>
                  <Text>{t('schedule.unbooked.unplacedNext')}</Text>
                  {onOpenAgreement ? (
                    <Button size="small" onClick={onOpenAgreement}>
                      {t('schedule.noSlot.openAgreement')}
                    </Button>
                  ) : null}
                </>
              )}
            </div>
          </Card>
        </li>
      ))}
    </>
  );
}
