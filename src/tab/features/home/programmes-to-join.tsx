/**
 * Home's short "Programmes you can join": shown only when a programme is open to the person and they
 * have not joined it; each opens the Programme screen on it (where they join). A failed read shows
 * nothing here (Home's own reads say what failed; the Programme screen says why for this one).
 */
import { Button, Subtitle1, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { MemberProgrammeDto } from '../../api/mentoring-api';
import type { Route } from '../../app/hash-route';
import { useSession } from '../../app/session';
import { useI18n } from '../../i18n/i18n';

const useStyles = makeStyles({
  section: { display: 'grid', gap: tokens.spacingVerticalS },
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  name: { whiteSpace: 'normal', textAlign: 'start', overflowWrap: 'anywhere' },
});

export function ProgrammesToJoin({ navigate }: { navigate: (route: Route) => void }) {
  const { api } = useSession();
  const { t } = useI18n();
  const styles = useStyles();
  const [open, setOpen] = useState<readonly MemberProgrammeDto[]>([]);
  useEffect(() => {
    const controller = new AbortController();
    Promise.resolve()
      .then(() => api.listMyProgrammes(controller.signal))
      .then(
        (answer) => {
          if (!controller.signal.aborted) setOpen(answer.programmes.filter((p) => !p.membership && !p.ended));
        },
        () => undefined,
      );
    return () => controller.abort();
  }, [api]);
  if (open.length === 0) return null;
  return (
    <section className={styles.section} aria-labelledby="home-programmes">
      <Subtitle1 as="h2" id="home-programmes">
        {t('home.programmes.title')}
      </Subtitle1>
      <ul className={styles.list}>
        {open.map((p) => (
          <li key={p.id}>
            <Button className={styles.name} aria-label={t('home.programmes.open', { name: p.name })} onClick={() => navigate({ screen: 'programme', programmeId: p.id })}>
              {p.name}
            </Button>
          </li>
        ))}
      </ul>
    </section>
  );
}
