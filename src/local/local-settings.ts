/**
 * The app settings `npm start` gives the API, in its two modes:
 * - local (default): the production setting names with the local stand-ins' endpoints and ids;
 * - tenant (`MENTORING_MODE=tenant`, or .localConfigs written by teamsapp.local.yml's deploy): Entra
 *   ID, Microsoft Graph and the registered bot of a real tenant, configured like the Function App —
 *   the same code with no stand-in, only Azurite keeping the data on this machine.
 * In both, a setting from the environment wins over the local default, and in tenant mode a
 * missing one stops start-up with its name.
 */
import { existsSync, readFileSync } from 'node:fs';
import { ConfigurationError } from '../api/config';
import { LOCAL_CLIENT_ID, LOCAL_CLIENT_SECRET, LOCAL_TAB_ORIGIN, LOCAL_TEAMS_APP_ID } from './local-ports';

type Env = Readonly<Record<string, string | undefined>>;

export type LocalMode = 'local' | 'tenant';

/** Values that count as set: defined and not blank. */
const setIn = (env: Env, name: string): string | undefined => (env[name]?.trim() ? env[name]!.trim() : undefined);

export function localApiEnvironment(endpoints: {
  readonly storageConnectionString: string;
  readonly jwksUri: string;
  readonly issuerTemplate: string;
  readonly graphBaseUrl: string;
  /** The API's webhook for Graph change notifications (the local calendar calls it). */
  readonly notificationUrl?: string;
}, env: Env = {}): Record<string, string | undefined> {
  return {
    MENTORING_MODE: 'local',
    STORAGE_CONNECTION_STRING: setIn(env, 'STORAGE_CONNECTION_STRING') ?? endpoints.storageConnectionString,
    AUTH_CLIENT_ID: setIn(env, 'AUTH_CLIENT_ID') ?? LOCAL_CLIENT_ID,
    AUTH_JWKS_URI: setIn(env, 'AUTH_JWKS_URI') ?? endpoints.jwksUri,
    AUTH_ISSUER_TEMPLATE: setIn(env, 'AUTH_ISSUER_TEMPLATE') ?? endpoints.issuerTemplate,
    AUTH_CLIENT_SECRET: setIn(env, 'AUTH_CLIENT_SECRET') ?? LOCAL_CLIENT_SECRET,
    AUTH_AUTHORITY_HOST: setIn(env, 'AUTH_AUTHORITY_HOST') ?? endpoints.issuerTemplate.replace('/{tenantid}/v2.0', ''),
    GRAPH_BASE_URL: setIn(env, 'GRAPH_BASE_URL') ?? endpoints.graphBaseUrl,
    GRAPH_NOTIFICATION_URL: setIn(env, 'GRAPH_NOTIFICATION_URL') ?? endpoints.notificationUrl,
    STORAGE_TABLE_NAME: env.STORAGE_TABLE_NAME,
    LOCAL_CLOCK_START: env.LOCAL_CLOCK_START,
    CALENDAR_CHANGES_QUEUE: env.CALENDAR_CHANGES_QUEUE,
    BOOKING_HORIZON_DAYS: setIn(env, 'BOOKING_HORIZON_DAYS'),
    // The add-in's id, as in Azure (the Teams app id): bookings carry its custom properties.
    OUTLOOK_ADDIN_ID: setIn(env, 'OUTLOOK_ADDIN_ID') ?? setIn(env, 'TEAMS_APP_ID') ?? LOCAL_TEAMS_APP_ID,
    // Where a To Do task's linked resource opens the tab (Vite's dev server).
    TAB_ENDPOINT: setIn(env, 'TAB_ENDPOINT') ?? LOCAL_TAB_ORIGIN,
    // The app in the local calendar's catalog: booked meetings get the panel pinned in their chat, and
    // people without the bot get it installed (the local calendar then sends the bot Teams' installationUpdate).
    TEAMS_APP_CATALOG_ID: setIn(env, 'TEAMS_APP_CATALOG_ID') ?? LOCAL_TEAMS_APP_ID,
    PROACTIVE_INSTALL_ENABLED: setIn(env, 'PROACTIVE_INSTALL_ENABLED') ?? 'true',
  };
}

/** Reads a dotenv-style file (`KEY=value`, `#` comments, optional quotes); absent file = no settings. */
export function readSettingsFile(file: string): Record<string, string> {
  if (!existsSync(file)) return {};
  const settings: Record<string, string> = {};
  for (const line of readFileSync(file, 'utf8').split(/\r?\n/)) {
    const match = /^\s*([A-Za-z_][\w.]*)\s*=\s*(.*?)\s*$/.exec(line);
    if (!match || line.trimStart().startsWith('#')) continue;
    settings[match[1]!] = match[2]!.replace(/^(['"])(.*)\1$/, '$2');
  }
  return settings;
}

/** The environment over .localConfigs: a value set in the environment wins, a blank one does not erase. */
export function withLocalConfigs(env: Env, localConfigs: Readonly<Record<string, string>>): Record<string, string | undefined> {
  const merged: Record<string, string | undefined> = { ...localConfigs };
  for (const [name, value] of Object.entries(env)) if (value?.trim() || !(name in merged)) merged[name] = value;
  return merged;
}

export function localModeOf(env: Env): LocalMode {
  const mode = setIn(env, 'MENTORING_MODE') ?? 'local';
  if (mode === 'local' || mode === 'tenant') return mode;
  throw new ConfigurationError(
    `npm start cannot start: MENTORING_MODE must be "local" (the stand-ins, no tenant) or "tenant" (your Microsoft 365 tenant), not "${mode}". ` +
      (mode === 'azure' ? 'An older .localConfigs says "azure": run `atk deploy --env local` again, or set MENTORING_MODE=tenant.' : ''),
  );
}

/** What tenant mode cannot start without, and what each is. */
export const TENANT_SETTINGS = {
  AUTH_CLIENT_ID: 'the Entra app (client) id, audience of the tab\'s SSO tokens (AAD_APP_CLIENT_ID)',
  AUTH_CLIENT_SECRET: 'the Entra app\'s client secret for on-behalf-of and app-only Graph (SECRET_AAD_APP_CLIENT_SECRET)',
  AUTH_ALLOWED_TENANTS: 'your tenant id (AAD_APP_TENANT_ID): tokens from other tenants are refused',
  BOT_ID: 'the bot\'s Entra app id registered with the Bot Framework',
  BOT_PASSWORD: 'the bot app\'s client secret (SECRET_BOT_PASSWORD)',
  TAB_ENDPOINT: 'the dev tunnel\'s https URL of the tab',
} as const;

/**
 * The API's settings in tenant mode: the production names with the production defaults (Entra ID's
 * JWKS and issuer, login.microsoftonline.com, graph.microsoft.com) unless the environment says
 * otherwise, and storage in Azurite unless a connection string is given.
 */
export function tenantApiEnvironment(env: Env, azuriteConnectionString: string | undefined): Record<string, string | undefined> {
  const missing = Object.entries(TENANT_SETTINGS).filter(([name]) => !setIn(env, name));
  if (missing.length > 0) {
    throw new ConfigurationError(
      `npm start (tenant mode) cannot start; set these in the environment or .localConfigs (\`atk deploy --env local\` writes it):\n` +
        missing.map(([name, what]) => `- ${name}: ${what}`).join('\n'),
    );
  }
  const storage = usesDevelopmentStorage(env) ? azuriteConnectionString : setIn(env, 'STORAGE_CONNECTION_STRING');
  const passThrough = [
    'AUTH_CLIENT_ID', 'AUTH_CLIENT_SECRET', 'AUTH_ALLOWED_TENANTS', 'AUTH_JWKS_URI', 'AUTH_ISSUER_TEMPLATE', 'AUTH_AUTHORITY_HOST', 'GRAPH_BASE_URL',
    'GRAPH_NOTIFICATION_URL', 'BOOKING_ORGANIZER', 'BOOKING_HORIZON_DAYS', 'STORAGE_TABLE_NAME',
    'BOT_ID', 'BOT_PASSWORD', 'BOT_TENANT_ID', 'BOT_TYPE', 'BOT_AUTHORITY', 'TAB_ENDPOINT', 'TEAMS_APP_ID', 'TEAMS_APP_CATALOG_ID', 'PROACTIVE_INSTALL_ENABLED',
  ];
  return {
    ...Object.fromEntries(passThrough.map((name) => [name, setIn(env, name)])),
    // The API's own mode: the real services, as in Azure.
    MENTORING_MODE: 'azure',
    STORAGE_CONNECTION_STRING: storage,
    // The add-in travels in the same package: its id is the Teams app id, as on the Function App.
    OUTLOOK_ADDIN_ID: setIn(env, 'OUTLOOK_ADDIN_ID') ?? setIn(env, 'TEAMS_APP_ID'),
  };
}

/** Storage is the local Azurite unless a real connection string is given. */
export function usesDevelopmentStorage(env: Env): boolean {
  const value = setIn(env, 'STORAGE_CONNECTION_STRING');
  return value === undefined || /^UseDevelopmentStorage=true/i.test(value);
}
