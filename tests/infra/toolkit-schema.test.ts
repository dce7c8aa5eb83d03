/**
 * The lifecycle files against the Toolkit's own published YAML schema for the version they declare
 * (tests/fixtures/toolkit: copied from @microsoft/m365agentstoolkit-cli, source URL in its README),
 * and every ${{VAR}} they use resolvable at the step that uses it.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';
import { parseLifecycle, unresolvedVariables, type Lifecycle, type LifecycleAction } from './lifecycle-analysis';

const root = path.resolve(__dirname, '..', '..');
const read = (file: string) => readFileSync(path.join(root, file), 'utf8');
const LIFECYCLE_FILES = ['teamsapp.yml', 'm365agents.yml', 'teamsapp.local.yml', 'm365agents.local.yml'];

function validatorFor(version: string) {
  const schemaFile = path.join(root, 'tests', 'fixtures', 'toolkit', `yaml.schema.${version}.json`);
  const ajv = new Ajv({ allErrors: true, strict: false });
  return ajv.compile(JSON.parse(readFileSync(schemaFile, 'utf8')) as object);
}

function schemaErrors(lifecycle: Lifecycle): string[] {
  const validate = validatorFor(lifecycle.version);
  if (validate(lifecycle)) return [];
  // anyOf over every action type reports each branch; the branch for the action's own `uses` is the one that matters.
  return (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ''} ${JSON.stringify(e.params)}`);
}

describe.each(LIFECYCLE_FILES)('%s', (file) => {
  const text = read(file);
  const lifecycle = parseLifecycle(text);

  test('declares the version of the schema it points the YAML language server at', () => {
    expect(text.split('\n')[0]).toBe(`# yaml-language-server: $schema=https://aka.ms/m365-agents-toolkits/${lifecycle.version}/yaml.schema.json`);
    expect(lifecycle.version).toBe('v1.11');
  });

  test("validates against the Toolkit's published schema for that version", () => {
    expect(schemaErrors(lifecycle)).toEqual([]);
  });
});

test('the schema check catches an unknown action, a misspelt input and a missing required one', () => {
  const lifecycle = parseLifecycle(read('teamsapp.yml'));
  const broken = structuredClone(lifecycle);
  broken.deploy!.push({ uses: 'azureFunctions/oneDeploy', with: {} });
  expect(schemaErrors(broken).length).toBeGreaterThan(0);
  const misspelt = structuredClone(lifecycle);
  (misspelt.provision!.find((a) => a.uses === 'arm/deploy')!.with as Record<string, unknown>).resourceGroup = 'x';
  expect(schemaErrors(misspelt).length).toBeGreaterThan(0);
  const missing = structuredClone(lifecycle);
  delete (missing.deploy!.find((a) => a.uses === 'script')!.with as Record<string, unknown>).run;
  expect(schemaErrors(missing).length).toBeGreaterThan(0);
});

/** The files an action renders with ${{VAR}} substitution. */
function filesOf(action: LifecycleAction): string[] {
  const input = action.with ?? {};
  if (action.uses === 'arm/deploy') return (input.templates as { parameters?: string }[]).flatMap((t) => (t.parameters ? [read(t.parameters)] : []));
  if (action.uses === 'aadApp/update') return [read(String(input.manifestPath))];
  if (action.uses === 'teamsApp/validateManifest' || action.uses === 'teamsApp/zipAppPackage') {
    const manifestPath = String(input.manifestPath);
    const manifest = JSON.parse(read(manifestPath)) as {
      localizationInfo?: { additionalLanguages?: { file: string }[] };
      copilotAgents?: { declarativeAgents?: { file: string }[] };
    };
    const dir = path.dirname(manifestPath);
    const localizations = (manifest.localizationInfo?.additionalLanguages ?? []).map((l) => read(path.join(dir, l.file)));
    if (action.uses === 'teamsApp/validateManifest') return [read(manifestPath), ...localizations];
    // The zip also renders the Copilot agent, its plugin manifests and their OpenAPI documents.
    const agentFiles = (manifest.copilotAgents?.declarativeAgents ?? []).flatMap((agentRef) => {
      const agent = JSON.parse(read(path.join(dir, agentRef.file))) as { actions?: { file: string }[] };
      return [
        read(path.join(dir, agentRef.file)),
        ...(agent.actions ?? []).flatMap((action) => {
          const plugin = JSON.parse(read(path.join(dir, action.file))) as { runtimes?: { spec?: { url?: string } }[] };
          const specs = (plugin.runtimes ?? []).flatMap((r) => (r.spec?.url ? [read(path.join(dir, r.spec.url))] : []));
          return [read(path.join(dir, action.file)), ...specs];
        }),
      ];
    });
    return [read(manifestPath), ...localizations, ...agentFiles];
  }
  return [];
}

/**
 * arm/deploy writes every output of its Bicep templates to the env file under the output's name; a
 * script writes what it prints as `::set-teamsfx-env NAME=value`.
 */
function outputsOf(action: LifecycleAction): string[] {
  if (action.uses === 'script') {
    const script = /^npx tsx (scripts\/[\w/-]+\.ts)$/.exec(String(action.with?.run))?.[1];
    return script ? [...read(script).matchAll(/::set-teamsfx-env (\w+)=/g)].map((m) => m[1]!) : [];
  }
  if (action.uses !== 'arm/deploy') return [];
  return (action.with!.templates as { path: string }[]).flatMap((t) => [...read(t.path).matchAll(/^output (\w+) /gm)].map((m) => m[1]!));
}

describe.each([
  ['teamsapp.yml', 'env/.env.dev'],
  ['m365agents.yml', 'env/.env.dev'],
  ['teamsapp.local.yml', 'env/.env.local'],
  ['m365agents.local.yml', 'env/.env.local'],
])('%s with %s', (file, envFile) => {
  test('every ${{VAR}} is set in the committed env file, by the Toolkit, or by an earlier action', () => {
    expect(unresolvedVariables(parseLifecycle(read(file)), read(envFile), filesOf, outputsOf)).toEqual([]);
  });
});

test('the walk reports a variable used before the action that writes it, and an empty input', () => {
  const lifecycle = parseLifecycle(read('teamsapp.yml'));
  const reordered = structuredClone(lifecycle);
  const arm = reordered.provision!.findIndex((a) => a.uses === 'arm/deploy');
  const [armAction] = reordered.provision!.splice(arm, 1);
  reordered.provision!.push(armAction!);
  expect(unresolvedVariables(reordered, read('env/.env.dev'), filesOf, outputsOf)).toEqual(
    expect.arrayContaining([{ stage: 'provision', action: 'azureStorage/enableStaticWebsite', variable: 'TAB_STORAGE_RESOURCE_ID' }]),
  );
  const emptied = read('env/.env.dev').replace(/^RESOURCE_SUFFIX=.*$/m, 'RESOURCE_SUFFIX=');
  expect(unresolvedVariables(lifecycle, emptied, filesOf, outputsOf)).toEqual([{ stage: 'provision', action: 'arm/deploy', variable: 'RESOURCE_SUFFIX' }]);
});
