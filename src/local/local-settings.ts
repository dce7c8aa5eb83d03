/**
 * The app settings `npm start` gives the API: the production setting names with the local
 * stand-ins' endpoints. Values from the environment win, so a developer can point one component
 * elsewhere without touching code.
 */
import { LOCAL_CLIENT_ID, LOCAL_CLIENT_SECRET } from './local-ports';

export function localApiEnvironment(endpoints: {
  readonly storageConnectionString: string;
  readonly jwksUri: string;
  readonly issuerTemplate: string;
  readonly graphBaseUrl: string;
}, env: Readonly<Record<string, string | undefined>> = {}): Record<string, string | undefined> {
  return {
    MENTORING_MODE: 'local',
    STORAGE_CONNECTION_STRING: endpoints.storageConnectionString,
    AUTH_CLIENT_ID: env.AUTH_CLIENT_ID ?? LOCAL_CLIENT_ID,
    AUTH_JWKS_URI: endpoints.jwksUri,
    AUTH_ISSUER_TEMPLATE: endpoints.issuerTemplate,
    AUTH_CLIENT_SECRET: env.AUTH_CLIENT_SECRET ?? LOCAL_CLIENT_SECRET,
    AUTH_AUTHORITY_HOST: endpoints.issuerTemplate.replace('/{tenantid}/v2.0', ''),
    GRAPH_BASE_URL: endpoints.graphBaseUrl,
    STORAGE_TABLE_NAME: env.STORAGE_TABLE_NAME,
    LOCAL_CLOCK_START: env.LOCAL_CLOCK_START,
  };
}
