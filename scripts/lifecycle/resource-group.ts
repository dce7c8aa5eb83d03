/**
 * Creates the environment's resource group when it does not exist yet (`arm/deploy` deploys into a
 * resource group and fails on a name that does not exist). An existing group is left as it is, tags
 * and location included.
 */
import { armErrorOf, callAzure, LifecycleError, type AzureAccess } from './azure-management';

const API_VERSION = '2021-04-01';

export interface ResourceGroupRequest {
  readonly subscriptionId: string;
  readonly name: string;
  readonly location: string;
}

export type ResourceGroupOutcome = { readonly created: boolean; readonly location: string };

export function checkResourceGroupRequest(request: Partial<ResourceGroupRequest>): ResourceGroupRequest {
  const missing = (['subscriptionId', 'name', 'location'] as const).filter((key) => !request[key]?.trim());
  if (missing.length > 0) {
    const names = { subscriptionId: 'AZURE_SUBSCRIPTION_ID', name: 'AZURE_RESOURCE_GROUP_NAME', location: 'AZURE_LOCATION' };
    throw new LifecycleError(`Set ${missing.map((m) => names[m]).join(', ')} in env/.env.<environment> before provisioning.`);
  }
  if (!/^[-\w._()]{1,90}$/.test(request.name!) || request.name!.endsWith('.')) {
    throw new LifecycleError(`AZURE_RESOURCE_GROUP_NAME "${request.name}" is not a valid resource group name (1-90 letters, digits, - _ . ( ), not ending in a dot).`);
  }
  return request as ResourceGroupRequest;
}

export async function ensureResourceGroup(access: AzureAccess, request: ResourceGroupRequest): Promise<ResourceGroupOutcome> {
  const url = `${access.managementUrl}/subscriptions/${encodeURIComponent(request.subscriptionId)}/resourcegroups/${encodeURIComponent(request.name)}?api-version=${API_VERSION}`;
  const existing = await callAzure(access, 'GET', url);
  if (existing.status === 200) {
    return { created: false, location: existing.json<{ location?: string }>()?.location ?? request.location };
  }
  if (existing.status !== 404) {
    throw new LifecycleError(`Could not check resource group ${request.name} in subscription ${request.subscriptionId}: ${armErrorOf(existing)}`);
  }
  const created = await callAzure(access, 'PUT', url, {
    contentType: 'application/json',
    data: JSON.stringify({ location: request.location, tags: { app: 'mentoring' } }),
  });
  if (created.status !== 200 && created.status !== 201) {
    throw new LifecycleError(`Could not create resource group ${request.name} in ${request.location}: ${armErrorOf(created)}`);
  }
  return { created: true, location: request.location };
}

/**
 * A Key Vault deleted with its resource group keeps its name for the soft-delete retention (7 days,
 * infra/modules/key-vault.bicep), and arm/deploy then fails on the name. The vault's name is known from
 * the previous provision (KEY_VAULT_NAME); when it is in the deleted state, provision stops here with
 * the command that frees the name instead of failing half-way through arm/deploy.
 */
export async function softDeletedVaultProblem(access: AzureAccess, subscriptionId: string, location: string, vaultName: string | undefined): Promise<string | undefined> {
  if (!vaultName?.trim()) return undefined;
  const url = `${access.managementUrl}/subscriptions/${encodeURIComponent(subscriptionId)}/providers/Microsoft.KeyVault/locations/${encodeURIComponent(location)}/deletedVaults/${encodeURIComponent(vaultName)}?api-version=2023-07-01`;
  const response = await callAzure(access, 'GET', url);
  if (response.status !== 200) return undefined;
  return (
    `Key Vault ${vaultName} was deleted less than its retention period ago and still holds its name, so arm/deploy cannot create it again. ` +
    `Purge it (the secret in it is written again by provision): az keyvault purge --name ${vaultName} --location ${location}` +
    ` — or recover it: az keyvault recover --name ${vaultName}. Then provision again.`
  );
}
