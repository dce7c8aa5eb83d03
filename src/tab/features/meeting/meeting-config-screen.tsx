import { Text, Title3, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect } from 'react';
import { useSession } from '../../app/session';
import { useI18n } from '../../i18n/i18n';

const useStyles = makeStyles({ page: { display: 'grid', gap: tokens.spacingVerticalM, maxWidth: '40rem' } });

/**
 * The meeting tab's configuration page (configurableTabs.configurationUrl): nothing to choose, since
 * the panel finds its meeting from the chat; it says what the panel shows and lets Teams' Save add it.
 */
export default function MeetingConfigScreen() {
  const { t } = useI18n();
  const { configureMeetingTab } = useSession();
  const styles = useStyles();
  useEffect(() => {
    configureMeetingTab?.();
  }, [configureMeetingTab]);
  return (
    <div className={styles.page}>
      <Title3 as="h1">{t('meeting.configTitle')}</Title3>
      <Text as="p">{t('meeting.configBody')}</Text>
    </div>
  );
}
