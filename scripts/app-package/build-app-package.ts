import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { loadEnvironment, type Environment } from './environment-file';
import { validateAgainstBundledSchema } from './manifest-schema';
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

/** Resolves placeholders from the environment, validates offline against the bundled schema and writes the zip. */
export async function buildAppPackage(options: AppPackageOptions): Promise<BuiltAppPackage> {
  const { appPackageDir, envName } = options;
  const environment = options.environment ?? loadEnvironment(options.envDir, envName);

  const manifestText = readPackageFile(appPackageDir, 'manifest.json').toString('utf8');
  const manifest = resolveJson('manifest.json', manifestText, environment, envName) as Record<string, unknown> & ManifestFileReferences;
  const manifestVersion = String(manifest.manifestVersion);
  const notes = leaveOutAddInWithoutHttps(manifest);

  const problems = validateAgainstBundledSchema(manifest, manifestVersion, 'manifest').map((p) => `manifest.json${p}`);
  const { icons, localizations } = referencedFiles(manifest);

  const jsonFiles: Record<string, unknown> = { 'manifest.json': manifest };
  for (const file of localizations) {
    const localization = resolveJson(file, readPackageFile(appPackageDir, file).toString('utf8'), environment, envName) as Record<string, unknown>;
    // Strings of a left-out add-in would name elements the package does not have.
    if (notes.length > 0) for (const key of Object.keys(localization)) if (key.startsWith('extensions[')) delete localization[key];
    problems.push(...validateAgainstBundledSchema(localization, manifestVersion, 'localization').map((p) => `${file}${p}`));
    jsonFiles[file] = localization;
  }
  if (problems.length > 0) {
    throw new AppPackageError(
      'APP_PACKAGE.INVALID_MANIFEST',
      `The resolved app package does not match the Teams ${manifestVersion} schema:\n  ${problems.join('\n  ')}`,
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
