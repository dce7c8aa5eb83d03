/**
 * The Copilot agent in the app package: the declarative agent and its API plugin validate against
 * Microsoft's published schemas (bundled in @microsoft/app-manifest, so offline), the plugin names
 * only operations its OpenAPI document describes, and that document is the one generated from the
 * zod contracts (it cannot drift: the committed file must equal a fresh generation).
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { buildAppPackage } from '../../scripts/app-package/build-app-package';
import { loadEnvironment } from '../../scripts/app-package/environment-file';
import { newestBundledCopilotVersion, validateAgainstCopilotSchema } from '../../scripts/app-package/manifest-schema';
import { OPENAPI_FILE, openApiDocumentText } from '../../src/api/copilot/openapi-document';
import { PLUGIN_OPERATIONS } from '../../src/api/copilot/plugin-operations';
import { apiFunctions } from '../../src/api/function-table';

const root = path.resolve(__dirname, '..', '..');
const appPackageDir = path.join(root, 'appPackage');
const envDir = path.join(root, 'env');
const readJson = (file: string) => JSON.parse(readFileSync(path.join(appPackageDir, file), 'utf8')) as Record<string, any>;

/** What provision writes (as in app-package.test.ts), plus the Entra SSO registration the README asks for. */
const DEV = {
  ...loadEnvironment(envDir, 'dev'),
  TEAMS_APP_ID: '7e1a2b3c-4d5e-4f60-8a7b-9c0d1e2f3a01',
  AAD_APP_CLIENT_ID: '7e1a2b3c-4d5e-4f60-8a7b-9c0d1e2f3a02',
  AAD_APP_TENANT_ID: '7e1a2b3c-4d5e-4f60-8a7b-9c0d1e2f3a09',
  BOT_ID: '7e1a2b3c-4d5e-4f60-8a7b-9c0d1e2f3a03',
  TAB_ENDPOINT: 'https://stmentordevabcdeweb.z6.web.core.windows.net',
  TAB_DOMAIN: 'stmentordevabcdeweb.z6.web.core.windows.net',
  API_ENDPOINT: 'https://func-mentordev-abcde.azurewebsites.net',
  BOT_ENDPOINT: 'https://func-mentordev-abcde.azurewebsites.net',
  BOT_DOMAIN: 'func-mentordev-abcde.azurewebsites.net',
  COPILOT_SSO_REGISTRATION_ID: 'ZTk3YjNhNDMtMjE1Yy00OWIzLWEyYmEtOGIxZmQ4NmJmMzAxIyM2YTIzZmQ3Ny1hNjAzLTRiYjYtOWQ0Zi1iNGVjNzQ1YjI0ZWM=',
};

let outDir: string;
beforeEach(() => {
  outDir = mkdtempSync(path.join(os.tmpdir(), 'copilot-package-'));
});
afterEach(() => rmSync(outDir, { recursive: true, force: true }));

async function readZip(zipPath: string): Promise<Record<string, string>> {
  const zip = await JSZip.loadAsync(readFileSync(zipPath));
  const entries: Record<string, string> = {};
  for (const name of Object.keys(zip.files)) if (!zip.files[name]!.dir) entries[name] = await zip.file(name)!.async('string');
  return entries;
}

function appPackageCopy(edit: (files: { agent: Record<string, any>; plugin: Record<string, any> }) => void): string {
  const copy = path.join(outDir, 'appPackage');
  cpSync(appPackageDir, copy, { recursive: true, filter: (src) => !src.includes(`${path.sep}build`) });
  const files = { agent: readJson('declarativeAgent.json'), plugin: readJson('ai-plugin.json') };
  edit(files);
  writeFileSync(path.join(copy, 'declarativeAgent.json'), JSON.stringify(files.agent));
  writeFileSync(path.join(copy, 'ai-plugin.json'), JSON.stringify(files.plugin));
  return copy;
}

describe('the agent’s sources', () => {
  const agent = readJson('declarativeAgent.json');
  const plugin = readJson('ai-plugin.json');
  const openApi = readJson(OPENAPI_FILE);
  const operations = Object.entries(openApi.paths as Record<string, Record<string, any>>).flatMap(([route, item]) =>
    Object.entries(item).map(([method, operation]) => ({ route, method: method.toUpperCase(), id: operation.operationId as string })),
  );

  test('are on the newest declarative agent and plugin schemas bundled in @microsoft/app-manifest', () => {
    const agentVersion = newestBundledCopilotVersion('declarative-agent');
    const pluginVersion = newestBundledCopilotVersion('plugin');
    expect([agent.version, agent.$schema]).toEqual([agentVersion, `https://developer.microsoft.com/json-schemas/copilot/declarative-agent/${agentVersion}/schema.json`]);
    expect([plugin.schema_version, plugin.$schema]).toEqual([pluginVersion, `https://developer.microsoft.com/json-schemas/copilot/plugin/${pluginVersion}/schema.json`]);
  });

  test('the committed OpenAPI document is exactly a fresh generation from the contracts (npm run openapi)', () => {
    expect(readFileSync(path.join(appPackageDir, OPENAPI_FILE), 'utf8')).toBe(openApiDocumentText());
  });

  test('every operation of the document is a signed-in function of the table, on its route and method', () => {
    expect(operations.map((o) => o.id)).toEqual(PLUGIN_OPERATIONS.map((o) => o.fn.name));
    for (const operation of operations) {
      const fn = apiFunctions.find((f) => f.name === operation.id);
      expect([operation.id, fn?.auth, fn && `/${fn.route}`, fn?.methods.includes(operation.method as never)]).toEqual([operation.id, 'user', operation.route, true]);
    }
  });

  test('each operation is complete for Copilot: a description, every path parameter declared and required, JSON answers and the error body', () => {
    expect(openApi.openapi).toMatch(/^3\.0\.\d+$/);
    for (const [route, item] of Object.entries(openApi.paths as Record<string, Record<string, any>>)) {
      for (const operation of Object.values(item)) {
        const templated = [...route.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
        const inPath = (operation.parameters ?? []).filter((p: any) => p.in === 'path');
        expect([operation.operationId, inPath.map((p: any) => [p.name, p.required])]).toEqual([operation.operationId, templated.map((name) => [name, true])]);
        for (const parameter of operation.parameters ?? []) expect([operation.operationId, parameter.name, typeof parameter.description, typeof parameter.schema]).toEqual([operation.operationId, parameter.name, 'string', 'object']);
        expect(operation.description.length).toBeGreaterThan(80);
        expect(Object.keys(operation.responses)).toEqual([expect.stringMatching(/^2\d\d$/), 'default']);
        for (const response of Object.values(operation.responses) as any[]) expect(Object.keys(response.content)).toEqual(['application/json']);
      }
    }
  });

  test('the plugin runs exactly the document’s operations, and asks before the one that books', () => {
    const ids = operations.map((o) => o.id);
    expect(plugin.functions.map((f: any) => f.name)).toEqual(ids);
    expect(plugin.runtimes).toHaveLength(1);
    expect(plugin.runtimes[0].run_for_functions).toEqual(ids);
    expect(plugin.runtimes[0].spec.url).toBe(OPENAPI_FILE);
    expect(plugin.runtimes[0].auth).toEqual({ type: 'OAuthPluginVault', reference_id: '${{COPILOT_SSO_REGISTRATION_ID}}' });
    const writes = operations.filter((o) => o.method !== 'GET').map((o) => o.id);
    expect(writes).toEqual(['bookMeetings']);
    for (const fn of plugin.functions) {
      if (writes.includes(fn.name)) expect(fn.capabilities.confirmation).toMatchObject({ type: 'AdaptiveCard', title: expect.any(String), body: expect.stringContaining('{{function.parameters.start}}') });
      else expect(fn.capabilities.confirmation).toBeUndefined();
    }
  });

  test('the agent offers the four questions of the issue and uses the plugin', () => {
    expect(agent.conversation_starters.map((s: any) => s.text)).toEqual([
      'Prepare me for my next mentoring meeting',
      'What did I promise Kacper?',
      'Find a time inside our agreement next week and book it',
      'How are my goals going?',
    ]);
    expect(agent.actions).toEqual([{ id: 'mentoringApi', file: 'ai-plugin.json' }]);
    expect(readJson('manifest.json').copilotAgents).toEqual({ declarativeAgents: [{ id: 'mentoringAgent', file: 'declarativeAgent.json' }] });
  });
});

describe('npm run package with the agent', () => {
  test('dev with the SSO registration: the zip holds the agent, its plugin and OpenAPI document, resolved and schema-valid', async () => {
    const built = await buildAppPackage({ appPackageDir, envDir, envName: 'dev', outDir, environment: DEV });
    expect(built.notes).toEqual([]);
    const entries = await readZip(built.zipPath);
    expect(Object.keys(entries).sort()).toEqual(['ai-plugin.json', OPENAPI_FILE, 'color.png', 'declarativeAgent.json', 'manifest.json', 'outline.png', 'pl.json'].sort());
    for (const file of ['ai-plugin.json', OPENAPI_FILE, 'declarativeAgent.json']) expect(entries[file]).not.toContain('${{');

    const agent = JSON.parse(entries['declarativeAgent.json']!);
    const plugin = JSON.parse(entries['ai-plugin.json']!);
    expect(validateAgainstCopilotSchema(agent, 'declarative-agent', agent.version)).toEqual([]);
    expect(validateAgainstCopilotSchema(plugin, 'plugin', plugin.schema_version)).toEqual([]);
    expect(plugin.runtimes[0].auth).toEqual({ type: 'OAuthPluginVault', reference_id: DEV.COPILOT_SSO_REGISTRATION_ID });
    expect(plugin.privacy_policy_url).toBe(`${DEV.TAB_ENDPOINT}/index.html#/privacy`);

    const openApi = JSON.parse(entries[OPENAPI_FILE]!);
    expect(openApi.servers).toEqual([{ url: `${DEV.API_ENDPOINT}/api` }]);
    const scope = `api://${DEV.TAB_DOMAIN}/${DEV.AAD_APP_CLIENT_ID}/access_as_user`;
    expect(openApi.security).toEqual([{ entraSso: [scope] }]);
    expect(openApi.components.securitySchemes.entraSso.flows.authorizationCode).toEqual({
      authorizationUrl: `https://login.microsoftonline.com/${DEV.AAD_APP_TENANT_ID}/oauth2/v2.0/authorize`,
      tokenUrl: `https://login.microsoftonline.com/${DEV.AAD_APP_TENANT_ID}/oauth2/v2.0/token`,
      scopes: { [scope]: expect.any(String) },
    });
    expect(JSON.parse(entries['manifest.json']!).copilotAgents.declarativeAgents).toEqual([{ id: 'mentoringAgent', file: 'declarativeAgent.json' }]);
  });

  test('without the SSO registration, or on the local http endpoint, the agent is left out and the package says why', async () => {
    const { COPILOT_SSO_REGISTRATION_ID: _id, ...withoutRegistration } = DEV;
    const dev = await buildAppPackage({ appPackageDir, envDir, envName: 'dev', outDir, environment: withoutRegistration });
    expect(dev.manifest.copilotAgents).toBeUndefined();
    expect(dev.notes).toEqual([expect.stringContaining('The Copilot agent is left out of this package: it needs COPILOT_SSO_REGISTRATION_ID')]);
    expect(Object.keys(await readZip(dev.zipPath))).not.toContain('declarativeAgent.json');

    const local = await buildAppPackage({
      appPackageDir,
      envDir,
      envName: 'local',
      outDir,
      environment: { ...loadEnvironment(envDir, 'local'), TEAMS_APP_ID: DEV.TEAMS_APP_ID, AAD_APP_CLIENT_ID: DEV.AAD_APP_CLIENT_ID, BOT_ID: DEV.BOT_ID, COPILOT_SSO_REGISTRATION_ID: 'abc' },
    });
    expect(local.manifest.copilotAgents).toBeUndefined();
    expect(local.notes.at(-1)).toContain('an https API_ENDPOINT (it is http://127.0.0.1:7071)');
  });

  test('a plugin function the OpenAPI document does not describe, or a broken agent, fails naming the file and the path', async () => {
    const broken = appPackageCopy(({ agent, plugin }) => {
      delete agent.name;
      plugin.functions.push({ name: 'deleteEverything', description: 'No such operation' });
      plugin.runtimes[0].run_for_functions.push('deleteEverything');
      plugin.functions[0].capabilities.confirmation = { type: 'Popup' };
    });
    await expect(buildAppPackage({ appPackageDir: broken, envDir, envName: 'dev', outDir, environment: DEV })).rejects.toMatchObject({
      code: 'APP_PACKAGE.INVALID_MANIFEST',
      details: expect.arrayContaining([
        "declarativeAgent.json/ must have required property 'name' {\"missingProperty\":\"name\"}",
        expect.stringMatching(/^ai-plugin\.json\/functions\/0\/capabilities\/confirmation\/type must be equal to one of the allowed values/),
        `ai-plugin.json: run_for_functions names deleteEverything, which ${OPENAPI_FILE} does not describe`,
        'ai-plugin.json: function deleteEverything is no operationId of its OpenAPI document',
      ]),
    });
  });

  test('with the registration but before provision wrote the tenant, the missing value is named', async () => {
    await expect(buildAppPackage({ appPackageDir, envDir, envName: 'dev', outDir, environment: { ...DEV, AAD_APP_TENANT_ID: '' } })).rejects.toMatchObject({
      code: 'APP_PACKAGE.UNRESOLVED_PLACEHOLDER',
      details: ['AAD_APP_TENANT_ID'],
    });
  });
});
