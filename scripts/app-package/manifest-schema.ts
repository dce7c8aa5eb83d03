import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import AjvDraft04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';

/** The Teams JSON schemas that ship inside @microsoft/app-manifest, so validation needs no network. */
export function bundledSchemasDir(): string {
  return path.join(path.dirname(require.resolve('@microsoft/app-manifest')), 'json-schemas', 'teams');
}

/** The newest numbered manifest version bundled (devPreview excluded: it is not for production apps). */
export function newestBundledManifestVersion(): string {
  const versions = readdirSync(bundledSchemasDir())
    .filter((name) => /^v\d+\.\d+$/.test(name))
    .map((name) => name.slice(1));
  versions.sort((a, b) => {
    const [aMajor = 0, aMinor = 0] = a.split('.').map(Number);
    const [bMajor = 0, bMinor = 0] = b.split('.').map(Number);
    return aMajor - bMajor || aMinor - bMinor;
  });
  const newest = versions.at(-1);
  if (!newest) throw new Error(`No manifest schemas found in ${bundledSchemasDir()}`);
  return newest;
}

export type SchemaKind = 'manifest' | 'localization';

function loadSchema(manifestVersion: string, kind: SchemaKind): object {
  const file = kind === 'manifest' ? 'MicrosoftTeams.schema.json' : 'MicrosoftTeams.Localization.schema.json';
  const schemaPath = path.join(bundledSchemasDir(), `v${manifestVersion}`, file);
  try {
    return JSON.parse(readFileSync(schemaPath, 'utf8')) as object;
  } catch {
    throw new Error(`Manifest version ${manifestVersion} has no bundled ${kind} schema (${schemaPath}).`);
  }
}

/**
 * Validates against the official schema bundled in @microsoft/app-manifest with ajv (draft-04, the
 * dialect of the Teams schemas) — the validator @microsoft/app-manifest itself depends on, so
 * nothing extra is installed. Unicode regexps are off because the official localization schema has
 * patterns (`\b]`) that only compile without the `u` flag. Returns one readable line per violation.
 */
export function validateAgainstBundledSchema(document: unknown, manifestVersion: string, kind: SchemaKind): string[] {
  const ajv = new AjvDraft04({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats(ajv, ['uri', 'email', 'regex']);
  const validate = ajv.compile(loadSchema(manifestVersion, kind));
  if (validate(document)) return [];
  return (validate.errors ?? []).map(
    (e) => `${e.instancePath || '/'} ${e.message ?? 'is invalid'}${e.params && Object.keys(e.params).length ? ` ${JSON.stringify(e.params)}` : ''}`,
  );
}

/** The Copilot schemas bundled beside the Teams ones: the declarative agent (v1.x) and the API plugin manifest (v2.x). */
export type CopilotSchemaKind = 'declarative-agent' | 'plugin';

function copilotSchemasDir(kind: CopilotSchemaKind): string {
  return path.join(bundledSchemasDir(), '..', 'copilot', kind);
}

/** The newest bundled version of a Copilot schema, as the documents spell it ("v1.8", "v2.4"). */
export function newestBundledCopilotVersion(kind: CopilotSchemaKind): string {
  const versions = readdirSync(copilotSchemasDir(kind)).filter((name) => /^v\d+\.\d+$/.test(name));
  versions.sort((a, b) => {
    const [aMajor = 0, aMinor = 0] = a.slice(1).split('.').map(Number);
    const [bMajor = 0, bMinor = 0] = b.slice(1).split('.').map(Number);
    return aMajor - bMajor || aMinor - bMinor;
  });
  const newest = versions.at(-1);
  if (!newest) throw new Error(`No ${kind} schemas found in ${copilotSchemasDir(kind)}`);
  return newest;
}

/**
 * Validates a declarative agent or plugin manifest against Microsoft's published schema of its
 * version (https://developer.microsoft.com/json-schemas/copilot/<kind>/<version>/schema.json), as
 * bundled in @microsoft/app-manifest: offline, with the same ajv as the Teams manifest.
 */
export function validateAgainstCopilotSchema(document: unknown, kind: CopilotSchemaKind, version: string): string[] {
  const schemaPath = path.join(copilotSchemasDir(kind), version, 'schema.json');
  let schema: object;
  try {
    schema = JSON.parse(readFileSync(schemaPath, 'utf8')) as object;
  } catch {
    return [`/ has no bundled ${kind} schema for version ${JSON.stringify(version)} (${schemaPath})`];
  }
  const ajv = new AjvDraft04({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats(ajv, ['uri', 'email', 'regex']);
  const validate = ajv.compile(schema);
  if (validate(document)) return [];
  return (validate.errors ?? []).map(
    (e) => `${e.instancePath || '/'} ${e.message ?? 'is invalid'}${e.params && Object.keys(e.params).length ? ` ${JSON.stringify(e.params)}` : ''}`,
  );
}
