import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Skeleton,
  SkeletonItem,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { describeProblem, type ApiProblem } from '../api/api-error';
import { useI18n } from '../i18n/i18n';

const useStyles = makeStyles({
  details: { marginTop: tokens.spacingVerticalXS },
  skeletonRow: { display: 'grid', gap: tokens.spacingVerticalS, marginBottom: tokens.spacingVerticalL },
  empty: {
    display: 'grid',
    gap: tokens.spacingVerticalM,
    justifyItems: 'start',
    padding: tokens.spacingVerticalL,
    border: `${tokens.strokeWidthThin} dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
  },
});

/** Placeholder rows shaped like the content that is loading, announced once to screen readers. */
export function LoadingSkeleton({ rows = 3, label }: { rows?: number; label?: string }) {
  const { t } = useI18n();
  const styles = useStyles();
  return (
    <div role="status" aria-live="polite" aria-label={label ?? t('common.loading')} data-loading="true">
      <Skeleton aria-hidden="true">
        {Array.from({ length: rows }, (_, i) => (
          <div key={i} className={styles.skeletonRow}>
            <SkeletonItem size={20} style={{ width: '40%' }} />
            <SkeletonItem size={16} />
            <SkeletonItem size={16} style={{ width: '70%' }} />
          </div>
        ))}
      </Skeleton>
    </div>
  );
}

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
    <MessageBar intent={intent} role="status">
      <MessageBarBody>{children}</MessageBarBody>
    </MessageBar>
  );
}
