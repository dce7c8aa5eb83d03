/**
 * Deploys a zip package to a Function App on the Flex Consumption plan the way Microsoft documents for
 * that plan: one deploy, `POST https://<scm host>/api/publish` with `Content-Type: application/zip`,
 * then the deployment's status from `/api/deployments/<id>` (or `/latest`) until it has finished.
 * Flex Consumption has no `/api/zipdeploy` (the Toolkit's azureFunctions/zipDeploy posts there and
 * gets a 404), runs the package it is given and builds nothing unless asked (RemoteBuild=false: the
 * staged package already holds its node_modules).
 *
 * The SCM site answers 200 while a deployment runs and also after it failed, so success is read from
 * the body: Kudu's status 4 is success, 3 is failure; 0-2 are pending, building, deploying.
 */
import { armErrorOf, callAzure, LifecycleError, type AzureAccess } from './azure-management';

const SITE_API_VERSION = '2024-04-01';
export const ONE_DEPLOY_PATH = '/api/publish';
const SUCCESS = 4;
const FAILED = 3;

export interface OneDeployOptions {
  /** /subscriptions/<id>/resourceGroups/<rg>/providers/Microsoft.Web/sites/<name> (API_FUNCTION_APP_RESOURCE_ID). */
  readonly resourceId: string;
  readonly zip: Uint8Array;
  readonly pollIntervalMs?: number;
  readonly timeoutMs?: number;
  readonly log?: (line: string) => void;
  readonly sleep?: (ms: number) => Promise<void>;
}

export interface OneDeployResult {
  readonly deploymentId: string;
  readonly statusText: string;
  readonly publishUrl: string;
  /** The app's own host name (properties.defaultHostName), for the health check after the deployment. */
  readonly hostName: string | undefined;
}

interface SiteResource {
  readonly kind?: string;
  readonly properties?: { readonly sku?: string; readonly enabledHostNames?: readonly string[]; readonly defaultHostName?: string; readonly state?: string };
}

interface KuduDeployment {
  readonly id?: string;
  readonly status?: number;
  readonly status_text?: string;
  readonly complete?: boolean;
  readonly log_url?: string;
}

const SITE_ID = /^\/subscriptions\/[^/]+\/resourceGroups\/[^/]+\/providers\/Microsoft\.Web\/sites\/[^/]+$/i;

export async function oneDeploy(access: AzureAccess, options: OneDeployOptions): Promise<OneDeployResult> {
  const log = options.log ?? (() => undefined);
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  if (!SITE_ID.test(options.resourceId)) {
    throw new LifecycleError(`API_FUNCTION_APP_RESOURCE_ID "${options.resourceId}" is not a Function App resource id; run provision first, it writes it.`);
  }

  const siteResponse = await callAzure(access, 'GET', `${access.managementUrl}${options.resourceId}?api-version=${SITE_API_VERSION}`);
  if (siteResponse.status !== 200) throw new LifecycleError(`Could not read the Function App ${options.resourceId}: ${armErrorOf(siteResponse)}`);
  const site = siteResponse.json<SiteResource>() ?? {};
  if (site.properties?.sku !== 'FlexConsumption') {
    throw new LifecycleError(`The Function App is on "${site.properties?.sku ?? 'an unknown plan'}", not Flex Consumption; this step deploys with one deploy (/api/publish), which only Flex Consumption offers.`);
  }
  const scmHost = site.properties.enabledHostNames?.find((host) => host.includes('.scm.'));
  if (!scmHost) throw new LifecycleError(`The Function App lists no SCM (deployment) host name: ${JSON.stringify(site.properties.enabledHostNames ?? [])}.`);
  const scm = (access.scmBaseUrl ?? ((host: string) => `https://${host}`))(scmHost);

  const publishUrl = `${scm}${ONE_DEPLOY_PATH}?RemoteBuild=false`;
  log(`Uploading ${(options.zip.byteLength / 1_048_576).toFixed(1)} MB to ${publishUrl} …`);
  const published = await callAzure(access, 'POST', publishUrl, { contentType: 'application/zip', data: options.zip });
  if (published.status === 409) throw new LifecycleError(`Another deployment is running on ${scmHost}; wait for it (${scm}/api/deployments/latest) and deploy again.`);
  if (published.status !== 202 && published.status !== 200) {
    throw new LifecycleError(`The one-deploy endpoint refused the package: HTTP ${published.status} ${published.text.slice(0, 500)}`);
  }
  // The body is the deployment id (a JSON string); older hosts answer without one, then /latest is this deployment.
  const returnedId = published.json<unknown>();
  const deploymentId = typeof returnedId === 'string' && /^[\w-]+$/.test(returnedId) ? returnedId : 'latest';
  const statusUrl = `${scm}/api/deployments/${deploymentId}`;

  const deadline = Date.now() + (options.timeoutMs ?? 15 * 60_000);
  let last = '';
  for (;;) {
    const statusResponse = await callAzure(access, 'GET', statusUrl);
    const deployment = statusResponse.status === 200 ? statusResponse.json<KuduDeployment>() : undefined;
    if (deployment?.status === SUCCESS) {
      log(`Deployment ${deployment.id ?? deploymentId} succeeded.`);
      return { deploymentId: deployment.id ?? deploymentId, statusText: deployment.status_text ?? '', publishUrl, hostName: site.properties.defaultHostName };
    }
    if (deployment?.status === FAILED) {
      throw new LifecycleError(
        `Deployment ${deployment.id ?? deploymentId} failed: ${deployment.status_text || 'no reason given'}.` + (deployment.log_url ? ` Log: ${deployment.log_url}` : ''),
      );
    }
    const now = deployment ? `status ${deployment.status ?? '?'} ${deployment.status_text ?? ''}`.trim() : `HTTP ${statusResponse.status}`;
    if (now !== last) log(`Deployment ${deploymentId}: ${now}`);
    last = now;
    if (Date.now() > deadline) throw new LifecycleError(`Deployment ${deploymentId} has not finished in time (last: ${now}); follow it at ${statusUrl}.`);
    await sleep(options.pollIntervalMs ?? 3000);
  }
}

/**
 * After a successful deployment the new code must also start: /api/health answers 200 once the host
 * has loaded the package and every component (storage, identity, the Graph credential, …) works. A
 * cold Flex instance takes a while, so it is asked until the deadline; 503 lists what is down.
 */
export async function waitForHealth(healthUrl: string, options: { readonly timeoutMs?: number; readonly pollIntervalMs?: number; readonly sleep?: (ms: number) => Promise<void>; readonly log?: (line: string) => void } = {}): Promise<void> {
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const deadline = Date.now() + (options.timeoutMs ?? 5 * 60_000);
  let last = 'no answer';
  for (;;) {
    try {
      const response = await fetch(healthUrl, { signal: AbortSignal.timeout(30_000) });
      const text = await response.text();
      if (response.status === 200) {
        options.log?.(`${healthUrl}: 200`);
        return;
      }
      const components = (() => {
        try {
          const body = JSON.parse(text) as { components?: Record<string, { status?: string; detail?: string }> };
          return Object.entries(body.components ?? {})
            .filter(([, c]) => c.status !== 'ok')
            .map(([name, c]) => `${name}: ${c.status}${c.detail ? ` (${c.detail})` : ''}`)
            .join('; ');
        } catch {
          return '';
        }
      })();
      last = `HTTP ${response.status}${components ? ` — ${components}` : ''}`;
    } catch (error) {
      last = error instanceof Error ? error.message : String(error);
    }
    if (Date.now() > deadline) throw new LifecycleError(`The deployment finished but ${healthUrl} is not healthy (last: ${last}).`);
    await sleep(options.pollIntervalMs ?? 5000);
  }
}
