import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { AppPackageError, buildAppPackage } from '../../scripts/app-package/build-app-package';
import { loadEnvironment, parseEnvironmentFile } from '../../scripts/app-package/environment-file';
import { newestBundledManifestVersion, validateAgainstBundledSchema } from '../../scripts/app-package/manifest-schema';
import { placeholderNames, resolvePlaceholders } from '../../scripts/app-package/placeholders';

const root = path.resolve(__dirname, '..', '..');
const appPackageDir = path.join(root, 'appPackage');
const envDir = path.join(root, 'env');

let outDir: string;
beforeEach(() => {
  outDir = mkdtempSync(path.join(os.tmpdir(), 'app-package-'));
});
afterEach(() => rmSync(outDir, { recursive: true, force: true }));

async function readZip(zipPath: string): Promise<Record<string, Buffer>> {
  const zip = await JSZip.loadAsync(readFileSync(zipPath));
  const entries: Record<string, Buffer> = {};
  for (const name of Object.keys(zip.files)) entries[name] = await zip.file(name)!.async('nodebuffer');
  return entries;
}

/** A copy of appPackage/ whose manifest a test may break without touching the real one. */
function appPackageCopy(edit: (manifest: Record<string, unknown>) => void): string {
  const copy = path.join(outDir, 'appPackage');
  cpSync(appPackageDir, copy, { recursive: true, filter: (src) => !src.includes(`${path.sep}build`) });
  const manifestPath = path.join(copy, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Record<string, unknown>;
  edit(manifest);
  writeFileSync(manifestPath, JSON.stringify(manifest));
  return copy;
}

describe('manifest source', () => {
  const manifest = JSON.parse(readFileSync(path.join(appPackageDir, 'manifest.json'), 'utf8')) as Record<string, any>;

  test('is on the newest manifest version bundled in @microsoft/app-manifest', () => {
    const newest = newestBundledManifestVersion();
    expect(manifest.manifestVersion).toBe(newest);
    expect(manifest.$schema).toBe(`https://developer.microsoft.com/json-schemas/teams/v${newest}/MicrosoftTeams.schema.json`);
  });

  test('uses placeholders for every endpoint and id', () => {
    expect(placeholderNames(JSON.stringify(manifest)).sort()).toEqual(
      ['AAD_APP_CLIENT_ID', 'APP_PUBLISHER_NAME', 'APP_SHORT_NAME', 'APP_VERSION', 'BOT_DOMAIN', 'BOT_ID', 'TAB_DOMAIN', 'TAB_ENDPOINT', 'TEAMS_APP_ID'].sort(),
    );
  });

  test('Polish strings refer only to elements that exist in the manifest', () => {
    const pl = JSON.parse(readFileSync(path.join(appPackageDir, 'pl.json'), 'utf8')) as Record<string, string>;
    for (const key of Object.keys(pl).filter((k) => k.includes('['))) {
      // "bots[0].commandLists[0].commands[2].title" → manifest.bots[0].commandLists[0].commands[2].title
      const value = key.split('.').reduce<any>((node, part) => {
        const m = /^(\w+)(?:\[(\d+)\])?$/.exec(part)!;
        const child = node?.[m[1]!];
        return m[2] === undefined ? child : child?.[Number(m[2])];
      }, manifest);
      expect([key, typeof value]).toEqual([key, 'string']);
    }
  });

  test('every string a Teams user sees has a Polish translation', () => {
    const pl = JSON.parse(readFileSync(path.join(appPackageDir, 'pl.json'), 'utf8')) as Record<string, string>;
    const expected = ['name.short', 'name.full', 'description.short', 'description.full'];
    manifest.staticTabs.forEach((tab: any, i: number) => tab.name && expected.push(`staticTabs[${i}].name`));
    manifest.bots[0].commandLists.forEach((list: any, l: number) =>
      list.commands.forEach((_: unknown, c: number) => expected.push(`bots[0].commandLists[${l}].commands[${c}].title`, `bots[0].commandLists[${l}].commands[${c}].description`)),
    );
    (manifest.activities?.activityTypes ?? []).forEach((_: unknown, i: number) => expected.push(`activities.activityTypes[${i}].description`, `activities.activityTypes[${i}].templateText`));
    expect(expected.filter((key) => !pl[key])).toEqual([]);
  });
});

describe('npm run package', () => {
  test.each(['local', 'dev'])('%s: zip holds the resolved manifest, Polish strings and both icons, all schema-valid', async (envName) => {
    const built = await buildAppPackage({ appPackageDir, envDir, envName, outDir });
    expect(built.zipPath).toBe(path.join(outDir, `appPackage.${envName}.zip`));

    const entries = await readZip(built.zipPath);
    expect(Object.keys(entries).sort()).toEqual(['color.png', 'manifest.json', 'outline.png', 'pl.json']);
    expect(entries['color.png']).toEqual(readFileSync(path.join(appPackageDir, 'color.png')));

    const manifestText = entries['manifest.json']!.toString('utf8');
    const plText = entries['pl.json']!.toString('utf8');
    expect(manifestText).not.toContain('${{');
    expect(plText).not.toContain('${{');
    const manifest = JSON.parse(manifestText) as Record<string, any>;
    expect(validateAgainstBundledSchema(manifest, manifest.manifestVersion, 'manifest')).toEqual([]);
    expect(validateAgainstBundledSchema(JSON.parse(plText), manifest.manifestVersion, 'localization')).toEqual([]);

    const env = loadEnvironment(envDir, envName);
    expect(manifest.id).toBe(env.TEAMS_APP_ID);
    expect(manifest.webApplicationInfo).toEqual({ id: env.AAD_APP_CLIENT_ID, resource: `api://${env.TAB_DOMAIN}/${env.AAD_APP_CLIENT_ID}` });
    expect(manifest.bots[0].botId).toBe(env.BOT_ID);
    expect(manifest.validDomains).toEqual([env.TAB_DOMAIN, env.BOT_DOMAIN]);
    expect(manifest.staticTabs.slice(0, 1).map((t: any) => [t.entityId, t.contentUrl, t.scopes])).toEqual([
      ['mentoring', `${env.TAB_ENDPOINT}/index.html#/`, ['personal']],
    ]);
    expect(manifest.bots[0].commandLists[0].commands.map((c: any) => c.title)).toEqual(['next meeting', 'my action items', 'reschedule', 'help']);
  });

  test('local points at the fixed local ports', async () => {
    const { manifest } = await buildAppPackage({ appPackageDir, envDir, envName: 'local', outDir });
    expect((manifest.staticTabs as any[])[0].contentUrl).toBe('http://127.0.0.1:53000/index.html#/');
    expect(manifest.validDomains).toEqual(['127.0.0.1:53000', '127.0.0.1:7071']);
  });

  test('.user values override the committed env file, as in the Toolkit', () => {
    const dir = mkdtempSync(path.join(outDir, 'env-'));
    writeFileSync(path.join(dir, '.env.demo'), '# comment\nA=committed\nB="quoted value = with equals"\n');
    writeFileSync(path.join(dir, '.env.demo.user'), "A=mine\nSECRET_X='s3cret'\n");
    expect(loadEnvironment(dir, 'demo')).toEqual({ A: 'mine', B: 'quoted value = with equals', SECRET_X: 's3cret' });
    expect(parseEnvironmentFile('NO_EQUALS\n=x\nK= v \n')).toEqual({ K: 'v' });
  });

  test('an unresolved placeholder fails, names every missing variable and writes nothing', async () => {
    const environment = { ...loadEnvironment(envDir, 'dev'), BOT_ID: '', TAB_DOMAIN: undefined as unknown as string };
    const attempt = buildAppPackage({ appPackageDir, envDir, envName: 'dev', outDir, environment });
    await expect(attempt).rejects.toMatchObject({
      code: 'APP_PACKAGE.UNRESOLVED_PLACEHOLDER',
      details: ['BOT_ID', 'TAB_DOMAIN'],
      message: expect.stringContaining('${{BOT_ID}}, ${{TAB_DOMAIN}}'),
    });
    expect(existsSync(path.join(outDir, 'appPackage.dev.zip'))).toBe(false);
  });

  test('a broken manifest fails schema validation with the offending path', async () => {
    const broken = appPackageCopy((manifest) => {
      manifest.accentColor = 'blue';
      (manifest.staticTabs as any[])[0].scopes = ['everywhere'];
    });
    const attempt = buildAppPackage({ appPackageDir: broken, envDir, envName: 'local', outDir });
    await expect(attempt).rejects.toBeInstanceOf(AppPackageError);
    const error = (await attempt.catch((e: unknown) => e)) as AppPackageError;
    expect(error.code).toBe('APP_PACKAGE.INVALID_MANIFEST');
    expect(error.details.some((d) => d.startsWith('manifest.json/accentColor must match pattern'))).toBe(true);
    expect(error.details.some((d) => d.startsWith('manifest.json/staticTabs/0/scopes/0 must be equal to one of the allowed values'))).toBe(true);
  });

  test('a manifest missing a required property fails', async () => {
    const broken = appPackageCopy((manifest) => delete manifest.developer);
    await expect(buildAppPackage({ appPackageDir: broken, envDir, envName: 'local', outDir })).rejects.toMatchObject({
      code: 'APP_PACKAGE.INVALID_MANIFEST',
      details: [expect.stringContaining("must have required property 'developer'")],
    });
  });

  test('a manifest pointing at a missing icon fails naming the file', async () => {
    const broken = appPackageCopy((manifest) => ((manifest.icons as Record<string, string>).color = 'colour.png'));
    await expect(buildAppPackage({ appPackageDir: broken, envDir, envName: 'local', outDir })).rejects.toMatchObject({
      code: 'APP_PACKAGE.MISSING_FILE',
      message: expect.stringContaining('colour.png'),
    });
  });

  test('placeholder values are JSON-escaped', () => {
    expect(resolvePlaceholders('{"n":"${{N}}"}', { N: 'say "hi"\\' })).toEqual({ ok: true, text: '{"n":"say \\"hi\\"\\\\"}' });
  });
});
