import { Body1, makeStyles, Title2, tokens } from '@fluentui/react-components';
import { useI18n } from '../../i18n/i18n';

import type { InfoPageKind } from './info-page-kind';

export { infoPageOf, type InfoPageKind } from './info-page-kind';

const useStyles = makeStyles({
  page: { maxWidth: '720px', margin: '0 auto', padding: tokens.spacingHorizontalXXL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

/** About, privacy and terms: readable by anyone (Teams opens them from the app's details), no sign-in. */
export function InfoPage({ kind }: { kind: InfoPageKind }) {
  const { t } = useI18n();
  const styles = useStyles();
  const [title, body] =
    kind === 'about'
      ? ([t('info.about.title'), t('info.about.body')] as const)
      : kind === 'privacy'
        ? ([t('info.privacy.title'), t('info.privacy.body')] as const)
        : ([t('info.terms.title'), t('info.terms.body')] as const);
  return (
    <main className={styles.page}>
      <Title2 as="h1">{title}</Title2>
      {body.split('\n\n').map((paragraph) => (
        <Body1 as="p" key={paragraph}>
          {paragraph}
        </Body1>
      ))}
    </main>
  );
}
