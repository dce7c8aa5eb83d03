import { Skeleton, SkeletonItem, makeStyles, tokens } from '@fluentui/react-components';
import { useI18n } from '../i18n/i18n';

const useStyles = makeStyles({
  skeletonRow: { display: 'grid', gap: tokens.spacingVerticalS, marginBottom: tokens.spacingVerticalL },
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
