/**
 * The Programme screen: for programme owners, each programme's health (counts from facts, the under-
 * five rule, the pairs that may need them) and the CSV export; everyone else reads a friendly word on
 * who this page is for. The charts load in their own chunk, so the tab's first download does not grow.
 */
import { Dropdown, Option, Subtitle2, Text, Title2, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { useSession } from '../../app/session';
import { useLoader } from '../../app/use-loader';
import { EmptyState, LoadingSkeleton, Notice, ProblemMessage } from '../../app/state-views';
import { useI18n } from '../../i18n/i18n';
import { ProgrammeHealthPanel } from './programme-health-panel';

const useStyles = makeStyles({
  root: { display: 'grid', gap: tokens.spacingVerticalL },
  title: { margin: 0 },
  choose: { display: 'grid', gap: tokens.spacingVerticalXS, maxWidth: '420px' },
});

export default function ProgrammeScreen() {
  const { api } = useSession();
  const { t, format } = useI18n();
  const styles = useStyles();
  const { loaded, reload } = useLoader((signal) => api.listProgrammes(signal), [api]);
  const [chosen, setChosen] = useState<string | undefined>(undefined);

  if (loaded.state === 'loading') return <LoadingSkeleton />;
  if (loaded.state === 'error') return <ProblemMessage problem={loaded.problem} onRetry={reload} />;
  const { asOwner, programmes } = loaded.data;

  return (
    <section className={styles.root} aria-labelledby="programme-title">
      <Title2 as="h1" id="programme-title" className={styles.title}>
        {t('programme.title')}
      </Title2>
      {!asOwner ? (
        <Notice intent="info">
          <Subtitle2 as="h2">{t('programme.notOwner.title')}</Subtitle2>
          <Text as="p">{t('programme.notOwner.body')}</Text>
        </Notice>
      ) : programmes.length === 0 ? (
        <EmptyState message={t('programme.none')} />
      ) : (
        <>
          {programmes.length > 1 ? (
            <div className={styles.choose}>
              <Text as="span" id="programme-choose" weight="semibold">
                {t('programme.choose')}
              </Text>
              <Dropdown
                aria-labelledby="programme-choose"
                value={(programmes.find((p) => p.id === chosen) ?? programmes[0])!.name}
                selectedOptions={[chosen ?? programmes[0]!.id]}
                onOptionSelect={(_, data) => setChosen(data.optionValue)}
              >
                {programmes.map((p) => (
                  <Option key={p.id} value={p.id}>
                    {p.name}
                  </Option>
                ))}
              </Dropdown>
            </div>
          ) : null}
          {(() => {
            const programme = programmes.find((p) => p.id === chosen) ?? programmes[0]!;
            return (
              <>
                <Text>{t('programme.dates', { start: format.civilDate(programme.startDate), end: format.civilDate(programme.endDate) })}</Text>
                <ProgrammeHealthPanel key={programme.id} programmeId={programme.id} />
              </>
            );
          })()}
        </>
      )}
    </section>
  );
}
