/** Reads teamsapp.yml the way the tests need it: which variables it uses and which its actions write. */
// js-yaml comes with the test tooling (jest → @istanbuljs); a YAML syntax error fails here.
const yaml = require('js-yaml') as { load(text: string): unknown };

export interface LifecycleAction {
  uses: string;
  with?: Record<string, unknown>;
  writeToEnvironmentFile?: Record<string, string>;
}

export type Lifecycle = { version: string; environmentFolderPath?: string } & Partial<Record<'provision' | 'deploy' | 'publish', LifecycleAction[]>>;

export function parseLifecycle(text: string): Lifecycle {
  return yaml.load(text) as Lifecycle;
}

export function variablesUsed(text: string): Set<string> {
  return new Set([...text.matchAll(/\$\{\{\s*([A-Za-z_]\w*)\s*\}\}/g)].map((m) => m[1]!));
}

/** Variables some actions write without a writeToEnvironmentFile entry (Toolkit action reference). */
const IMPLICIT_OUTPUTS: Record<string, string[]> = {
  'aadApp/update': ['AAD_APP_ACCESS_AS_USER_PERMISSION_ID'],
  'teamsApp/create': ['TEAMS_APP_TENANT_ID'],
  'teamsApp/update': ['TEAMS_APP_TENANT_ID', 'TEAMS_APP_UPDATE_TIME'],
};

/**
 * Variables an action generates for itself before rendering its files: aadApp/update gives the
 * manifest's AAD_APP_ACCESS_AS_USER_PERMISSION_ID a new id when the variable is empty (Toolkit action
 * reference, aadApp/update).
 */
const SELF_PROVIDED: Record<string, string[]> = {
  'aadApp/update': ['AAD_APP_ACCESS_AS_USER_PERMISSION_ID'],
};

/** Variables written by actions (writeToEnvironmentFile, plus the implicit ones) in any lifecycle stage. */
export function writtenByActions(lifecycle: Lifecycle): Set<string> {
  const written = new Set<string>();
  for (const stage of ['provision', 'deploy', 'publish'] as const) {
    for (const action of lifecycle[stage] ?? []) {
      for (const name of [...Object.values(action.writeToEnvironmentFile ?? {}), ...(IMPLICIT_OUTPUTS[action.uses] ?? [])]) written.add(name);
    }
  }
  return written;
}

/** Env file sections by their "# Heading" comment lines ("Inputs", "Written by provision"). */
export function environmentSections(text: string): Record<string, string[]> {
  const sections: Record<string, string[]> = {};
  let current = '';
  for (const line of text.split(/\r?\n/)) {
    const heading = /^#\s*(Inputs|Written by provision|Endpoints)\b/.exec(line);
    if (heading) current = heading[1]!;
    const key = /^([A-Za-z_]\w*)=/.exec(line)?.[1];
    if (key) {
      const keys = sections[current] ?? [];
      keys.push(key);
      sections[current] = keys;
    }
  }
  return sections;
}

/** Built-in variables the Toolkit sets itself. */
export const TOOLKIT_VARIABLES = new Set(['TEAMSFX_ENV', 'AZURE_SUBSCRIPTION_ID', 'AZURE_RESOURCE_GROUP_NAME']);

/** Values set non-empty in an env file's text (`KEY=value`, quotes stripped). */
export function nonEmptyValues(envText: string): Set<string> {
  const set = new Set<string>();
  for (const line of envText.split(/\r?\n/)) {
    const match = /^([A-Za-z_]\w*)=(.*)$/.exec(line.trim());
    if (match && match[2]!.trim().replace(/^(['"])(.*)\1$/, '$2').trim() !== '') set.add(match[1]!);
  }
  return set;
}

/** What the Toolkit resolves itself before the first action (it asks for the subscription and resource group of lifecycles that deploy to Azure). */
export function toolkitProvided(lifecycle: Lifecycle): Set<string> {
  const azure = ['provision', 'deploy'].some((stage) => (lifecycle[stage as 'provision' | 'deploy'] ?? []).some((a) => a.uses === 'arm/deploy' || a.uses.startsWith('azure')));
  return new Set(['TEAMSFX_ENV', ...(azure ? ['AZURE_SUBSCRIPTION_ID', 'AZURE_RESOURCE_GROUP_NAME'] : [])]);
}

export interface UnresolvedVariable {
  readonly stage: string;
  readonly action: string;
  readonly variable: string;
}

/**
 * Walks the lifecycle in the order the Toolkit runs it (provision, then deploy, then publish, each
 * action after the ones before it) and lists every ${{VAR}} an action uses — in its own YAML or in the
 * files it renders — that is neither set non-empty in the env file, nor provided by the Toolkit, nor
 * written by an earlier action. `filesOf` gives the text of the files an action renders.
 */
export function unresolvedVariables(lifecycle: Lifecycle, envText: string, filesOf: (action: LifecycleAction) => string[], outputsOf: (action: LifecycleAction) => string[] = () => []): UnresolvedVariable[] {
  const available = new Set([...nonEmptyValues(envText), ...toolkitProvided(lifecycle)]);
  const unresolved: UnresolvedVariable[] = [];
  for (const stage of ['provision', 'deploy', 'publish'] as const) {
    for (const action of lifecycle[stage] ?? []) {
      const texts = [JSON.stringify({ ...action, writeToEnvironmentFile: undefined }), ...filesOf(action)];
      const label = (action as { name?: string }).name ? `${action.uses} (${(action as { name?: string }).name})` : action.uses;
      for (const name of SELF_PROVIDED[action.uses] ?? []) available.add(name);
      for (const text of texts) for (const variable of variablesUsed(text)) if (!available.has(variable)) unresolved.push({ stage, action: label, variable });
      for (const name of [...Object.values(action.writeToEnvironmentFile ?? {}), ...(IMPLICIT_OUTPUTS[action.uses] ?? []), ...outputsOf(action)]) available.add(name);
    }
  }
  return unresolved.filter((u, i, all) => all.findIndex((o) => o.stage === u.stage && o.action === u.action && o.variable === u.variable) === i);
}
