/**
 * The deploy step for the Flex Consumption Function App (scripts/lifecycle/one-deploy.ts) against a
 * local stand-in of Resource Manager and the app's SCM site: the package goes to /api/publish as
 * application/zip with the bearer token, the step waits for the deployment's status and fails when
 * the deployment failed. The stand-in, like Flex, has no /api/zipdeploy.
 */
import JSZip from 'jszip';
import { LifecycleError } from '../../scripts/lifecycle/azure-management';
import { oneDeploy, waitForHealth } from '../../scripts/lifecycle/one-deploy';
import { checkResourceGroupRequest, ensureResourceGroup } from '../../scripts/lifecycle/resource-group';
import { federatedCredentialFor, trustManagedIdentity } from '../../scripts/lifecycle/federated-credential';
import { newestSecretExpiry, outputLine } from '../../scripts/lifecycle/secret-expiry';
import { zipFolder } from '../../scripts/lifecycle/zip-folder';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startAzureStandIn, TOKEN, type AzureStandIn, type Route } from './azure-stand-in';

const RESOURCE_ID = '/subscriptions/00000000-0000-4000-8000-000000000001/resourceGroups/rg-mentoring-dev/providers/Microsoft.Web/sites/func-mentordev-abcde';
const SCM = 'func-mentordev-abcde.scm.azurewebsites.net';

function flexSite(sku = 'FlexConsumption') {
  return { kind: 'functionapp,linux', properties: { sku, defaultHostName: 'func-mentordev-abcde.azurewebsites.net', enabledHostNames: ['func-mentordev-abcde.azurewebsites.net', SCM] } };
}

/** Resource Manager + an SCM site whose deployment goes through the given statuses. */
function functionsRoute(statuses: { status: number; status_text?: string }[], site = flexSite()): Route {
  let polls = 0;
  return (request) => {
    if (request.method === 'GET' && request.path === `/arm${RESOURCE_ID}?api-version=2024-04-01`) return { status: 200, body: site };
    if (request.method === 'POST' && request.path === `/scm/${SCM}/api/publish?RemoteBuild=false`) return { status: 202, body: 'dep-42' };
    if (request.method === 'GET' && request.path === `/scm/${SCM}/api/deployments/dep-42`) {
      const step = statuses[Math.min(polls++, statuses.length - 1)]!;
      return { status: 200, body: { id: 'dep-42', complete: step.status >= 3, log_url: `https://${SCM}/api/deployments/dep-42/log`, ...step } };
    }
    return undefined;
  };
}

let standIn: AzureStandIn | undefined;
afterEach(async () => {
  await standIn?.close();
  standIn = undefined;
});

let dir: string;
let zip: Uint8Array;
beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'one-deploy-'));
  mkdirSync(path.join(dir, 'dist'));
  mkdirSync(path.join(dir, 'node_modules', 'zod'), { recursive: true });
  writeFileSync(path.join(dir, 'host.json'), '{"version":"2.0"}');
  writeFileSync(path.join(dir, 'package.json'), '{"main":"dist/api.cjs"}');
  writeFileSync(path.join(dir, 'dist', 'api.cjs'), 'module.exports = {};');
  writeFileSync(path.join(dir, 'node_modules', 'zod', 'package.json'), '{"name":"zod"}');
  zip = await zipFolder(dir);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('uploads the package to the one-deploy endpoint and waits until the deployment succeeded', async () => {
  standIn = await startAzureStandIn(functionsRoute([{ status: 0 }, { status: 1, status_text: 'Building' }, { status: 2, status_text: 'Deploying' }, { status: 4, status_text: 'Deployment successful.' }]));
  const lines: string[] = [];
  const result = await oneDeploy(standIn.access, { resourceId: RESOURCE_ID, zip, sleep: async () => undefined, log: (l) => lines.push(l) });

  expect(result).toEqual({ deploymentId: 'dep-42', statusText: 'Deployment successful.', publishUrl: expect.stringMatching(/\/api\/publish\?RemoteBuild=false$/), hostName: 'func-mentordev-abcde.azurewebsites.net' });
  const upload = standIn.requests.find((r) => r.method === 'POST')!;
  expect(upload.path).toBe(`/scm/${SCM}/api/publish?RemoteBuild=false`);
  expect(upload.headers['content-type']).toBe('application/zip');
  expect(upload.headers.authorization).toBe(`Bearer ${TOKEN}`);
  const files = Object.keys((await JSZip.loadAsync(upload.body)).files).filter((f) => !f.endsWith('/')).sort();
  expect(files).toEqual(['dist/api.cjs', 'host.json', 'node_modules/zod/package.json', 'package.json']);
  expect(standIn.requests.filter((r) => r.path.includes('/api/deployments/dep-42'))).toHaveLength(4);
  expect(standIn.requests.some((r) => r.path.includes('zipdeploy'))).toBe(false);
  expect(lines.at(-1)).toBe('Deployment dep-42 succeeded.');
});

test('a failed deployment fails the step with the reason and the log, although the SCM site answered 200', async () => {
  standIn = await startAzureStandIn(functionsRoute([{ status: 1 }, { status: 3, status_text: 'Package deployment failed: host.json is invalid' }]));
  const attempt = oneDeploy(standIn.access, { resourceId: RESOURCE_ID, zip, sleep: async () => undefined });
  await expect(attempt).rejects.toThrow(LifecycleError);
  await expect(attempt).rejects.toThrow(`Deployment dep-42 failed: Package deployment failed: host.json is invalid. Log: https://${SCM}/api/deployments/dep-42/log`);
});

test('a deployment that never finishes stops at the timeout and says where to follow it', async () => {
  standIn = await startAzureStandIn(functionsRoute([{ status: 1, status_text: 'Building' }]));
  await expect(oneDeploy(standIn.access, { resourceId: RESOURCE_ID, zip, timeoutMs: 0, sleep: async () => undefined })).rejects.toThrow(/has not finished in time \(last: status 1 Building\); follow it at .*\/api\/deployments\/dep-42/);
});

test('an app on another plan is refused before anything is uploaded', async () => {
  standIn = await startAzureStandIn(functionsRoute([{ status: 4 }], flexSite('Dynamic')));
  await expect(oneDeploy(standIn.access, { resourceId: RESOURCE_ID, zip })).rejects.toThrow(/"Dynamic", not Flex Consumption/);
  expect(standIn.requests.map((r) => r.method)).toEqual(['GET']);
});

test('a resource id that is not a Function App is refused with what to do', async () => {
  standIn = await startAzureStandIn(() => undefined);
  await expect(oneDeploy(standIn.access, { resourceId: '', zip })).rejects.toThrow(/run provision first/);
  expect(standIn.requests).toEqual([]);
});

describe('the resource group', () => {
  const SUB = '00000000-0000-4000-8000-000000000001';
  const path = `/arm/subscriptions/${SUB}/resourcegroups/rg-mentoring-dev?api-version=2021-04-01`;

  test('is created in AZURE_LOCATION when it does not exist', async () => {
    standIn = await startAzureStandIn((r) => (r.method === 'PUT' && r.path === path ? { status: 201, body: { name: 'rg-mentoring-dev', location: 'westeurope' } } : undefined));
    expect(await ensureResourceGroup(standIn.access, { subscriptionId: SUB, name: 'rg-mentoring-dev', location: 'westeurope' })).toEqual({ created: true, location: 'westeurope' });
    expect(standIn.requests.map((r) => `${r.method} ${r.path}`)).toEqual([`GET ${path}`, `PUT ${path}`]);
    expect(JSON.parse(standIn.requests[1]!.body.toString())).toEqual({ location: 'westeurope', tags: { app: 'mentoring' } });
  });

  test('is left alone when it exists', async () => {
    standIn = await startAzureStandIn((r) => (r.method === 'GET' && r.path === path ? { status: 200, body: { name: 'rg-mentoring-dev', location: 'northeurope' } } : undefined));
    expect(await ensureResourceGroup(standIn.access, { subscriptionId: SUB, name: 'rg-mentoring-dev', location: 'westeurope' })).toEqual({ created: false, location: 'northeurope' });
    expect(standIn.requests.map((r) => r.method)).toEqual(['GET']);
  });

  test('a refusal names the resource group and the reason', async () => {
    standIn = await startAzureStandIn((r) => (r.method === 'GET' ? { status: 403, body: { error: { code: 'AuthorizationFailed', message: 'The client does not have authorization' } } } : undefined));
    await expect(ensureResourceGroup(standIn.access, { subscriptionId: SUB, name: 'rg-mentoring-dev', location: 'westeurope' })).rejects.toThrow(
      `Could not check resource group rg-mentoring-dev in subscription ${SUB}: AuthorizationFailed: The client does not have authorization`,
    );
  });

  test('missing or malformed inputs are named before anything is called', () => {
    expect(() => checkResourceGroupRequest({ subscriptionId: '', name: 'rg', location: ' ' })).toThrow('Set AZURE_SUBSCRIPTION_ID, AZURE_LOCATION in env/.env.<environment> before provisioning.');
    expect(() => checkResourceGroupRequest({ subscriptionId: SUB, name: 'rg with spaces', location: 'westeurope' })).toThrow(/is not a valid resource group name/);
  });
});

describe('the federated credential that replaces the client secret', () => {
  const APP = '11111111-2222-4333-8444-555555555555';
  const TENANT = '3f2504e0-4f89-41d3-9a0c-0305e82c3301';
  const PRINCIPAL = 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee';
  const fic = `/graph/v1.0/applications/${APP}/federatedIdentityCredentials(name='mentoring-function-app')`;

  test("is upserted on the Entra app for the managed identity: Entra ID issuer, the identity's object id, api://AzureADTokenExchange", async () => {
    let exists = false;
    standIn = await startAzureStandIn((r) => {
      if (r.method !== 'PATCH' || decodeURIComponent(r.path) !== fic || r.headers.prefer !== 'create-if-missing') return undefined;
      const status = exists ? 204 : 201;
      exists = true;
      return { status };
    });
    const graph = { graphUrl: standIn.access.managementUrl.replace('/arm', '/graph'), getToken: standIn.access.getToken };
    const request = { applicationObjectId: APP, tenantId: TENANT, identityPrincipalId: PRINCIPAL };
    expect(await trustManagedIdentity(graph, request)).toBe('created');
    expect(await trustManagedIdentity(graph, request)).toBe('updated');
    expect(JSON.parse(standIn.requests[0]!.body.toString())).toEqual({
      issuer: `https://login.microsoftonline.com/${TENANT}/v2.0`,
      subject: PRINCIPAL,
      audiences: ['api://AzureADTokenExchange'],
      description: expect.any(String),
    });
    expect(federatedCredentialFor(request).name).toBe('mentoring-function-app');
  });

  test('a refusal says who may add it; ids that provision did not write are named before any call', async () => {
    standIn = await startAzureStandIn(() => ({ status: 403, body: { error: { code: 'Authorization_RequestDenied', message: 'Insufficient privileges to complete the operation.' } } }));
    const graph = { graphUrl: standIn.access.managementUrl.replace('/arm', '/graph'), getToken: standIn.access.getToken };
    await expect(trustManagedIdentity(graph, { applicationObjectId: APP, tenantId: TENANT, identityPrincipalId: PRINCIPAL })).rejects.toThrow(/Authorization_RequestDenied .*must own the app/);
    const before = standIn.requests.length;
    await expect(trustManagedIdentity(graph, { applicationObjectId: '', tenantId: TENANT, identityPrincipalId: 'x' })).rejects.toThrow(/AAD_APP_OBJECT_ID, API_IDENTITY_PRINCIPAL_ID must be ids written by the earlier provision steps/);
    expect(standIn.requests.length).toBe(before);
  });
});

test("local debugging's secret expiry is the newest secret's end date, handed to the Toolkit as an env output", async () => {
  const APP = '11111111-2222-4333-8444-555555555555';
  standIn = await startAzureStandIn((r) =>
    r.method === 'GET' && decodeURIComponent(r.path) === `/graph/v1.0/applications/${APP}?$select=passwordCredentials`
      ? { status: 200, body: { passwordCredentials: [{ keyId: 'old', endDateTime: '2027-01-10T08:00:00Z' }, { keyId: 'new', endDateTime: '2027-07-09T08:00:00Z' }] } }
      : undefined,
  );
  const graph = { graphUrl: standIn.access.managementUrl.replace('/arm', '/graph'), getToken: standIn.access.getToken };
  const expiresOn = await newestSecretExpiry(graph, APP);
  expect(expiresOn).toBe('2027-07-09T08:00:00.000Z');
  expect(outputLine(expiresOn)).toBe('::set-teamsfx-env AAD_APP_CLIENT_SECRET_EXPIRES_ON=2027-07-09T08:00:00.000Z');
});

describe('after the deployment, the new code must answer /api/health', () => {
  test('waits through a cold start (503) until 200', async () => {
    const answers = [503, 503, 200];
    standIn = await startAzureStandIn(() => undefined);
    const { createServer } = await import('node:http');
    const server = createServer((_req, res) => {
      const status = answers.shift() ?? 200;
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(status === 200 ? { status: 'ok' } : { status: 'degraded', components: { storage: { status: 'unavailable', detail: 'Table Storage did not answer' } } }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as { port: number }).port}/api/health`;
    try {
      await waitForHealth(url, { sleep: async () => undefined });
      expect(answers).toEqual([]);
      answers.push(503, 503, 503);
      await expect(waitForHealth(url, { timeoutMs: 0, sleep: async () => undefined })).rejects.toThrow(`is not healthy (last: HTTP 503 — storage: unavailable (Table Storage did not answer))`);
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
