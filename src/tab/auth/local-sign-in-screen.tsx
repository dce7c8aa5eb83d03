import {
  Button,
  Card,
  CardHeader,
  Field,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Select,
  Spinner,
  Text,
  Title2,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useState, type FormEvent } from 'react';
import { useClock } from '../app/clock';
import { useI18n } from '../i18n/i18n';
import { listDemoPeople, requestLocalToken, type DemoPerson } from './local-identity.client';

const useStyles = makeStyles({
  page: {
    minHeight: '100vh',
    display: 'grid',
    alignContent: 'start',
    justifyItems: 'center',
    gap: tokens.spacingVerticalL,
    padding: tokens.spacingVerticalXXL,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  column: { width: 'min(640px, 100%)', display: 'grid', gap: tokens.spacingVerticalL },
  form: { display: 'grid', gap: tokens.spacingVerticalM },
});

type Load = { state: 'loading' } | { state: 'unreachable' } | { state: 'ready'; people: DemoPerson[] };

/**
 * Shown only outside a Microsoft host. It says plainly where the person is and labels the sign-in as
 * local, so nobody mistakes the demo identities for their real account.
 */
export function LocalSignInScreen({ fetcher, onSignedIn }: { fetcher: typeof fetch; onSignedIn: (person: DemoPerson) => void }) {
  const { t } = useI18n();
  const clock = useClock();
  const styles = useStyles();
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [chosen, setChosen] = useState('');
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let cancelled = false;
    listDemoPeople(fetcher).then(
      (people) => !cancelled && setLoad({ state: 'ready', people }),
      () => !cancelled && setLoad({ state: 'unreachable' }),
    );
    return () => {
      cancelled = true;
    };
  }, [fetcher]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (load.state !== 'ready') return;
    const person = load.people.find((p) => p.personId === chosen);
    if (!person) return;
    setBusy(true);
    setFailed(false);
    try {
      await requestLocalToken(person.personId, clock(), fetcher);
      onSignedIn(person);
    } catch {
      setFailed(true);
      setBusy(false);
    }
  };

  return (
    <main className={styles.page}>
      <div className={styles.column}>
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{t('host.browser.title')}</MessageBarTitle>
            {t('host.browser.body')}
          </MessageBarBody>
        </MessageBar>
        <Card>
          <CardHeader header={<Title2 as="h1">{t('signIn.local.title')}</Title2>} />
          <Text>{t('signIn.local.explain')}</Text>
          {load.state === 'loading' ? <Spinner size="small" label={t('signIn.local.loading')} /> : null}
          {load.state === 'unreachable' ? (
            <MessageBar intent="error" layout="multiline">
              <MessageBarBody>{t('signIn.local.unreachable')}</MessageBarBody>
            </MessageBar>
          ) : null}
          {load.state === 'ready' && load.people.length === 0 ? (
            <MessageBar intent="warning" layout="multiline">
              <MessageBarBody>{t('signIn.local.none')}</MessageBarBody>
            </MessageBar>
          ) : null}
          {load.state === 'ready' && load.people.length > 0 ? (
            <form className={styles.form} onSubmit={submit}>
              <Field label={t('signIn.local.peopleLabel')} required>
                <Select value={chosen} onChange={(_, data) => setChosen(data.value)}>
                  <option value="" disabled>
                    {t('signIn.local.choose')}
                  </option>
                  {load.people.map((person) => (
                    <option key={person.personId} value={person.personId}>
                      {person.jobTitle ? `${person.displayName} — ${person.jobTitle}` : person.displayName}
                    </option>
                  ))}
                </Select>
              </Field>
              {failed ? (
                <MessageBar intent="error">
                  <MessageBarBody>{t('signIn.local.failed')}</MessageBarBody>
                </MessageBar>
              ) : null}
              <div>
                <Button appearance="primary" type="submit" disabled={!chosen || busy}>
                  {busy ? t('common.loading') : t('signIn.local.submit')}
                </Button>
              </div>
            </form>
          ) : null}
        </Card>
      </div>
    </main>
  );
}
