import { Button, Card, CardHeader, Field, Text, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { LIMITS } from '../../../contracts/common';
import { lengthLimitProps } from '../../components/length-limit';
import type { RequestViewDto } from '../../api/mentoring-api';
import { useI18n } from '../../i18n/i18n';

const useStyles = makeStyles({
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'end' },
  reason: { flexGrow: 1, minWidth: 'min(100%, 240px)' },
  details: { margin: 0, display: 'grid', gap: tokens.spacingVerticalXS },
  quote: { margin: 0, whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' },
});

export interface RequestCardProps {
  view: RequestViewDto;
  onDecide: (decision: 'accept' | 'decline' | 'withdraw') => void;
  declineReason?: string;
  onDeclineReason?: (reason: string) => void;
  reasonError?: string | undefined;
}

/** A request to me (accept, or decline with a reason) or from me (withdraw), with the mentee's pre-work. */
export function RequestCard({ view, onDecide, declineReason = '', onDeclineReason, reasonError }: RequestCardProps) {
  const { t, format } = useI18n();
  const styles = useStyles();
  const name = view.counterpart.displayName;
  const incoming = view.direction === 'incoming';
  return (
    <Card>
      <CardHeader
        header={
          <Text as="h3" weight="semibold">
            {incoming ? t('home.requests.from', { name }) : t('home.requests.to', { name })}
          </Text>
        }
        description={<Text size={200}>{t('home.requests.sentOn', { when: format.dateTime(view.request.createdAt) })}</Text>}
      />
      <RequestDetails view={view} />
      <div className={styles.actions}>
        {incoming ? (
          <>
            <Field
              label={t('home.requests.declineReason', { name })}
              className={styles.reason}
              {...lengthLimitProps(t, declineReason, LIMITS.shortText, reasonError || undefined)}
            >
              <Textarea value={declineReason} onChange={(_, d) => onDeclineReason?.(d.value)} />
            </Field>
            <Button appearance="primary" onClick={() => onDecide('accept')}>
              {t('home.requests.accept')}
            </Button>
            <Button onClick={() => onDecide('decline')}>{t('home.requests.decline')}</Button>
          </>
        ) : (
          <Button onClick={() => onDecide('withdraw')}>{t('home.requests.withdraw')}</Button>
        )}
      </div>
    </Card>
  );
}

function RequestDetails({ view }: { view: RequestViewDto }) {
  const { t } = useI18n();
  const styles = useStyles();
  const { note, preWork } = view.request;
  const rows = [
    [t('home.requests.note'), note],
    [t('request.whatIWantLabel'), preWork.whatIWant],
    [t('request.whatIBringLabel'), preWork.whatIBring],
    [t('request.expectationsLabel'), preWork.expectations],
  ].filter((row): row is [string, string] => Boolean(row[1]));
  return (
    <dl className={styles.details}>
      {rows.map(([label, value]) => (
        <div key={label}>
          <dt>
            <Text weight="semibold">{label}</Text>
          </dt>
          <dd className={styles.quote}>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
