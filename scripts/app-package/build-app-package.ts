import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { loadEnvironment, type Environment } from './environment-file';
import { validateAgainstBundledSchema, validateAgainstCopilotSchema } from './manifest-schema';
import { resolvePlaceholders } from './placeholders';

export interface AppPackageOptions {
  appPackageDir: string;
  envDir: string;
  envName: string;
  /** Where the zip goes; defaults to <appPackageDir>/build. */
  outDir?: string;
  /** Overrides the env files (tests pass an in-memory environment). */
  environment?: Environment;
}

export interface BuiltAppPackage {
  zipPath: string;
  manifest: Record<string, unknown>;
  /** Resolved JSON of every file in the zip other than the icons, by file name. */
  jsonFiles: Record<string, unknown>;
  files: string[];
  /** What the package leaves out and why (printed by `npm run package`). */
  notes: string[];
}

/** Expected failures of packaging, each naming what to fix. */
export class AppPackageError extends Error {
  constructor(
    readonly code: 'APP_PACKAGE.UNRESOLVED_PLACEHOLDER' | 'APP_PACKAGE.INVALID_MANIFEST' | 'APP_PACKAGE.MISSING_FILE',
    message: string,
    readonly details: string[] = [],
  ) {
    super(message);
  }
}

interface ManifestFileReferences {
  manifestVersion?: unknown;
  icons?: { color?: unknown; outline?: unknown; color32x32?: unknown };
  localizationInfo?: { defaultLanguageFile?: unknown; additionalLanguages?: { file?: unknown }[] };
}

function referencedFiles(manifest: ManifestFileReferences): { icons: string[]; localizations: string[] } {
  const strings = (values: unknown[]) => values.filter((v): v is string => typeof v === 'string');
  return {
    icons: strings([manifest.icons?.color, manifest.icons?.outline, manifest.icons?.color32x32]),
    localizations: strings([
      manifest.localizationInfo?.defaultLanguageFile,
      ...(manifest.localizationInfo?.additionalLanguages ?? []).map((l) => l.file),
    ]),
  };
}

function readPackageFile(appPackageDir: string, relativePath: string): Buffer {
  const full = path.resolve(appPackageDir, relativePath);
  if (!full.startsWith(path.resolve(appPackageDir) + path.sep)) {
    throw new AppPackageError('APP_PACKAGE.MISSING_FILE', `The manifest refers to ${relativePath}, which is outside appPackage/.`);
  }
  try {
    return readFileSync(full);
  } catch {
    throw new AppPackageError('APP_PACKAGE.MISSING_FILE', `The manifest refers to ${relativePath}, but appPackage/${relativePath} does not exist.`);
  }
}

function resolveJson(fileName: string, text: string, environment: Environment, envName: string): unknown {
  const resolved = resolvePlaceholders(text, environment);
  if (!resolved.ok) {
    throw new AppPackageError(
      'APP_PACKAGE.UNRESOLVED_PLACEHOLDER',
      `${fileName}: no value for ${resolved.unresolved.map((n) => `\${{${n}}}`).join(', ')} in env/.env.${envName} or env/.env.${envName}.user. ` +
        'Set them there (or provision the environment, which writes them).',
      resolved.unresolved,
    );
  }
  return JSON.parse(resolved.text) as unknown;
}

interface AddInParts {
  extensions?: { runtimes?: { code?: { page?: unknown; script?: unknown } }[] }[];
  authorization?: { permissions?: { resourceSpecific?: { name: string }[] } };
}

/**
 * Outlook loads an add-in's pages and scripts only over https (the schema says so too). The pure local
 * environment serves the tab on http://127.0.0.1 for Teams' local stand-ins, so its package carries the
 * tab and the bot without the Outlook add-in (and without the mailbox item permission only the add-in
 * uses), and says why; with a dev tunnel's https endpoint the add-in is in.
 */
function leaveOutAddInWithoutHttps(manifest: Record<string, unknown> & AddInParts): string[] {
  const urls = (manifest.extensions ?? []).flatMap((e) => (e.runtimes ?? []).flatMap((r) => [r.code?.page, r.code?.script]));
  const insecure = urls.filter((u): u is string => typeof u === 'string' && !/^https:\/\//i.test(u));
  if (insecure.length === 0) return [];
  delete manifest.extensions;
  const rsc = manifest.authorization?.permissions?.resourceSpecific?.filter((p) => !p.name.startsWith('MailboxItem.'));
  if (rsc && rsc.length > 0) manifest.authorization!.permissions!.resourceSpecific = rsc;
  else delete manifest.authorization;
  return [
    `The Outlook add-in is left out of this package: Outlook loads add-ins only over https, and ${insecure[0]} is not. ` +
      'Put a dev tunnel\'s https URL in TAB_ENDPOINT (docs/try-it-in-your-tenant.md) to include it; the local harness (npm start) runs the add-in without Outlook.',
  ];
}

interface CopilotParts {
  copilotAgents?: { declarativeAgents?: { file?: unknown }[] };
}

/**
 * The Copilot agent's API plugin signs in with Microsoft Entra SSO: Copilot needs the plugin's SSO
 * registration (its id in COPILOT_SSO_REGISTRATION_ID, written by provision's oauth/register or made
 * in the Teams developer portal) and reaches the API only over https. Without both, the package carries the app without the agent, and says why.
 */
function leaveOutCopilotAgentWithoutSso(manifest: Record<string, unknown> & CopilotParts, environment: Environment): string[] {
  if (!manifest.copilotAgents) return [];
  const missing: string[] = [];
  if (!environment.COPILOT_SSO_REGISTRATION_ID) missing.push('COPILOT_SSO_REGISTRATION_ID (the plugin\'s Microsoft Entra SSO registration, which provision writes)');
  if (!/^https:\/\//i.test(environment.API_ENDPOINT ?? '')) missing.push(`an https API_ENDPOINT (it is ${environment.API_ENDPOINT ? environment.API_ENDPOINT : 'empty'})`);
  if (missing.length === 0) return [];
  delete manifest.copilotAgents;
  return [`The Copilot agent is left out of this package: it needs ${missing.join(' and ')}. README "Copilot" says how to set them up.`];
}

/** Ids of the operations an OpenAPI document describes. */
function operationIds(openApi: unknown): Set<string> {
  const ids = new Set<string>();
  const paths = (openApi as { paths?: Record<string, Record<string, { operationId?: unknown }>> }).paths ?? {};
  for (const item of Object.values(paths)) for (const operation of Object.values(item)) if (typeof operation.operationId === 'string') ids.add(operation.operationId);
  return ids;
}

interface PluginParts {
  schema_version?: unknown;
  functions?: { name?: unknown }[];
  runtimes?: { spec?: { url?: unknown }; run_for_functions?: unknown[] }[];
}

/**
 * The declarative agent, its plugin manifests and their OpenAPI documents: resolved, validated
 * against Microsoft's schemas of their versions, and checked to name only operations the OpenAPI
 * document describes (a function Copilot cannot call is refused here, not at run time).
 */
function copilotAgentFiles(manifest: CopilotParts, read: (file: string) => unknown): { files: Record<string, unknown>; problems: string[] } {
  const files: Record<string, unknown> = {};
  const problems: string[] = [];
  for (const agentRef of manifest.copilotAgents?.declarativeAgents ?? []) {
    if (typeof agentRef.file !== 'string') continue;
    const agent = read(agentRef.file) as { version?: unknown; actions?: { file?: unknown }[] };
    files[agentRef.file] = agent;
    problems.push(...validateAgainstCopilotSchema(agent, 'declarative-agent', String(agent.version)).map((p) => `${agentRef.file}${p}`));
    for (const action of agent.actions ?? []) {
      if (typeof action.file !== 'string') continue;
      const pluginFile = path.posix.join(path.posix.dirname(agentRef.file), action.file);
      const plugin = read(pluginFile) as PluginParts;
      files[pluginFile] = plugin;
      problems.push(...validateAgainstCopilotSchema(plugin, 'plugin', String(plugin.schema_version)).map((p) => `${pluginFile}${p}`));
      const described = new Set<string>();
      for (const runtime of plugin.runtimes ?? []) {
        if (typeof runtime.spec?.url !== 'string') continue;
        const specFile = path.posix.join(path.posix.dirname(pluginFile), runtime.spec.url);
        const spec = read(specFile);
        files[specFile] = spec;
        const ids = operationIds(spec);
        for (const id of ids) described.add(id);
        for (const name of runtime.run_for_functions ?? []) if (name !== '*' && !ids.has(String(name))) problems.push(`${pluginFile}: run_for_functions names ${String(name)}, which ${specFile} does not describe`);
      }
      for (const fn of plugin.functions ?? []) if (!described.has(String(fn.name))) problems.push(`${pluginFile}: function ${String(fn.name)} is no operationId of its OpenAPI document`);
    }
  }
  return { files, problems };
}

/** Resolves placeholders from the environment, validates offline against the bundled schema and writes the zip. */
export async function buildAppPackage(options: AppPackageOptions): Promise<BuiltAppPackage> {
  const { appPackageDir, envName } = options;
  const environment = options.environment ?? loadEnvironment(options.envDir, envName);

  const manifestText = readPackageFile(appPackageDir, 'manifest.json').toString('utf8');
  const manifest = resolveJson('manifest.json', manifestText, environment, envName) as Record<string, unknown> & ManifestFileReferences & CopilotParts;
  const manifestVersion = String(manifest.manifestVersion);
  const notes = leaveOutAddInWithoutHttps(manifest);
  const addInLeftOut = notes.length > 0;
  notes.push(...leaveOutCopilotAgentWithoutSso(manifest, environment));

  const problems = validateAgainstBundledSchema(manifest, manifestVersion, 'manifest').map((p) => `manifest.json${p}`);
  const { icons, localizations } = referencedFiles(manifest);

  const jsonFiles: Record<string, unknown> = { 'manifest.json': manifest };
  for (const file of localizations) {
    const localization = resolveJson(file, readPackageFile(appPackageDir, file).toString('utf8'), environment, envName) as Record<string, unknown>;
    // Strings of a left-out add-in would name elements the package does not have.
    if (addInLeftOut) for (const key of Object.keys(localization)) if (key.startsWith('extensions[')) delete localization[key];
    problems.push(...validateAgainstBundledSchema(localization, manifestVersion, 'localization').map((p) => `${file}${p}`));
    jsonFiles[file] = localization;
  }
  const copilot = copilotAgentFiles(manifest, (file) => resolveJson(file, readPackageFile(appPackageDir, file).toString('utf8'), environment, envName));
  problems.push(...copilot.problems);
  Object.assign(jsonFiles, copilot.files);
  if (problems.length > 0) {
    throw new AppPackageError(
      'APP_PACKAGE.INVALID_MANIFEST',
      `The resolved app package does not match the Teams ${manifestVersion} schema or the Copilot agent's schemas:\n  ${problems.join('\n  ')}`,
      problems,
    );
  }

  const zip = new JSZip();
  // A fixed date keeps the zip byte-identical for identical inputs.
  const date = new Date(Date.UTC(2026, 0, 1));
  for (const [file, json] of Object.entries(jsonFiles)) zip.file(file, `${JSON.stringify(json, null, 2)}\n`, { date });
  for (const icon of icons) zip.file(icon, readPackageFile(appPackageDir, icon), { date });

  const outDir = options.outDir ?? path.join(appPackageDir, 'build');
  mkdirSync(outDir, { recursive: true });
  const zipPath = path.join(outDir, `appPackage.${envName}.zip`);
  writeFileSync(zipPath, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
  writeFileSync(path.join(outDir, `manifest.${envName}.json`), `${JSON.stringify(manifest, null, 2)}\n`);

  return { zipPath, manifest, jsonFiles, files: [...Object.keys(jsonFiles), ...icons], notes };
}
