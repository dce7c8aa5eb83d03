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
    if (key) (sections[current] ??= []).push(key);
  }
  return sections;
}

/** Built-in variables the Toolkit sets itself. */
export const TOOLKIT_VARIABLES = new Set(['TEAMSFX_ENV', 'AZURE_SUBSCRIPTION_ID', 'AZURE_RESOURCE_GROUP_NAME']);
