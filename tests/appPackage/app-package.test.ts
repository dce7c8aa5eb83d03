import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { AppPackageError, buildAppPackage } from '../../scripts/app-package/build-app-package';
import { loadEnvironment, parseEnvironmentFile } from '../../scripts/app-package/environment-file';
import { newestBundledManifestVersion, validateAgainstBundledSchema } from '../../scripts/app-package/manifest-schema';
import { placeholderNames, resolvePlaceholders } from '../../scripts/app-package/placeholders';
import { APP_RESOURCE_SPECIFIC_PERMISSIONS } from '../../src/api/app-resource-permissions';

const root = path.resolve(__dirname, '..', '..');
const appPackageDir = path.join(root, 'appPackage');
const envDir = path.join(root, 'env');

/**
 * What provision writes to an environment's file (teamsApp/create, aadApp/create, arm/deploy outputs):
 * the committed env files leave these empty so the first provision creates everything, so the package
 * tests add reference values in valid shapes, as provision would.
 */
const PROVISIONED: Record<string, Record<string, string>> = {
  dev: {
    TEAMS_APP_ID: '7e1a2b3c-4d5e-4f60-8a7b-9c0d1e2f3a01',
    AAD_APP_CLIENT_ID: '7e1a2b3c-4d5e-4f60-8a7b-9c0d1e2f3a02',
    BOT_ID: '7e1a2b3c-4d5e-4f60-8a7b-9c0d1e2f3a03',
    TAB_ENDPOINT: 'https://stmentordevabcdeweb.z6.web.core.windows.net',
    TAB_DOMAIN: 'stmentordevabcdeweb.z6.web.core.windows.net',
    API_ENDPOINT: 'https://func-mentordev-abcde.azurewebsites.net',
    BOT_ENDPOINT: 'https://func-mentordev-abcde.azurewebsites.net',
    BOT_DOMAIN: 'func-mentordev-abcde.azurewebsites.net',
  },
  local: {
    TEAMS_APP_ID: '5b0c7d2e-3f41-4a8b-9c6d-1e2f3a4b5c01',
    AAD_APP_CLIENT_ID: '5b0c7d2e-3f41-4a8b-9c6d-1e2f3a4b5c02',
    BOT_ID: '5b0c7d2e-3f41-4a8b-9c6d-1e2f3a4b5c03',
  },
};
const provisioned = (envName: string) => ({ ...loadEnvironment(envDir, envName), ...PROVISIONED[envName] });

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
    manifest.staticTabs.forEach((tab: any, i: number) => {
      if (tab.name) expected.push(`staticTabs[${i}].name`);
    });
    manifest.bots[0].commandLists.forEach((list: any, l: number) => {
      list.commands.forEach((_: unknown, c: number) => {
        expected.push(`bots[0].commandLists[${l}].commands[${c}].title`, `bots[0].commandLists[${l}].commands[${c}].description`);
      });
    });
    (manifest.activities?.activityTypes ?? []).forEach((_: unknown, i: number) => {
      expected.push(`activities.activityTypes[${i}].description`, `activities.activityTypes[${i}].templateText`);
    });
    expect(expected.filter((key) => !pl[key])).toEqual([]);
  });
});

describe('npm run package', () => {
  test.each(['local', 'dev'])('%s: zip holds the resolved manifest, Polish strings and both icons, all schema-valid', async (envName) => {
    const built = await buildAppPackage({ appPackageDir, envDir, envName, outDir, environment: provisioned(envName) });
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

    const env = provisioned(envName);
    expect(manifest.id).toBe(env.TEAMS_APP_ID);
    expect(manifest.webApplicationInfo).toEqual({ id: env.AAD_APP_CLIENT_ID, resource: `api://${env.TAB_DOMAIN}/${env.AAD_APP_CLIENT_ID}` });
    expect(manifest.bots[0].botId).toBe(env.BOT_ID);
    expect(manifest.validDomains).toEqual([env.TAB_DOMAIN, env.BOT_DOMAIN]);
    expect(manifest.staticTabs.slice(0, 1).map((t: any) => [t.entityId, t.contentUrl, t.scopes])).toEqual([
      ['mentoring', `${env.TAB_ENDPOINT}/index.html#/`, ['personal']],
    ]);
    expect(manifest.bots[0].commandLists[0].commands.map((c: any) => c.title)).toEqual(['next meeting', 'my action items', 'reschedule', 'help']);
    // The meeting panel: one configurable tab for meeting chats, on the three meeting surfaces.
    expect(manifest.configurableTabs).toEqual([
      {
        id: 'mentoring-meeting',
        configurationUrl: `${env.TAB_ENDPOINT}/index.html#/meeting-config`,
        canUpdateConfiguration: false,
        scopes: ['groupChat'],
        context: ['meetingSidePanel', 'meetingChatTab', 'meetingDetailsTab'],
        meetingSurfaces: ['sidePanel'],
      },
    ]);
    // The bot joins the meeting chat for Teams' meeting events; commands stay in the personal chat.
    expect(manifest.bots[0].scopes).toEqual(['personal', 'groupChat']);
    expect(manifest.bots[0].commandLists.map((l: any) => l.scopes)).toEqual([['personal']]);
    // Least privilege in the meeting chat: its basic properties and start/end events, the targeted
    // in-meeting notification ("5 minutes left") to the pair in that meeting, and pinning the mentoring
    // panel there (consented when the app is installed in that chat); nothing else.
    expect(manifest.authorization.permissions.resourceSpecific.filter((p: any) => p.name.includes('.Chat'))).toEqual([
      { name: 'OnlineMeeting.ReadBasic.Chat', type: 'Application' },
      { name: 'OnlineMeetingNotification.Send.Chat', type: 'Application' },
      { name: 'TeamsTab.Create.Chat', type: 'Application' },
    ]);
  });

  test('local points at the fixed local ports', async () => {
    const { manifest } = await buildAppPackage({ appPackageDir, envDir, envName: 'local', outDir, environment: provisioned('local') });
    expect((manifest.staticTabs as any[])[0].contentUrl).toBe('http://127.0.0.1:53000/index.html#/');
    expect(manifest.validDomains).toEqual(['127.0.0.1:53000', '127.0.0.1:7071']);
  });

  test('before the first provision the committed env file alone names the ids provision will write', async () => {
    await expect(buildAppPackage({ appPackageDir, envDir, envName: 'dev', outDir })).rejects.toMatchObject({
      code: 'APP_PACKAGE.UNRESOLVED_PLACEHOLDER',
      details: expect.arrayContaining(['AAD_APP_CLIENT_ID', 'BOT_ID', 'TEAMS_APP_ID', 'TAB_DOMAIN']),
    });
  });

  test('.user values override the committed env file, as in the Toolkit', () => {
    const dir = mkdtempSync(path.join(outDir, 'env-'));
    writeFileSync(path.join(dir, '.env.demo'), '# comment\nA=committed\nB="quoted value = with equals"\n');
    writeFileSync(path.join(dir, '.env.demo.user'), "A=mine\nSECRET_X='s3cret'\n");
    expect(loadEnvironment(dir, 'demo')).toEqual({ A: 'mine', B: 'quoted value = with equals', SECRET_X: 's3cret' });
    expect(parseEnvironmentFile('NO_EQUALS\n=x\nK= v \n')).toEqual({ K: 'v' });
  });

  test('an unresolved placeholder fails, names every missing variable and writes nothing', async () => {
    const environment = { ...provisioned('dev'), BOT_ID: '', TAB_DOMAIN: undefined as unknown as string };
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
    const attempt = buildAppPackage({ appPackageDir: broken, envDir, envName: 'local', outDir, environment: provisioned('local') });
    await expect(attempt).rejects.toBeInstanceOf(AppPackageError);
    const error = (await attempt.catch((e: unknown) => e)) as AppPackageError;
    expect(error.code).toBe('APP_PACKAGE.INVALID_MANIFEST');
    expect(error.details.some((d) => d.startsWith('manifest.json/accentColor must match pattern'))).toBe(true);
    expect(error.details.some((d) => d.startsWith('manifest.json/staticTabs/0/scopes/0 must be equal to one of the allowed values'))).toBe(true);
  });

  test('a manifest missing a required property fails', async () => {
    const broken = appPackageCopy((manifest) => delete manifest.developer);
    await expect(buildAppPackage({ appPackageDir: broken, envDir, envName: 'local', outDir, environment: provisioned('local') })).rejects.toMatchObject({
      code: 'APP_PACKAGE.INVALID_MANIFEST',
      details: [expect.stringContaining("must have required property 'developer'")],
    });
  });

  test('a manifest pointing at a missing icon fails naming the file', async () => {
    const broken = appPackageCopy((manifest) => ((manifest.icons as Record<string, string>).color = 'colour.png'));
    await expect(buildAppPackage({ appPackageDir: broken, envDir, envName: 'local', outDir, environment: provisioned('local') })).rejects.toMatchObject({
      code: 'APP_PACKAGE.MISSING_FILE',
      message: expect.stringContaining('colour.png'),
    });
  });

  test('placeholder values are JSON-escaped', () => {
    expect(resolvePlaceholders('{"n":"${{N}}"}', { N: 'say "hi"\\' })).toEqual({ ok: true, text: '{"n":"say \\"hi\\"\\\\"}' });
  });
});

test('the chat install consents exactly the application resource-specific permissions the manifest declares', () => {
  const manifest = JSON.parse(readFileSync(path.join(appPackageDir, 'manifest.json'), 'utf8')) as { authorization: { permissions: { resourceSpecific: { name: string; type: string }[] } } };
  const declared = manifest.authorization.permissions.resourceSpecific.filter((p) => p.type === 'Application').map((p) => ({ permissionValue: p.name, permissionType: p.type }));
  expect(APP_RESOURCE_SPECIFIC_PERMISSIONS).toEqual(declared);
});
