/**
 * Provision step of teamsapp.local.yml, right after aadApp/create: a developer machine has no managed
 * identity, so tenant-backed local debugging signs in with the Entra app's client secret. This step
 * reads when the app's newest client secret expires (Microsoft Graph, passwordCredentials) and hands
 * it to the Toolkit as AAD_APP_CLIENT_SECRET_EXPIRES_ON (`::set-teamsfx-env`), which .localConfigs
 * passes to `npm start` as AUTH_CLIENT_SECRET_EXPIRES_ON; /api/health then reminds 30 days ahead.
 * Rotation: docs/try-it-in-your-tenant.md#rotating-the-client-secret.
 */
import { callAzure, graphAccessFromEnvironment, LifecycleError, type GraphAccess } from './azure-management';

interface PasswordCredential {
  readonly endDateTime?: string;
  readonly keyId?: string;
}

/** The expiry of the newest secret (the one aadApp/create just wrote), as an ISO instant. */
export async function newestSecretExpiry(access: GraphAccess, applicationObjectId: string): Promise<string> {
  if (!/^[0-9a-f-]{36}$/i.test(applicationObjectId)) throw new LifecycleError(`AAD_APP_OBJECT_ID "${applicationObjectId}" is not an object id; aadApp/create writes it.`);
  const response = await callAzure(access, 'GET', `${access.graphUrl}/v1.0/applications/${applicationObjectId}?$select=passwordCredentials`);
  if (response.status !== 200) throw new LifecycleError(`Could not read the Entra app's secrets: HTTP ${response.status} ${response.text.slice(0, 300)}`);
  const ends = (response.json<{ passwordCredentials?: PasswordCredential[] }>()?.passwordCredentials ?? [])
    .map((p) => Date.parse(p.endDateTime ?? ''))
    .filter((t) => !Number.isNaN(t));
  if (ends.length === 0) throw new LifecycleError('The Entra app has no client secret; empty SECRET_AAD_APP_CLIENT_SECRET in env/.env.local.user and provision again.');
  return new Date(Math.max(...ends)).toISOString();
}

export const outputLine = (expiresOn: string) => `::set-teamsfx-env AAD_APP_CLIENT_SECRET_EXPIRES_ON=${expiresOn}`;

if (require.main === module) {
  newestSecretExpiry(graphAccessFromEnvironment(), process.env.AAD_APP_OBJECT_ID?.trim() ?? '')
    .then((expiresOn) => {
      console.log(`The client secret expires on ${expiresOn.slice(0, 10)}.`);
      console.log(outputLine(expiresOn));
    })
    .catch((error: unknown) => {
      console.error(error instanceof LifecycleError ? error.message : error);
      process.exit(1);
    });
}
