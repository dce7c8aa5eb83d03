import { Badge, Button, Tab, TabList, Text, Title1, makeStyles, tokens } from '@fluentui/react-components';
import type { Route } from '../../app/hash-route';
import { useApi } from '../../app/session';
import { EmptyState, LoadingSkeleton, ProblemMessage } from '../../app/state-views';
import { useLoader } from '../../app/use-loader';
import { useI18n } from '../../i18n/i18n';
import { loadHome, type RelationshipRow } from '../home/home-screen';

const useStyles = makeStyles({
  page: { display: 'grid', gap: tokens.spacingVerticalL },
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'grid', gap: tokens.spacingVerticalS },
  quote: { margin: 0, whiteSpace: 'pre-wrap' },
  header: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'center', flexWrap: 'wrap' },
});

const sections = ['prework'] as const;
type Section = (typeof sections)[number];

export default function RelationshipScreen({
  route,
  navigate,
}: {
  route: Extract<Route, { screen: 'relationship' }>;
  navigate: (route: Route) => void;
}) {
  const { t } = useI18n();
  const api = useApi();
  const styles = useStyles();
  const { loaded, reload } = useLoader(async (signal) => (await loadHome(api, signal)).relationships, [api]);

  if (loaded.state === 'loading') return <LoadingSkeleton rows={3} />;
  if (loaded.state === 'error') return <ProblemMessage problem={loaded.problem} onRetry={reload} />;

  const rows = loaded.data;
  const selected = rows.find((r) => r.relationship.id === route.relationshipId) ?? (rows.length === 1 ? rows[0] : undefined);

  if (!selected) {
    return (
      <section className={styles.page} aria-labelledby="relationship-title">
        <Title1 as="h1" id="relationship-title">
          {t('relationship.title')}
        </Title1>
        {rows.length === 0 ? (
          <EmptyState
            message={t('relationship.none')}
            action={
              <Button appearance="primary" onClick={() => navigate({ screen: 'find' })}>
                {t('home.relationships.emptyAction')}
              </Button>
            }
          />
        ) : (
          <>
            <Text>{t('relationship.choose')}</Text>
            <ul className={styles.list}>
              {rows.map((row) => (
                <li key={row.relationship.id}>
                  <Button onClick={() => navigate({ screen: 'relationship', relationshipId: row.relationship.id })}>
                    {t('home.relationships.open', { name: row.partnerName })}
                  </Button>
                </li>
              ))}
            </ul>
          </>
        )}
      </section>
    );
  }

  const section: Section = (sections as readonly string[]).includes(route.section ?? '') ? (route.section as Section) : 'prework';
  return <RelationshipDetail row={selected} section={section} navigate={navigate} />;
}

function RelationshipDetail({ row, section, navigate }: { row: RelationshipRow; section: Section; navigate: (route: Route) => void }) {
  const { t } = useI18n();
  const styles = useStyles();
  const { relationship, partnerName } = row;
  const preWork = relationship.menteePreWork;
  return (
    <section className={styles.page} aria-labelledby="relationship-title">
      <div className={styles.header}>
        <Title1 as="h1" id="relationship-title">
          {t('relationship.with', { name: partnerName })}
        </Title1>
        {relationship.reverse ? (
          <Badge appearance="filled" color="brand">
            {t('home.relationships.reverse')}
          </Badge>
        ) : null}
      </div>
      <TabList
        aria-label={t('relationship.tabs')}
        selectedValue={section}
        onTabSelect={(_, d) => navigate({ screen: 'relationship', relationshipId: relationship.id, section: String(d.value) })}
      >
        <Tab value="prework">{t('relationship.tab.prework')}</Tab>
      </TabList>
      <div role="tabpanel" aria-label={t('relationship.tab.prework')}>
        <dl>
          <dt>
            <Text weight="semibold">{t('request.whatIWantLabel')}</Text>
          </dt>
          <dd className={styles.quote}>{preWork.whatIWant}</dd>
          <dt>
            <Text weight="semibold">{t('request.whatIBringLabel')}</Text>
          </dt>
          <dd className={styles.quote}>{preWork.whatIBring || '—'}</dd>
          <dt>
            <Text weight="semibold">{t('request.expectationsLabel')}</Text>
          </dt>
          <dd className={styles.quote}>{preWork.expectations || '—'}</dd>
        </dl>
      </div>
    </section>
  );
}
