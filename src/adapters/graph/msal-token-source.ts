/**
 * Tokens for Graph from @azure/msal-node: On-Behalf-Of the person signed in to the tab (delegated),
 * and client credentials for background work (app-only). The authority host comes from config
 * (AUTH_AUTHORITY_HOST), so the local identity issuer can stand in for Entra ID.
 *
 * MSAL is given the authority metadata and cloud discovery metadata up front, so it never calls
 * instance discovery or the OpenID configuration endpoint; the only request it makes is the POST to
 * `{host}/{tenant}/oauth2/v2.0/token`. MSAL insists on an https authority *name*; the endpoints it
 * calls come from the metadata, which keeps the configured scheme (http for the local issuer).
 */
import { ConfidentialClientApplication, type Configuration } from '@azure/msal-node';
import type { AccessTokenSource } from './graph-client';
import { TokenAcquisitionError } from './graph-errors';

/** Least privilege for the person's own booking: read/write their calendar, read their zone and hours. */
export const DELEGATED_GRAPH_SCOPES: readonly string[] = [
  'https://graph.microsoft.com/Calendars.ReadWrite',
  'https://graph.microsoft.com/MailboxSettings.Read',
];
/** Least privilege for a person's own Microsoft To Do (turning the sync on): their own tasks only. */
export const TODO_DELEGATED_GRAPH_SCOPES: readonly string[] = ['https://graph.microsoft.com/Tasks.ReadWrite'];
/** App-only uses the application permissions granted to the app (Calendars.ReadWrite, MailboxSettings.Read). */
export const APP_GRAPH_SCOPES: readonly string[] = ['https://graph.microsoft.com/.default'];

/**
 * How the app proves its identity to Entra: a client secret, or a signed assertion — in Azure the
 * Function App's managed-identity token for api://AzureADTokenExchange, which the Entra app trusts
 * through a federated identity credential, so no secret exists to leak or expire.
 */
export type MsalCredential = { readonly clientSecret: string } | { readonly clientAssertion: () => Promise<string> };

export type MsalSettings = MsalCredential & {
  readonly clientId: string;
  /** e.g. https://login.microsoftonline.com or http://127.0.0.1:7071/local-identity */
  readonly authorityHost: string;
};

/** The OpenID metadata MSAL would otherwise fetch, derived from the authority host and tenant. */
export function authorityMetadataFor(authorityHost: string, tenantId: string): Record<string, unknown> {
  const base = `${authorityHost.replace(/\/+$/, '')}/${tenantId}`;
  return {
    token_endpoint: `${base}/oauth2/v2.0/token`,
    authorization_endpoint: `${base}/oauth2/v2.0/authorize`,
    end_session_endpoint: `${base}/oauth2/v2.0/logout`,
    issuer: `${base}/v2.0`,
    jwks_uri: `${authorityHost.replace(/\/+$/, '')}/discovery/v2.0/keys`,
    token_endpoint_auth_methods_supported: ['client_secret_post', 'private_key_jwt'],
    response_types_supported: ['code', 'id_token', 'code id_token', 'id_token token'],
    scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
    subject_types_supported: ['pairwise'],
    id_token_signing_alg_values_supported: ['RS256'],
    request_uri_parameter_supported: false,
  };
}

export function msalConfigurationFor(settings: MsalSettings, tenantId: string): Configuration {
  const host = new URL(settings.authorityHost);
  const authorityName = `https://${host.host}${host.pathname.replace(/\/+$/, '')}/${tenantId}`;
  return {
    auth: {
      clientId: settings.clientId,
      ...('clientAssertion' in settings ? { clientAssertion: () => settings.clientAssertion() } : { clientSecret: settings.clientSecret }),
      authority: authorityName,
      knownAuthorities: [host.host],
      authorityMetadata: JSON.stringify(authorityMetadataFor(settings.authorityHost, tenantId)),
      cloudDiscoveryMetadata: JSON.stringify({
        tenant_discovery_endpoint: `${settings.authorityHost.replace(/\/+$/, '')}/${tenantId}/v2.0/.well-known/openid-configuration`,
        'api-version': '1.1',
        metadata: [{ preferred_network: host.host, preferred_cache: host.host, aliases: [host.host] }],
      }),
    },
  };
}

/** One MSAL application per tenant (each keeps its own token cache). */
export class MsalTokenSources {
  private readonly apps = new Map<string, ConfidentialClientApplication>();

  constructor(private readonly settings: MsalSettings) {}

  private app(tenantId: string): ConfidentialClientApplication {
    let app = this.apps.get(tenantId);
    if (!app) {
      app = new ConfidentialClientApplication(msalConfigurationFor(this.settings, tenantId));
      this.apps.set(tenantId, app);
    }
    return app;
  }

  /** Delegated: exchanges the tab's SSO token (audience = our app) for a Graph token. */
  onBehalfOf(tenantId: string, ssoToken: string, scopes: readonly string[] = DELEGATED_GRAPH_SCOPES): AccessTokenSource {
    return async () => {
      try {
        const result = await this.app(tenantId).acquireTokenOnBehalfOf({ oboAssertion: ssoToken, scopes: [...scopes] });
        if (!result?.accessToken) throw new TokenAcquisitionError('on-behalf-of returned no token');
        return result.accessToken;
      } catch (cause) {
        throw cause instanceof TokenAcquisitionError ? cause : new TokenAcquisitionError('on-behalf-of failed', { cause });
      }
    };
  }

  /** App-only, for timers and queues (restricted to the programme's mailboxes by an application access policy). */
  appOnly(tenantId: string): AccessTokenSource {
    return async () => {
      try {
        const result = await this.app(tenantId).acquireTokenByClientCredential({ scopes: [...APP_GRAPH_SCOPES] });
        if (!result?.accessToken) throw new TokenAcquisitionError('client credentials returned no token');
        return result.accessToken;
      } catch (cause) {
        throw cause instanceof TokenAcquisitionError ? cause : new TokenAcquisitionError('client credentials failed', { cause });
      }
    };
  }
}
