import { FluentProvider, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { ApiClient } from '../api/api-client';
import { MentoringApi } from '../api/mentoring-api';
import { LocalSession, recallLocalPerson, rememberLocalPerson, type DemoPerson } from '../auth/local-identity.client';
import { LocalSignInScreen } from '../auth/local-sign-in-screen';
import { SsoFailedScreen } from '../auth/sso-failed-screen';
import { detectHost, type DetectHostOptions, type Host, type MicrosoftHost } from '../host/detect-host';
import { fluentThemeFor } from '../host/fluent-theme';
import type { HostThemeName, QueryOverrides } from '../host/query-overrides';
import { I18nProvider, languageFromLocale, useI18n } from '../i18n/i18n';
import { AppShell } from './app-shell';
import type { Session } from './session';
import { SessionProvider } from './session';
import { InfoPage, infoPageOf } from '../features/info/info-page';
import { apiOrigin } from '../api/api-origin';

const useStyles = makeStyles({
  centred: { minHeight: '100vh', display: 'grid', placeItems: 'center', backgroundColor: tokens.colorNeutralBackground2 },
});

export interface RootProps {
  overrides: QueryOverrides;
  detect?: (options: DetectHostOptions) => Promise<Host>;
  storage?: Storage;
  fetchImpl?: typeof fetch;
  clock?: () => number;
}

type Phase =
  | { phase: 'detecting' }
  | { phase: 'sso'; host: MicrosoftHost }
  | { phase: 'ssoFailed'; host: MicrosoftHost }
  | { phase: 'browser'; host: Host; person: DemoPerson | undefined };

export function Root({ overrides, detect = detectHost, storage = window.sessionStorage, fetchImpl, clock = Date.now }: RootProps) {
  const fetcher = useMemo<typeof fetch>(() => fetchImpl ?? ((input, init) => fetch(input, init)), [fetchImpl]);
  const [phase, setPhase] = useState<Phase>({ phase: 'detecting' });
  const [hostTheme, setHostTheme] = useState<HostThemeName>(
    () => overrides.theme ?? (window.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'default'),
  );

  const trySso = useCallback(async (host: MicrosoftHost) => {
    try {
      await host.getToken();
      setPhase({ phase: 'sso', host });
    } catch {
      host.notifyAuthFailure('SSO token unavailable');
      setPhase({ phase: 'ssoFailed', host });
    }
  }, []);

  useEffect(() => {
    let cancelled = false;
    void detect({ browserLocale: navigator.language }).then((host) => {
      if (cancelled) return;
      if (!overrides.theme) setHostTheme(host.theme);
      if (host.kind === 'microsoft') {
        host.onThemeChange((theme) => {
          if (!overrides.theme) setHostTheme(theme);
        });
        void trySso(host);
      } else {
        setPhase({ phase: 'browser', host, person: recallLocalPerson(storage) });
      }
    });
    return () => {
      cancelled = true;
    };
  }, [detect, overrides.theme, storage, trySso]);

  const inHost = phase.phase === 'sso' || phase.phase === 'ssoFailed';
  const locale = phase.phase === 'detecting' ? navigator.language : phase.host.locale;
  const language = overrides.language ?? languageFromLocale(locale);
  const theme = fluentThemeFor(hostTheme, inHost);

  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);

  const infoPage = infoPageOf(window.location.hash);
  if (infoPage) {
    return (
      <FluentProvider theme={theme}>
        <I18nProvider language={language}>
          <InfoPage kind={infoPage} />
        </I18nProvider>
      </FluentProvider>
    );
  }

  return (
    <FluentProvider theme={theme}>
      <I18nProvider language={language}>
        <Phases
          phase={phase}
          fetcher={fetcher}
          clock={clock}
          onRetrySso={trySso}
          onLocalSignIn={(person) => {
            rememberLocalPerson(storage, person);
            setPhase((p) => (p.phase === 'browser' ? { ...p, person } : p));
          }}
          onLocalSignOut={() => {
            rememberLocalPerson(storage, undefined);
            // The next person starts at Home, not inside the previous person's relationship.
            window.location.hash = '#/home';
            setPhase((p) => (p.phase === 'browser' ? { ...p, person: undefined } : p));
          }}
        />
      </I18nProvider>
    </FluentProvider>
  );
}

function Phases({
  phase,
  fetcher,
  clock,
  onRetrySso,
  onLocalSignIn,
  onLocalSignOut,
}: {
  phase: Phase;
  fetcher: typeof fetch;
  clock: () => number;
  onRetrySso: (host: MicrosoftHost) => void;
  onLocalSignIn: (person: DemoPerson) => void;
  onLocalSignOut: () => void;
}) {
  const { t } = useI18n();
  const styles = useStyles();

  const session = useMemo<Session | undefined>(() => {
    if (phase.phase === 'sso') {
      const client = new ApiClient({ baseUrl: apiOrigin(), getToken: phase.host.getToken, fetch: fetcher });
      return { api: new MentoringApi(client), signIn: { kind: 'sso', hostName: phase.host.hostName, label: phase.host.userPrincipalName } };
    }
    if (phase.phase === 'browser' && phase.person) {
      const local = new LocalSession(phase.person, clock, fetcher);
      const client = new ApiClient({ baseUrl: '', getToken: () => local.getToken(), fetch: fetcher });
      return {
        api: new MentoringApi(client),
        signIn: { kind: 'local', label: phase.person.displayName },
        signOut: onLocalSignOut,
      };
    }
    return undefined;
  }, [phase, fetcher, clock, onLocalSignOut]);

  const host = phase.phase === 'sso' ? phase.host : undefined;
  const onReady = useCallback(() => host?.notifySuccess(), [host]);

  if (phase.phase === 'detecting') {
    return (
      <div className={styles.centred}>
        <Spinner label={t('app.loading')} />
      </div>
    );
  }
  if (phase.phase === 'ssoFailed') return <SsoFailedScreen onRetry={() => onRetrySso(phase.host)} />;
  if (!session) return <LocalSignInScreen fetcher={fetcher} onSignedIn={onLocalSignIn} />;
  return (
    <SessionProvider value={session}>
      <AppShell onReady={onReady} />
    </SessionProvider>
  );
}
