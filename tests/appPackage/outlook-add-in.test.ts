/**
 * The Outlook add-in inside the one app package (unified manifest `extensions`): the pane on
 * appointments for organizer and attendee, the guard's events with Smart Alerts in promptUser mode
 * (it informs, never blocks), the pages and script on the tab's https origin, all valid against the
 * newest bundled schema (the package build validates offline). Without https (the pure local
 * environment) the package leaves the add-in out and says why.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildAppPackage } from '../../scripts/app-package/build-app-package';
import { loadEnvironment } from '../../scripts/app-package/environment-file';
import { validateAgainstBundledSchema } from '../../scripts/app-package/manifest-schema';
import { GUARD_ACTIONS } from '../../src/outlook/guard/guard-entry';

const root = path.resolve(__dirname, '..', '..');
const appPackageDir = path.join(root, 'appPackage');
const envDir = path.join(root, 'env');
const DEV = {
  ...loadEnvironment(envDir, 'dev'),
  TEAMS_APP_ID: '7e1a2b3c-4d5e-4f60-8a7b-9c0d1e2f3a01',
  AAD_APP_CLIENT_ID: '7e1a2b3c-4d5e-4f60-8a7b-9c0d1e2f3a02',
  BOT_ID: '7e1a2b3c-4d5e-4f60-8a7b-9c0d1e2f3a03',
  TAB_ENDPOINT: 'https://stmentordevabcdeweb.z6.web.core.windows.net',
  TAB_DOMAIN: 'stmentordevabcdeweb.z6.web.core.windows.net',
  BOT_DOMAIN: 'func-mentordev-abcde.azurewebsites.net',
};
const LOCAL = {
  ...loadEnvironment(envDir, 'local'),
  TEAMS_APP_ID: '5b0c7d2e-3f41-4a8b-9c6d-1e2f3a4b5c01',
  AAD_APP_CLIENT_ID: '5b0c7d2e-3f41-4a8b-9c6d-1e2f3a4b5c02',
  BOT_ID: '5b0c7d2e-3f41-4a8b-9c6d-1e2f3a4b5c03',
};

const addInNotes = (notes: string[]) => notes.filter((note) => !note.startsWith('The Copilot agent is left out'));

let outDir: string;
beforeEach(() => {
  outDir = mkdtempSync(path.join(os.tmpdir(), 'outlook-add-in-'));
});
afterEach(() => rmSync(outDir, { recursive: true, force: true }));

describe('with the tab on https (dev, or a dev tunnel)', () => {
  let manifest: Record<string, any>;
  let extension: Record<string, any>;
  beforeEach(async () => {
    const built = await buildAppPackage({ appPackageDir, envDir, envName: 'dev', outDir, environment: DEV });
    manifest = built.manifest as Record<string, any>;
    extension = manifest.extensions[0];
    // Whether the Copilot agent is in is tests/appPackage/copilot-agent.test.ts's question.
    expect(addInNotes(built.notes)).toEqual([]);
    expect(validateAgainstBundledSchema(manifest, manifest.manifestVersion, 'manifest')).toEqual([]);
  });

  test('the pane opens from a button on appointments, for the organizer and the attendee', () => {
    const pane = extension.runtimes.find((r: any) => r.id === 'mentoringPaneRuntime');
    expect(pane.code).toEqual({ page: `${DEV.TAB_ENDPOINT}/outlook-pane.html` });
    expect(pane.actions).toEqual([expect.objectContaining({ id: 'openMentoringPane', type: 'openPage' })]);
    const ribbon = extension.ribbons[0];
    expect(ribbon.contexts.sort()).toEqual(['meetingDetailsAttendee', 'meetingDetailsOrganizer']);
    const button = ribbon.tabs[0].groups[0].controls[0];
    expect(button.actionId).toBe('openMentoringPane');
    expect(button.icons.map((i: any) => [i.size, i.url])).toEqual([16, 32, 80].map((s) => [s, `${DEV.TAB_ENDPOINT}/outlook/icon-${s}.png`]));
  });

  test('the guard runs on time and attendee changes and on send, with a Smart Alert that lets the person send anyway', () => {
    const guard = extension.runtimes.find((r: any) => r.id === 'boundaryGuardRuntime');
    expect(guard.code).toEqual({ page: `${DEV.TAB_ENDPOINT}/outlook-guard.html`, script: `${DEV.TAB_ENDPOINT}/outlook-guard.js` });
    expect(guard.requirements.capabilities).toEqual([{ name: 'Mailbox', minVersion: '1.12' }]);
    const events = extension.autoRunEvents.flatMap((e: any) => e.events);
    expect(events).toEqual([
      { type: 'appointmentTimeChanged', actionId: 'onAppointmentTimeChanged' },
      { type: 'appointmentAttendeesChanged', actionId: 'onAppointmentAttendeesChanged' },
      { type: 'appointmentSending', actionId: 'onAppointmentSend', options: { sendMode: 'promptUser' } },
    ]);
    // Every event's action is an executeFunction the guard script associates (src/outlook/guard/guard-entry.ts).
    expect(guard.actions.map((a: any) => [a.id, a.type])).toEqual(Object.keys(GUARD_ACTIONS).map((id) => [id, 'executeFunction']));
  });

  test('the add-in may read and write the open item only (custom properties), through resource-specific consent', () => {
    // Beside it, the activity feed's own resource-specific permission (issue 16) and the meeting chat's (issue 12), which the local package keeps.
    expect(manifest.authorization.permissions.resourceSpecific).toEqual([
      { name: 'MailboxItem.ReadWrite.User', type: 'Delegated' },
      { name: 'TeamsActivity.Send.User', type: 'Application' },
      { name: 'OnlineMeeting.ReadBasic.Chat', type: 'Application' },
      { name: 'OnlineMeetingNotification.Send.Chat', type: 'Application' },
      { name: 'TeamsTab.Create.Chat', type: 'Application' },
    ]);
  });

  test('the ribbon strings are in Polish too', async () => {
    const built = await buildAppPackage({ appPackageDir, envDir, envName: 'dev', outDir, environment: DEV });
    const pl = built.jsonFiles['pl.json'] as Record<string, string>;
    const group = 'extensions[0].ribbons[0].tabs[0].groups[0]';
    for (const key of [`${group}.label`, `${group}.controls[0].label`, `${group}.controls[0].supertip.title`, `${group}.controls[0].supertip.description`]) {
      expect(pl[key]).toEqual(expect.any(String));
    }
  });
});

test('with the tab on http (the pure local environment) the package leaves the add-in out and says why', async () => {
  const built = await buildAppPackage({ appPackageDir, envDir, envName: 'local', outDir, environment: LOCAL });
  expect(built.manifest.extensions).toBeUndefined();
  // The add-in's permission leaves with it; the activity feed's (issue 16) and the meeting chat's (issue 12) stay.
  expect(built.manifest.authorization).toEqual({
    permissions: {
      resourceSpecific: [
        { name: 'TeamsActivity.Send.User', type: 'Application' },
        { name: 'OnlineMeeting.ReadBasic.Chat', type: 'Application' },
        { name: 'OnlineMeetingNotification.Send.Chat', type: 'Application' },
        { name: 'TeamsTab.Create.Chat', type: 'Application' },
      ],
    },
  });
  expect(addInNotes(built.notes)).toEqual([expect.stringContaining('Outlook loads add-ins only over https, and http://127.0.0.1:53000/outlook-pane.html is not')]);
  expect(Object.keys(built.jsonFiles['pl.json'] as object).filter((k) => k.startsWith('extensions['))).toEqual([]);
  expect(validateAgainstBundledSchema(built.manifest, String(built.manifest.manifestVersion), 'manifest')).toEqual([]);
});
