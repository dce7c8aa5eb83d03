import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, makeStyles, tokens } from '@fluentui/react-components';
import { useI18n } from '../i18n/i18n';

const useStyles = makeStyles({
  page: { minHeight: '100vh', padding: tokens.spacingVerticalXXL, backgroundColor: tokens.colorNeutralBackground2 },
});

/** What the person sees when the host gives us no SSO token (usually missing admin consent). */
export function SsoFailedScreen({ onRetry }: { onRetry: () => void }) {
  const { t } = useI18n();
  const styles = useStyles();
  return (
    <main className={styles.page}>
      <MessageBar intent="error" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{t('signIn.sso.failedTitle')}</MessageBarTitle>
          {t('signIn.sso.failedBody')}
        </MessageBarBody>
        <MessageBarActions>
          <Button onClick={onRetry}>{t('signIn.sso.retry')}</Button>
        </MessageBarActions>
      </MessageBar>
    </main>
  );
}
