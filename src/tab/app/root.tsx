import { FluentProvider, Spinner, makeStyles, tokens, type Theme } from '@fluentui/react-components';
import { Suspense, lazy, useCallback, useEffect, useMemo, useState } from 'react';
import { ApiClient } from '../api/api-client';
import { MentoringApi } from '../api/mentoring-api';
import { LocalSession, recallLocalPerson, rememberLocalPerson, type DemoPerson } from '../auth/local-identity.client';
import { detectHost, type DetectHostOptions, type Host, type MicrosoftHost } from '../host/detect-host';
import { fluentThemeFor } from '../host/fluent-theme';
import type { HostThemeName, QueryOverrides } from '../host/query-overrides';
import { I18nProvider, languageFromLocale, useI18n } from '../i18n/i18n';
import { AppShell } from './app-shell';
import type { Session } from './session';
import { SessionProvider } from './session';
import { infoPageOf } from '../features/info/info-page-kind';
import { apiOrigin } from '../api/api-origin';
import { ClockProvider } from './clock';
import { PreferencesProvider, recallLanguageChoice, rememberLanguageChoice, type LanguageChoice } from './preferences';
import { routeOfSubPage } from './hash-route';

// Screens off the signed-in path load only when shown, so the first bundle carries the shell alone.
const LocalSignInScreen = lazy(() => import('../auth/local-sign-in-screen').then((m) => ({ default: m.LocalSignInScreen })));
const SsoFailedScreen = lazy(() => import('../auth/sso-failed-screen').then((m) => ({ default: m.SsoFailedScreen })));
const InfoPage = lazy(() => import('../features/info/info-page').then((m) => ({ default: m.InfoPage })));

/** The body takes the theme's background, so overscroll and short pages never show a white frame in dark mode. */
function usePaintPage(theme: Theme, dark: boolean) {
  useEffect(() => {
    document.body.style.backgroundColor = theme.colorNeutralBackground2;
    document.body.style.color = theme.colorNeutralForeground1;
    document.documentElement.style.colorScheme = dark ? 'dark' : 'light';
  }, [theme, dark]);
}

/** Outside a Microsoft host the system's light or dark mode decides, and a change applies at once. */
function useSystemDark(): boolean {
  const query = typeof window !== 'undefined' && window.matchMedia ? window.matchMedia('(prefers-color-scheme: dark)') : undefined;
  const [dark, setDark] = useState(() => query?.matches ?? false);
  useEffect(() => {
    if (!query) return;
    const onChange = (e: MediaQueryListEvent) => setDark(e.matches);
    query.addEventListener?.('change', onChange);
    return () => query.removeEventListener?.('change', onChange);
  }, [query]);
  return dark;
}

const useStyles = makeStyles({
  centred: { minHeight: '100vh', display: 'grid', placeItems: 'center', backgroundColor: tokens.colorNeutralBackground2 },
});

export interface RootProps {
  overrides: QueryOverrides;
  detect?: (options: DetectHostOptions) => Promise<Host>;
  storage?: Storage;
  /** Where device-wide choices (the language) are kept. */
  preferenceStorage?: Storage;
  fetchImpl?: typeof fetch;
  clock?: () => number;
}

type Phase =
  | { phase: 'detecting' }
  | { phase: 'sso'; host: MicrosoftHost }
  | { phase: 'ssoFailed'; host: MicrosoftHost }
  | { phase: 'browser'; host: Host; person: DemoPerson | undefined };

export function Root({
  overrides,
  detect = detectHost,
  storage = safeSessionStorage(),
  preferenceStorage = safeLocalStorage(),
  fetchImpl,
  clock = Date.now,
}: RootProps) {
  const fetcher = useMemo<typeof fetch>(() => fetchImpl ?? ((input, init) => fetch(input, init)), [fetchImpl]);
  const [phase, setPhase] = useState<Phase>({ phase: 'detecting' });
  const systemDark = useSystemDark();
  // Inside Teams the host's theme (and its changes) decide; elsewhere the system's colour scheme.
  const [microsoftTheme, setMicrosoftTheme] = useState<HostThemeName | undefined>();
  const hostTheme: HostThemeName = overrides.theme ?? microsoftTheme ?? (systemDark ? 'dark' : 'default');
  const [languageChoice, setLanguageChoiceState] = useState<LanguageChoice>(() => recallLanguageChoice(preferenceStorage));
  const setLanguageChoice = useCallback(
    (choice: LanguageChoice) => {
      rememberLanguageChoice(preferenceStorage, choice);
      setLanguageChoiceState(choice);
    },
    [preferenceStorage],
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
      if (host.kind === 'microsoft') {
        setMicrosoftTheme(host.theme);
        host.onThemeChange(setMicrosoftTheme);
        // A deep link (a bot card's "Open schedule") names the page in subPageId; it wins over the start URL.
        const linked = routeOfSubPage(host.subPageId);
        if (linked) window.location.hash = linked;
        void trySso(host);
      } else {
        setPhase({ phase: 'browser', host, person: recallLocalPerson(storage) });
      }
    });
    return () => {
      cancelled = true;
    };
  }, [detect, storage, trySso]);

  const inHost = phase.phase === 'sso' || phase.phase === 'ssoFailed';
  const locale = phase.phase === 'detecting' ? navigator.language : phase.host.locale;
  const language = overrides.language ?? (languageChoice === 'auto' ? languageFromLocale(locale) : languageChoice);
  const theme = fluentThemeFor(hostTheme, inHost, inHost && phase.host.kind === 'microsoft' && phase.host.hostName === 'Teams');
  usePaintPage(theme, hostTheme !== 'default');
  const preferences = useMemo(() => ({ languageChoice, setLanguageChoice, hostLocale: locale }), [languageChoice, setLanguageChoice, locale]);

  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);

  const infoPage = infoPageOf(window.location.hash);
  if (infoPage) {
    return (
      <FluentProvider theme={theme}>
        <I18nProvider language={language} locale={locale}>
          <Suspense fallback={null}>
            <InfoPage kind={infoPage} />
          </Suspense>
        </I18nProvider>
      </FluentProvider>
    );
  }

  return (
    <ClockProvider value={clock}>
    <PreferencesProvider value={preferences}>
    <FluentProvider theme={theme}>
      <I18nProvider language={language} locale={locale}>
        <Phases
          phase={phase}
          meetingChat={overrides.meetingChat}
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
    </PreferencesProvider>
    </ClockProvider>
  );
}

/**
 * The tab's session storage, or a memory stand-in where the browser denies storage to a framed
 * third-party page (a Teams tab inside teams.microsoft.com with third-party storage blocked): reading
 * `window.sessionStorage` there throws, which took the whole tab down before it could render.
 */
function safeSessionStorage(): Storage {
  try {
    return window.sessionStorage;
  } catch {
    const items = new Map<string, string>();
    return {
      get length() {
        return items.size;
      },
      clear: () => items.clear(),
      getItem: (key) => items.get(key) ?? null,
      key: (index) => [...items.keys()][index] ?? null,
      removeItem: (key) => {
        items.delete(key);
      },
      setItem: (key, value) => {
        items.set(key, String(value));
      },
    };
  }
}

function safeLocalStorage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

function Phases({
  phase,
  meetingChat,
  fetcher,
  clock,
  onRetrySso,
  onLocalSignIn,
  onLocalSignOut,
}: {
  phase: Phase;
  /** `?meetingChat=` outside Teams, standing in for the host's meeting chat. */
  meetingChat: string | undefined;
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
      return {
        api: new MentoringApi(client),
        signIn: { kind: 'sso', hostName: phase.host.hostName, label: phase.host.userPrincipalName },
        ...(phase.host.chatId ? { meetingChatId: phase.host.chatId } : {}),
        ...(phase.host.configureTab ? { configureMeetingTab: configureMeetingTabOf(phase.host.configureTab) } : {}),
      };
    }
    if (phase.phase === 'browser' && phase.person) {
      const local = new LocalSession(phase.person, clock, fetcher);
      const client = new ApiClient({ baseUrl: '', getToken: () => local.getToken(), fetch: fetcher });
      return {
        api: new MentoringApi(client),
        signIn: { kind: 'local', label: phase.person.displayName },
        signOut: onLocalSignOut,
        ...(meetingChat ? { meetingChatId: meetingChat } : {}),
      };
    }
    return undefined;
  }, [phase, meetingChat, fetcher, clock, onLocalSignOut]);

  const host = phase.phase === 'sso' ? phase.host : undefined;
  const onReady = useCallback(() => host?.notifySuccess(), [host]);

  if (phase.phase === 'detecting') {
    return (
      <div className={styles.centred}>
        <Spinner label={t('app.loading')} />
      </div>
    );
  }
  const spinner = (
    <div className={styles.centred}>
      <Spinner label={t('app.loading')} />
    </div>
  );
  if (phase.phase === 'ssoFailed') {
    return (
      <Suspense fallback={spinner}>
        <SsoFailedScreen onRetry={() => onRetrySso(phase.host)} />
      </Suspense>
    );
  }
  if (!session) {
    return (
      <Suspense fallback={spinner}>
        <LocalSignInScreen fetcher={fetcher} onSignedIn={onLocalSignIn} />
      </Suspense>
    );
  }
  return (
    <SessionProvider value={session}>
      <AppShell onReady={onReady} />
    </SessionProvider>
  );
}

/** The meeting panel's tab settings: the same page in every meeting, which finds its meeting from the chat. */
function configureMeetingTabOf(configure: NonNullable<MicrosoftHost['configureTab']>): () => void {
  return () => {
    const page = `${window.location.origin}${window.location.pathname}#/meeting`;
    configure({ entityId: 'mentoring-meeting', contentUrl: page, websiteUrl: page, suggestedDisplayName: 'Mentoring' });
  };
}
