/**
 * Sign-in inside Outlook: nested app authentication (MSAL.js `createNestablePublicClientApplication`),
 * Microsoft's recommended sign-in for add-ins. Outlook (the host) holds the account; the add-in asks it
 * for a token for our API's `access_as_user` scope, the same scope and audience the tab's Teams SSO
 * token carries, so the API validates it on the same path (issuer, audience, tenant). The Entra app
 * lists `brk-multihub://<tab domain>` as a single-page-app redirect (aad.manifest.json), which NAA
 * requires.
 *
 * Two callers: the pane (which may ask the person to sign in with a popup, from a click) and the guard's
 * event handlers (which never show UI: a token that needs interaction is a failure, and the guard fails
 * open).
 */
import { createNestablePublicClientApplication, type IPublicClientApplication } from '@azure/msal-browser';

export interface NaaConfig {
  /** The Entra app's client id (AAD_APP_CLIENT_ID). */
  readonly clientId: string;
  /** The tab's host name (TAB_DOMAIN): the API's identifier URI is api://<tab domain>/<client id>. */
  readonly tabDomain: string;
}

export interface NaaSignIn {
  /** A token without any UI; rejects when the host cannot give one silently. */
  silentToken(): Promise<string>;
  /** A token, with Outlook's sign-in popup when needed: call only from a click. */
  interactiveToken(): Promise<string>;
  /** A Microsoft Graph token for delegated scopes the Entra app already has consent for, without UI. */
  graphToken(scopes: readonly string[]): Promise<string>;
}

export const apiScopeOf = (config: NaaConfig): string => `api://${config.tabDomain}/${config.clientId}/access_as_user`;

/** The settings a build writes into the page or script; missing ones are named so a broken deploy is found. */
export function naaConfigFrom(values: { clientId?: string | null; tabDomain?: string | null }): NaaConfig | { missing: string[] } {
  const isSet = (v: string | null | undefined): v is string => typeof v === 'string' && v.trim() !== '' && !v.startsWith('%');
  const missing = [...(isSet(values.clientId) ? [] : ['AAD_APP_CLIENT_ID']), ...(isSet(values.tabDomain) ? [] : ['TAB_DOMAIN'])];
  return missing.length > 0 ? { missing } : { clientId: values.clientId as string, tabDomain: values.tabDomain as string };
}

export function naaSignIn(config: NaaConfig, create: typeof createNestablePublicClientApplication = createNestablePublicClientApplication): NaaSignIn {
  let app: Promise<IPublicClientApplication> | undefined;
  const client = () => {
    app ??= create({ auth: { clientId: config.clientId, authority: 'https://login.microsoftonline.com/organizations' } }).catch((error: unknown) => {
      app = undefined;
      throw error;
    });
    return app;
  };
  const request = { scopes: [apiScopeOf(config)] };
  return {
    async silentToken() {
      return (await (await client()).acquireTokenSilent(request)).accessToken;
    },
    async graphToken(scopes) {
      return (await (await client()).acquireTokenSilent({ scopes: scopes.map((s) => `https://graph.microsoft.com/${s}`) })).accessToken;
    },
    async interactiveToken() {
      const pca = await client();
      try {
        return (await pca.acquireTokenSilent(request)).accessToken;
      } catch {
        return (await pca.acquireTokenPopup(request)).accessToken;
      }
    },
  };
}
