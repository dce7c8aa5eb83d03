import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Parser } from 'web-tree-sitter';
import { bicepParser, declarations, parameterMismatches, syntaxProblems, undeclaredOutputs } from './bicep-analysis';
import { environmentSections, parseLifecycle, TOOLKIT_VARIABLES, variablesUsed, writtenByActions } from './lifecycle-analysis';

const root = path.resolve(__dirname, '..', '..');
const infra = path.join(root, 'infra');
const read = (file: string) => readFileSync(path.join(root, file), 'utf8');

const bicepFiles = [
  'infra/main.bicep',
  ...readdirSync(path.join(infra, 'modules'))
    .filter((f) => f.endsWith('.bicep'))
    .map((f) => `infra/modules/${f}`),
];

/**
 * The env variables teamsapp.yml needs from arm/deploy: every variable used by the lifecycle and
 * the files it renders (app manifest, Entra manifest, parameters file) that no action writes, the
 * Toolkit does not set, and env/.env.dev does not take as an input.
 */
function outputsNeededByLifecycle(): Set<string> {
  const lifecycleText = read('teamsapp.yml');
  const used = new Set([
    ...variablesUsed(lifecycleText),
    ...variablesUsed(read('appPackage/manifest.json')),
    ...variablesUsed(read('aad.manifest.json')),
    ...variablesUsed(read('infra/main.parameters.json')),
  ]);
  const written = writtenByActions(parseLifecycle(lifecycleText));
  const inputs = new Set(environmentSections(read('env/.env.dev'))['Inputs']);
  return new Set([...used].filter((v) => !written.has(v) && !TOOLKIT_VARIABLES.has(v) && !inputs.has(v) && !v.startsWith('SECRET_')));
}

let parser: Parser;
beforeAll(async () => {
  parser = await bicepParser();
});

describe('Bicep syntax (tree-sitter-bicep)', () => {
  test.each(bicepFiles)('%s parses without ERROR or MISSING nodes', (file) => {
    expect(syntaxProblems(parser, read(file))).toEqual([]);
  });

  test('the check catches broken Bicep', () => {
    const broken = read('infra/modules/bot.bicep').replace("kind: 'azurebot'", "kind: 'azurebot'\n  sku: {\n    name: 'F0'\n");
    expect(syntaxProblems(parser, broken).length).toBeGreaterThan(0);
    expect(syntaxProblems(parser, "param a string\nparam b string = \n").length).toBeGreaterThan(0);
  });
});

describe('cross-references', () => {
  const main = () => declarations(parser, read('infra/main.bicep'));
  const parameterFile = () => JSON.parse(read('infra/main.parameters.json')) as { parameters: Record<string, unknown> };

  test('every parameter the parameters file sets exists in main.bicep, and every required one is set', () => {
    expect(parameterMismatches(main().params, parameterFile())).toEqual({ unknown: [], missingRequired: [] });
  });

  test('the parameter check fails on an unknown or a missing parameter', () => {
    const file = parameterFile();
    file.parameters.botSku = { value: 'S1' };
    delete file.parameters.entraAppClientId;
    expect(parameterMismatches(main().params, file)).toEqual({ unknown: ['botSku'], missingRequired: ['entraAppClientId'] });
  });

  test('every output teamsapp.yml uses is declared in main.bicep', () => {
    const needed = outputsNeededByLifecycle();
    // The ones the deploy steps and the package cannot do without, so an empty set cannot pass silently.
    for (const name of ['TAB_ENDPOINT', 'TAB_DOMAIN', 'TAB_STORAGE_RESOURCE_ID', 'API_FUNCTION_APP_RESOURCE_ID', 'BOT_ID', 'BOT_DOMAIN']) {
      expect(needed).toContain(name);
    }
    expect(undeclaredOutputs(main().outputs, needed)).toEqual([]);
  });

  test('the output check fails when a referenced output is removed', () => {
    const withoutOutput = read('infra/main.bicep').replace(/^output TAB_STORAGE_RESOURCE_ID .*$/m, '');
    expect(withoutOutput).not.toContain('output TAB_STORAGE_RESOURCE_ID');
    expect(syntaxProblems(parser, withoutOutput)).toEqual([]);
    expect(undeclaredOutputs(declarations(parser, withoutOutput).outputs, outputsNeededByLifecycle())).toEqual(['TAB_STORAGE_RESOURCE_ID']);
  });

  test('every variable env/.env.dev expects from provision is written by an action or a main.bicep output', () => {
    const written = writtenByActions(parseLifecycle(read('teamsapp.yml')));
    const fromProvision = environmentSections(read('env/.env.dev'))['Written by provision'] ?? [];
    const notProduced = fromProvision.filter((v) => !written.has(v));
    expect(undeclaredOutputs(main().outputs, notProduced)).toEqual([]);
  });

  test('modules get only parameters they declare, all required ones, and expose the outputs main.bicep reads', () => {
    const mainDeclarations = main();
    const problems: string[] = [];
    for (const use of mainDeclarations.modules) {
      const module = declarations(parser, read(path.join('infra', use.path)));
      for (const p of use.params) if (!module.params.has(p)) problems.push(`${use.path}: no param ${p}`);
      for (const [p, { hasDefault }] of module.params) if (!hasDefault && !use.params.includes(p)) problems.push(`${use.path}: ${p} not given`);
      for (const ref of mainDeclarations.moduleOutputReferences.filter((r) => r.symbol === use.symbol)) {
        if (!module.outputs.has(ref.output)) problems.push(`${use.path}: no output ${ref.output}`);
      }
    }
    expect(mainDeclarations.modules.map((m) => m.symbol).sort()).toEqual(['bot', 'dataStorage', 'functionApp', 'monitoring', 'tabHosting']);
    expect(problems).toEqual([]);
  });
});

describe('what the infrastructure promises', () => {
  const all = () => bicepFiles.map(read).join('\n');

  test('the Function App is Flex Consumption on Node 22 with a managed identity', () => {
    const functionApp = read('infra/modules/function-app.bicep');
    expect(functionApp).toMatch(/tier: 'FlexConsumption'\s+name: 'FC1'/);
    expect(functionApp).toMatch(/runtime: \{\s+name: 'node'\s+version: '22'/);
    expect(functionApp).toMatch(/type: 'UserAssigned'/);
  });

  test('no secret exists in Azure: Graph through a federated credential on the managed identity, storage without keys', () => {
    const functionApp = read('infra/modules/function-app.bicep');
    expect(functionApp).toContain("{ name: 'AUTH_FEDERATED_IDENTITY_CLIENT_ID', value: identityClientId }");
    expect(functionApp).not.toMatch(/AUTH_CLIENT_SECRET|KeyVault|AccountKey|listKeys|BOT_PASSWORD|connectionString\(/i);
    expect(read('infra/modules/data-storage.bicep')).toContain('allowSharedKeyAccess: false');
    expect(all()).not.toMatch(/@secure\(\)|Microsoft\.KeyVault/);
    expect(read('infra/main.bicep')).toContain('output API_IDENTITY_PRINCIPAL_ID string = identity.properties.principalId');
  });

  test('the bot is an Azure Bot with the Teams channel, signing in as the managed identity', () => {
    const bot = read('infra/modules/bot.bicep');
    expect(bot).toContain("msaAppType: 'UserAssignedMSI'");
    expect(bot).toContain("channelName: 'MsTeamsChannel'");
    expect(read('infra/main.bicep')).toContain("messagingEndpoint: 'https://${functionApp.outputs.hostName}/api/messages'");
  });

  test('every setting the API host validates at start-up is set on the Function App', () => {
    const functionApp = read('infra/modules/function-app.bicep');
    for (const setting of ['MENTORING_MODE', 'STORAGE_TABLE_ENDPOINT', 'STORAGE_QUEUE_ENDPOINT', 'AUTH_CLIENT_ID', 'AUTH_FEDERATED_IDENTITY_CLIENT_ID', 'BOT_ID', 'BOT_TENANT_ID', 'BOT_TYPE', 'TAB_ENDPOINT', 'APPLICATIONINSIGHTS_CONNECTION_STRING']) {
      expect([setting, functionApp.includes(`name: '${setting}'`)]).toEqual([setting, true]);
    }
    expect(all()).toContain("DisableLocalAuth: true");
  });

  test('the Outlook add-in\'s id is the Teams app id: bookings carry its custom properties in Azure', () => {
    expect(read('infra/modules/function-app.bicep')).toContain("{ name: 'OUTLOOK_ADDIN_ID', value: teamsAppId }");
  });
});
