import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { describeProblem, type ApiProblem } from '../api/api-error';
import { useI18n } from '../i18n/i18n';

export { LoadingSkeleton } from './loading-skeleton';

const useStyles = makeStyles({
  details: { marginTop: tokens.spacingVerticalXS },
  empty: {
    display: 'grid',
    gap: tokens.spacingVerticalM,
    justifyItems: 'start',
    padding: tokens.spacingVerticalL,
    border: `${tokens.strokeWidthThin} dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
  },
});

/** An empty list says what to do next, with the action when there is one. */
export function EmptyState({ message, action }: { message: string; action?: ReactNode }) {
  const styles = useStyles();
  return (
    <div className={styles.empty}>
      <Text>{message}</Text>
      {action}
    </div>
  );
}

export function ProblemMessage({ problem, onRetry, title }: { problem: ApiProblem; onRetry?: () => void; title?: string }) {
  const { t } = useI18n();
  const styles = useStyles();
  const { text, correlationId } = describeProblem(problem, t);
  return (
    <MessageBar intent="error" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{title ?? t('error.title')}</MessageBarTitle>
        {text}
        {correlationId ? (
          // The reference is for support, not for the reader: it waits inside "Details".
          <details className={styles.details}>
            <summary>{t('common.details')}</summary>
            <Text size={200}>{t('common.reference', { id: correlationId })}</Text>
          </details>
        ) : null}
      </MessageBarBody>
      {onRetry ? (
        <MessageBarActions>
          <Button onClick={onRetry}>{t('common.retry')}</Button>
        </MessageBarActions>
      ) : null}
    </MessageBar>
  );
}

export function Notice({ intent, children }: { intent: 'success' | 'warning' | 'info'; children: ReactNode }) {
  return (
    <MessageBar intent={intent} layout="multiline" role="status">
      <MessageBarBody>{children}</MessageBarBody>
    </MessageBar>
  );
}
