import type { app, authentication, pages } from '@microsoft/teams-js';
import { normaliseHostTheme, type HostThemeName } from './query-overrides';

/** The slice of teams-js the tab uses; the real module satisfies it, tests pass a fake host. */
export interface TeamsSdk {
  app: Pick<typeof app, 'initialize' | 'getContext' | 'notifySuccess' | 'notifyFailure' | 'registerOnThemeChangeHandler'> & {
    FailedReason: typeof app.FailedReason;
  };
  authentication: Pick<typeof authentication, 'getAuthToken'>;
  /** The configuration page of the meeting tab (configurableTabs). */
  pages?: { config: Pick<typeof pages.config, 'setValidityState' | 'setConfig' | 'registerOnSaveHandler'> };
}

/**
 * teams-js is loaded only where a host could answer: on import it fetches its list of valid host
 * domains from the Microsoft CDN, which a plain browser tab (local mode, tests) has no use for, and it
 * stays out of the first bundle.
 */
export const loadTeamsSdk = async (): Promise<TeamsSdk> => {
  const teams = await import('@microsoft/teams-js');
  return { app: teams.app, authentication: teams.authentication, pages: teams.pages };
};

export interface MicrosoftHost {
  kind: 'microsoft';
  /** "Teams", "Outlook", "Office", … as teams-js reports it. */
  hostName: string;
  locale: string;
  theme: HostThemeName;
  userPrincipalName: string | undefined;
  tenantId: string | undefined;
  /** The page a deep link asks for (a bot card's subEntityId arrives here). */
  subPageId: string | undefined;
  /** The chat the tab runs in (a meeting's chat inside a meeting). */
  chatId: string | undefined;
  /** Entra SSO token for our API, cached and refreshed by the host. */
  getToken(): Promise<string>;
  notifySuccess(): void;
  notifyAuthFailure(reason: string): void;
  onThemeChange(handler: (theme: HostThemeName) => void): void;
  /**
   * On the configuration page of the meeting tab: lets Teams' Save add the tab with these settings.
   * Absent where the host has no configuration page API.
   */
  configureTab?(settings: { entityId: string; contentUrl: string; websiteUrl: string; suggestedDisplayName: string }): void;
}

export interface BrowserHost {
  kind: 'browser';
  locale: string;
  theme: HostThemeName;
}

export type Host = MicrosoftHost | BrowserHost;

export interface DetectHostOptions {
  sdk?: TeamsSdk | (() => Promise<TeamsSdk>);
  /** A host answers within milliseconds; an unrelated parent frame never answers at all. */
  timeoutMs?: number;
  browserLocale?: string;
  prefersDark?: boolean;
  /**
   * Whether a host could be talking to us at all: a parent frame, an opener window, or the native
   * bridge of the mobile clients. Defaults to looking at `window`.
   */
  hasHostChannel?: boolean;
}

function windowHasHostChannel(): boolean {
  if (typeof window === 'undefined') return false;
  return window.parent !== window || window.opener !== null || 'nativeInterface' in window;
}

/**
 * A plain browser tab has no channel to a host, so teams-js is not even loaded there. In a frame,
 * teams-js decides; it never settles when the parent frame is not a Microsoft host, hence the race
 * with a timeout.
 */
export async function detectHost(options: DetectHostOptions = {}): Promise<Host> {
  const browser: BrowserHost = {
    kind: 'browser',
    locale: options.browserLocale ?? 'en-US',
    theme: options.prefersDark ? 'dark' : 'default',
  };
  if (!(options.hasHostChannel ?? windowHasHostChannel())) return browser;
  const source = options.sdk ?? loadTeamsSdk;
  let sdk: TeamsSdk;
  try {
    sdk = typeof source === 'function' ? await source() : source;
  } catch {
    return browser;
  }
  const timeoutMs = options.timeoutMs ?? 8000;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timedOut = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), timeoutMs);
  });
  try {
    const outcome = await Promise.race([sdk.app.initialize().then(() => 'initialized' as const), timedOut]);
    if (outcome === 'timeout') return browser;
  } catch {
    return browser;
  } finally {
    clearTimeout(timer);
  }

  const context = await sdk.app.getContext();
  return {
    kind: 'microsoft',
    hostName: String(context.app.host.name),
    locale: context.app.locale,
    theme: normaliseHostTheme(context.app.theme),
    userPrincipalName: context.user?.userPrincipalName,
    tenantId: context.user?.tenant?.id,
    subPageId: context.page?.subPageId || undefined,
    chatId: context.chat?.id || undefined,
    getToken: () => sdk.authentication.getAuthToken(),
    notifySuccess: () => {
      void sdk.app.notifySuccess();
    },
    notifyAuthFailure: (reason) => sdk.app.notifyFailure({ reason: sdk.app.FailedReason.AuthFailed, message: reason }),
    onThemeChange: (handler) => sdk.app.registerOnThemeChangeHandler((theme) => handler(normaliseHostTheme(theme))),
    ...(sdk.pages
      ? {
          configureTab: (settings: { entityId: string; contentUrl: string; websiteUrl: string; suggestedDisplayName: string }) => {
            const config = sdk.pages!.config;
            config.registerOnSaveHandler((save) => {
              config.setConfig(settings).then(
                () => save.notifySuccess(),
                (error: unknown) => save.notifyFailure(error instanceof Error ? error.message : String(error)),
              );
            });
            config.setValidityState(true);
          },
        }
      : {}),
  };
}
