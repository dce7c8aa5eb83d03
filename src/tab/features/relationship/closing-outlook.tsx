import { Text } from '@fluentui/react-components';
import type { ClosingOutlookDto } from '../../../contracts';
import { Notice } from '../../app/state-views';
import { useI18n, type Translate } from '../../i18n/i18n';

/** Reasons no later sync can overcome on its own: a person (or an administrator) has to act. */
const LASTING = new Set(['GRAPH.FORBIDDEN', 'GRAPH.AUTH_FAILED', 'CALENDAR.NOT_CONFIGURED', 'DIRECTORY.PERSON_NOT_FOUND']);

function reasonText(code: string | undefined, t: Translate): string {
  switch (code) {
    case 'GRAPH.THROTTLED':
      return t('close.outlook.reason.throttled');
    case 'GRAPH.UNAVAILABLE':
      return t('close.outlook.reason.unavailable');
    case 'GRAPH.FORBIDDEN':
    case 'GRAPH.AUTH_FAILED':
      return t('close.outlook.reason.forbidden');
    case 'CALENDAR.NOT_CONFIGURED':
      return t('close.outlook.reason.notConfigured');
    default:
      return t('close.outlook.reason.other', { code: code ?? '?' });
  }
}

/**
 * What closing did to the pair's future invites in Outlook, as the close answer says it (never a
 * clean-up that did not happen): all cancelled, some still waiting (with the first reason), or
 * Outlook not reached; each with what happens next and whether the person has to do anything.
 */
export function ClosingOutlookSummary({ outlook }: { outlook: ClosingOutlookDto }) {
  const { t, plural } = useI18n();
  const next = LASTING.has(outlook.code ?? '') ? t('close.outlook.actYourself') : t('close.outlook.retrying');
  if (outlook.status === 'done') {
    return <Notice intent="success">{outlook.cancelled === 0 ? t('close.outlook.none') : plural('close.outlook.done', outlook.cancelled)}</Notice>;
  }
  const reason = reasonText(outlook.code, t);
  return (
    <Notice intent="warning">
      <Text>
        {outlook.status === 'not-reached'
          ? t('close.outlook.notReached', { reason })
          : `${outlook.cancelled > 0 ? `${plural('close.outlook.partlyCancelled', outlook.cancelled)} ` : ''}${plural('close.outlook.waiting', outlook.waiting, { reason })}`}{' '}
        {next}
      </Text>
    </Notice>
  );
}
