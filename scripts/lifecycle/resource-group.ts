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

