/** Fixed local addresses of `npm start` (documented in the README). */
export const LOCAL_HTTP_PORT = 7071;
export const LOCAL_TAB_ORIGIN = 'http://127.0.0.1:53000';
export const AZURITE_PORTS = { blob: 10000, queue: 10001, table: 10002 } as const;
/** The stand-in Entra app id shared by the local issuer, the API and the app package (env/.env.local AAD_APP_CLIENT_ID). */
export const LOCAL_CLIENT_ID = '5b0c7d2e-3f41-4a8b-9c6d-1e2f3a4b5c02';
/**
 * The local issuer's client secret for that app: a fixed, public value that only the local token
 * endpoint accepts (a real tenant's secret lives in Key Vault, never here).
 */
export const LOCAL_CLIENT_SECRET = 'local-only-not-secret';
/**
 * The stand-in Teams app id of the local package (env/.env.local TEAMS_APP_ID in the package tests):
 * also the Outlook add-in's id, so local bookings carry its custom properties as in Azure.
 */
export const LOCAL_TEAMS_APP_ID = '5b0c7d2e-3f41-4a8b-9c6d-1e2f3a4b5c01';
