/**
 * Makes the Entra app trust the Function App's managed identity: a federated identity credential
 * (Microsoft Graph, upsert by name) whose issuer is the tenant's Entra ID, whose subject is the
 * identity's object id and whose audience is api://AzureADTokenExchange. The API then gets Graph
 * tokens on behalf of people and app-only with the identity's token as its client assertion
 * (src/adapters/identity/managed-identity-assertion.ts), so no client secret exists in Azure.
 * Idempotent: running provision again updates the same credential.
 */
import { callAzure, LifecycleError, type GraphAccess } from './azure-management';

export const FEDERATED_CREDENTIAL_NAME = 'mentoring-function-app';
export const TOKEN_EXCHANGE_AUDIENCE = 'api://AzureADTokenExchange';

export interface TrustRequest {
  /** AAD_APP_OBJECT_ID (written by aadApp/create). */
  readonly applicationObjectId: string;
  /** AAD_APP_TENANT_ID. */
  readonly tenantId: string;
  /** API_IDENTITY_PRINCIPAL_ID (an arm/deploy output). */
  readonly identityPrincipalId: string;
  /** Entra's sign-in host, https://login.microsoftonline.com in the public cloud. */
  readonly authorityHost?: string;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function federatedCredentialFor(request: TrustRequest) {
  return {
    name: FEDERATED_CREDENTIAL_NAME,
    issuer: `${(request.authorityHost ?? 'https://login.microsoftonline.com').replace(/\/+$/, '')}/${request.tenantId}/v2.0`,
    subject: request.identityPrincipalId,
    audiences: [TOKEN_EXCHANGE_AUDIENCE],
    description: 'The Mentoring Function App signs in as this app through its managed identity (no client secret).',
  };
}

export async function trustManagedIdentity(access: GraphAccess, request: TrustRequest): Promise<'created' | 'updated'> {
  const problems = (
    [
      ['AAD_APP_OBJECT_ID', request.applicationObjectId],
      ['AAD_APP_TENANT_ID', request.tenantId],
      ['API_IDENTITY_PRINCIPAL_ID', request.identityPrincipalId],
    ] as const
  ).filter(([, value]) => !GUID.test(value ?? ''));
  if (problems.length > 0) throw new LifecycleError(`${problems.map(([name]) => name).join(', ')} must be ids written by the earlier provision steps (aadApp/create, arm/deploy); got ${problems.map(([n, v]) => `${n}="${v ?? ''}"`).join(', ')}.`);
  const url = `${access.graphUrl}/v1.0/applications/${request.applicationObjectId}/federatedIdentityCredentials(name='${FEDERATED_CREDENTIAL_NAME}')`;
  const { name: _name, ...body } = federatedCredentialFor(request);
  const response = await callAzure(access, 'PATCH', url, { contentType: 'application/json', data: JSON.stringify(body) }, { prefer: 'create-if-missing' });
  if (response.status === 201) return 'created';
  if (response.status === 204 || response.status === 200) return 'updated';
  const error = response.json<{ error?: { code?: string; message?: string } }>()?.error;
  throw new LifecycleError(
    `Could not add the federated credential to the Entra app ${request.applicationObjectId}: HTTP ${response.status} ${error?.code ?? ''} ${error?.message ?? response.text.slice(0, 300)}`.trim() +
      (response.status === 403 ? ' — the signed-in account must own the app (it does when it ran aadApp/create) or be an Application Administrator; a tenant policy may also forbid federated credentials (docs/try-it-in-your-tenant.md).' : ''),
  );
}
