/**
 * How the lifecycle scripts reach Azure Resource Manager and a Function App's deployment (SCM) site:
 * one bearer token for the management API, which the SCM site of a Flex Consumption app accepts
 * too, so no publishing credentials (basic auth) need to be switched on. The token comes from
 * @azure/identity's DefaultAzureCredential: `az login` / `azd auth login` on a workstation, a
 * service principal or workload identity in CI, the managed identity on an Azure-hosted runner.
 */
import { DefaultAzureCredential } from '@azure/identity';

export interface AzureAccess {
  /** Azure Resource Manager, e.g. https://management.azure.com (another cloud's in a sovereign cloud). */
  readonly managementUrl: string;
  getToken(): Promise<string>;
  /** How an SCM host name from the site's enabledHostNames becomes a base URL (tests point it at a local server). */
  readonly scmBaseUrl?: (host: string) => string;
}

export class LifecycleError extends Error {
  override readonly name = 'LifecycleError';
}

/** A bearer token for one resource (Resource Manager or Graph) from DefaultAzureCredential, with what to do when there is none. */
function tokenSource(resource: string, what: string, hint: string): () => Promise<string> {
  const credential = new DefaultAzureCredential();
  return async () => {
    const token = await credential.getToken(`${resource}/.default`).catch((error: unknown) => {
      throw new LifecycleError(`Could not get ${what} (${error instanceof Error ? error.message.split('\n')[0] : String(error)}). ${hint}`);
    });
    return token.token;
  };
}

export function azureAccessFromEnvironment(env: Readonly<Record<string, string | undefined>> = process.env): AzureAccess {
  const managementUrl = (env.AZURE_RESOURCE_MANAGER_URL ?? 'https://management.azure.com').replace(/\/+$/, '');
  return {
    managementUrl,
    getToken: tokenSource(managementUrl, 'an Azure token', 'Sign in with `az login` (or `azd auth login`) as the account you gave `atk auth login azure`, then run the step again.'),
  };
}

export interface AzureResponse {
  readonly status: number;
  readonly text: string;
  json<T>(): T | undefined;
}

/** Microsoft Graph with the signed-in admin's token (DefaultAzureCredential, as for Azure Resource Manager). */
export interface GraphAccess {
  /** e.g. https://graph.microsoft.com */
  readonly graphUrl: string;
  getToken(): Promise<string>;
}

export function graphAccessFromEnvironment(env: Readonly<Record<string, string | undefined>> = process.env): GraphAccess {
  const graphUrl = (env.GRAPH_URL ?? 'https://graph.microsoft.com').replace(/\/+$/, '');
  return { graphUrl, getToken: tokenSource(graphUrl, 'a Microsoft Graph token', 'Sign in with `az login` as the account that owns the Entra app.') };
}

/** One HTTPS call with the bearer token; the body is read in full. Throws only on a network failure. */
export async function callAzure(
  access: { getToken(): Promise<string> },
  method: string,
  url: string,
  body?: { readonly contentType: string; readonly data: Uint8Array | string },
  extraHeaders: Readonly<Record<string, string>> = {},
): Promise<AzureResponse> {
  const token = await access.getToken();
  const headers: Record<string, string> = { authorization: `Bearer ${token}`, 'cache-control': 'no-cache', ...extraHeaders };
  if (body) headers['content-type'] = body.contentType;
  let response: Response;
  try {
    response = await fetch(url, { method, headers, ...(body ? { body: typeof body.data === 'string' ? body.data : new Uint8Array(body.data) } : {}) });
  } catch (error) {
    throw new LifecycleError(`${method} ${url} failed: ${error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error)}`);
  }
  const text = await response.text();
  return {
    status: response.status,
    text,
    json<T>() {
      try {
        return JSON.parse(text) as T;
      } catch {
        return undefined;
      }
    },
  };
}

/** The error message ARM puts in a failed response, or the start of the body. */
export function armErrorOf(response: AzureResponse): string {
  const parsed = response.json<{ error?: { code?: string; message?: string } }>();
  if (parsed?.error) return `${parsed.error.code ?? 'Error'}: ${parsed.error.message ?? ''}`.trim();
  return `HTTP ${response.status} ${response.text.slice(0, 300)}`.trim();
}
