/**
 * The API host's settings, parsed once at start-up. A missing or malformed setting stops the host
 * with a message that names it; nothing else in the API reads process.env.
 */
import { z } from 'zod';

const url = (name: string) => z.url({ error: `${name} must be an absolute URL` });

const optionalText = z
  .string()
  .optional()
  .transform((v) => (v?.trim() ? v.trim() : undefined));

export const ApiSettingsSchema = z
  .object({
    MENTORING_MODE: z.enum(['local', 'azure'], { error: 'MENTORING_MODE must be "local" or "azure"' }),
    STORAGE_CONNECTION_STRING: optionalText,
    STORAGE_TABLE_ENDPOINT: optionalText.refine((v) => v === undefined || /^https?:\/\/[^\s]+$/.test(v), {
      error: 'STORAGE_TABLE_ENDPOINT must be the account table endpoint, e.g. https://<account>.table.core.windows.net',
    }),
    STORAGE_QUEUE_ENDPOINT: optionalText,
    STORAGE_TABLE_NAME: z
      .string()
      .regex(/^[A-Za-z][A-Za-z0-9]{2,62}$/, 'STORAGE_TABLE_NAME must be 3-63 letters or digits, starting with a letter')
      .default('mentoring'),
    AUTH_CLIENT_ID: z.string({ error: 'AUTH_CLIENT_ID is required: the Entra app (client) id, the token audience' }).trim().min(1, 'AUTH_CLIENT_ID is required: the Entra app (client) id, the token audience'),
    AUTH_JWKS_URI: url('AUTH_JWKS_URI').default('https://login.microsoftonline.com/common/discovery/v2.0/keys'),
    AUTH_ISSUER_TEMPLATE: z
      .string()
      .includes('{tenantid}', { error: 'AUTH_ISSUER_TEMPLATE must contain {tenantid}' })
      .default('https://login.microsoftonline.com/{tenantid}/v2.0'),
    AUTH_CLIENT_SECRET: optionalText,
    /**
     * Client id of the managed identity the Entra app trusts through a federated identity credential
     * (Azure: the Function App's identity). When set, MSAL signs in with that identity's token for
     * api://AzureADTokenExchange instead of a client secret, for on-behalf-of and app-only Graph alike.
     */
    AUTH_FEDERATED_IDENTITY_CLIENT_ID: optionalText,
    /**
     * The Outlook add-in's id: the app id of the unified manifest (TEAMS_APP_ID). When set, every event
     * booking creates carries the ids of its relationship and meeting as the add-in's custom properties.
     */
    OUTLOOK_ADDIN_ID: optionalText,
    /** The tab's address (Azure: the static site's); a To Do task's linked resource opens it when TEAMS_APP_ID is not set. */
    TAB_ENDPOINT: optionalText.refine((v) => v === undefined || /^https?:\/\/[^\s]+$/.test(v), { error: 'TAB_ENDPOINT must be an absolute URL, e.g. https://<tab host>' }),
    /** The Teams app id: a To Do task's linked resource is then a Teams deep link into the tab. */
    TEAMS_APP_ID: optionalText,
    /**
     * The app's id in the tenant's app catalog (`GET /appCatalogs/teamsApps?$filter=externalId eq '{TEAMS_APP_ID}'`;
     * for an app from the Teams Store it is TEAMS_APP_ID). With TAB_ENDPOINT it turns on installing the app in
     * each booked meeting's chat and pinning the mentoring panel there (TeamsAppInstallation.ReadWriteSelfForChat.All,
     * TeamsTab.Create), and, with PROACTIVE_INSTALL_ENABLED, installing it for people the bot cannot reach yet.
     */
    TEAMS_APP_CATALOG_ID: optionalText,
    /** Install the app for people who join a relationship or a programme without it (TeamsAppInstallation.ReadWriteSelfForUser.All). */
    PROACTIVE_INSTALL_ENABLED: z
      .enum(['true', 'false', ''], { error: 'PROACTIVE_INSTALL_ENABLED must be "true" or "false"' })
      .optional()
      .transform((v) => v === 'true'),
    /** When AUTH_CLIENT_SECRET expires (ISO date); /api/health reminds 30 days ahead. */
    AUTH_CLIENT_SECRET_EXPIRES_ON: optionalText.refine((v) => v === undefined || !Number.isNaN(Date.parse(v)), {
      error: 'AUTH_CLIENT_SECRET_EXPIRES_ON must be a date, e.g. 2027-06-01 or 2027-06-01T10:00:00Z',
    }),
    AUTH_AUTHORITY_HOST: url('AUTH_AUTHORITY_HOST').default('https://login.microsoftonline.com'),
    GRAPH_BASE_URL: url('GRAPH_BASE_URL').default('https://graph.microsoft.com/v1.0'),
    /** This API's public webhook for Graph change notifications (…/api/calendar-notifications); without it no subscriptions are made. */
    GRAPH_NOTIFICATION_URL: optionalText.refine((v) => v === undefined || /^https?:\/\/[^\s]+$/.test(v), { error: 'GRAPH_NOTIFICATION_URL must be an absolute URL, e.g. https://<app>.azurewebsites.net/api/calendar-notifications' }),
    /** Set by Azure Functions to the app's default host name; in azure mode it gives the webhook its default URL. */
    WEBSITE_HOSTNAME: optionalText,
    /** Whose calendar holds the meeting events. */
    BOOKING_ORGANIZER: z.enum(['mentee', 'mentor'], { error: 'BOOKING_ORGANIZER must be "mentee" or "mentor"' }).default('mentee'),
    /** The planning horizon in days: meetings further ahead come back deferred and the sync timer books them once in range. */
    BOOKING_HORIZON_DAYS: z.coerce
      .number({ error: 'BOOKING_HORIZON_DAYS must be a whole number of days from 14 to 366' })
      .int({ error: 'BOOKING_HORIZON_DAYS must be a whole number of days from 14 to 366' })
      .min(14, { error: 'BOOKING_HORIZON_DAYS must be a whole number of days from 14 to 366' })
      .max(366, { error: 'BOOKING_HORIZON_DAYS must be a whole number of days from 14 to 366' })
      .default(366),
    /** Local mode and tests only: the queue between the webhook and its consumer (Azure's trigger reads "calendar-changes"). */
    CALENDAR_CHANGES_QUEUE: optionalText.refine((v) => v === undefined || /^[a-z0-9](?!.*--)[a-z0-9-]{1,61}[a-z0-9]$/.test(v), { error: 'CALENDAR_CHANGES_QUEUE must be a queue name: 3-63 lower-case letters, digits and single dashes' }),
    /** Local mode only: the instant the local stack's clock starts at (it then runs); production reads the real clock. */
    LOCAL_CLOCK_START: optionalText.refine((v) => v === undefined || (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(v) && !Number.isNaN(Date.parse(v))), {
      error: 'LOCAL_CLOCK_START must be an ISO instant with its offset, e.g. 2027-03-26T09:00:00Z',
    }),
    AUTH_ALLOWED_TENANTS: z
      .string()
      .optional()
      .transform((v) => (v ?? '').split(',').map((t) => t.trim()).filter(Boolean)),
  })
  .superRefine((s, ctx) => {
    if (!s.STORAGE_CONNECTION_STRING && !s.STORAGE_TABLE_ENDPOINT) {
      ctx.addIssue({
        code: 'custom',
        path: ['STORAGE_CONNECTION_STRING'],
        message: 'STORAGE_CONNECTION_STRING is required (or STORAGE_TABLE_ENDPOINT with a managed identity)',
      });
    }
    if (s.MENTORING_MODE === 'azure' && s.GRAPH_NOTIFICATION_URL && !s.GRAPH_NOTIFICATION_URL.startsWith('https://')) {
      ctx.addIssue({ code: 'custom', path: ['GRAPH_NOTIFICATION_URL'], message: 'GRAPH_NOTIFICATION_URL must be https in azure mode (Graph delivers only to https)' });
    }
    if (s.MENTORING_MODE !== 'local' && s.CALENDAR_CHANGES_QUEUE !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['CALENDAR_CHANGES_QUEUE'], message: 'CALENDAR_CHANGES_QUEUE is only for local mode; in Azure the queue trigger reads "calendar-changes"' });
    }
    if (s.MENTORING_MODE !== 'local' && s.LOCAL_CLOCK_START !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['LOCAL_CLOCK_START'], message: 'LOCAL_CLOCK_START is only for local mode (MENTORING_MODE=local); remove it: production reads the real clock' });
    }
    if (s.MENTORING_MODE === 'azure' && !s.AUTH_ISSUER_TEMPLATE.startsWith('https://')) {
      ctx.addIssue({ code: 'custom', path: ['AUTH_ISSUER_TEMPLATE'], message: 'AUTH_ISSUER_TEMPLATE must be https in azure mode' });
    }
  })
  // In Azure the webhook is this app's own /api/calendar-notifications, at the host name Azure gives
  // the app: provision sets nothing for it, and each subscription carries a random secret of its own
  // (stored with its record), so notifications are on from the first deploy.
  .transform((s) =>
    s.MENTORING_MODE === 'azure' && !s.GRAPH_NOTIFICATION_URL && s.WEBSITE_HOSTNAME
      ? { ...s, GRAPH_NOTIFICATION_URL: `https://${s.WEBSITE_HOSTNAME}/api/calendar-notifications` }
      : s,
  );

export type ApiSettings = z.output<typeof ApiSettingsSchema>;

export class ConfigurationError extends Error {
  override readonly name = 'ConfigurationError';
}

/** Parses the settings or throws a ConfigurationError that lists every problem by setting name. */
export function parseApiSettings(env: Readonly<Record<string, string | undefined>>): ApiSettings {
  const parsed = ApiSettingsSchema.safeParse(env);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => {
    const name = String(issue.path[0] ?? '');
    const message = issue.message.includes(name) ? issue.message : `${name}: ${issue.message}`;
    return `- ${message}`;
  });
  // zod runs the cross-field check only when every field parsed; name the storage setting anyway.
  if (!env.STORAGE_CONNECTION_STRING?.trim() && !env.STORAGE_TABLE_ENDPOINT?.trim() && !problems.some((p) => p.includes('STORAGE_CONNECTION_STRING'))) {
    problems.push('- STORAGE_CONNECTION_STRING is required (or STORAGE_TABLE_ENDPOINT with a managed identity)');
  }
  throw new ConfigurationError(`The API cannot start; fix these app settings:\n${problems.join('\n')}`);
}
