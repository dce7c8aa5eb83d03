import { readFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(__dirname, '..', '..');
const read = (file: string) => readFileSync(path.join(root, file), 'utf8');
const aad = JSON.parse(read('aad.manifest.json')) as Record<string, any>;

/** Microsoft's first-party clients that may get SSO tokens for the tab without a consent prompt. */
const TEAMS_OUTLOOK_M365_CLIENTS = {
  'Teams desktop and mobile': '1fec8e78-bce4-4aaf-ab1b-5451cc387264',
  'Teams web': '5e3ce6c0-2b1f-4285-8d4b-75ee78787346',
  'Microsoft 365 web': '4765445b-32c6-49b0-83e6-1d93765276ca',
  'Microsoft 365 web (Office.com)': '4345a7b9-9a63-4910-a426-35363201d503',
  'Microsoft 365 desktop': '0ec893e0-5785-4de6-99da-4ed124e5296c',
  'Microsoft 365 mobile and Outlook desktop': 'd3590ed6-52b3-4102-aeff-aad2292ab01c',
  'Outlook web': 'bc59ab01-8403-45c6-8796-ac3ef710b3e3',
  'Outlook web (Exchange Online)': '00000002-0000-0ff1-ce00-000000000000',
  'Outlook mobile': '27922004-5251-4030-b22d-91ecd9a37ea4',
  // Issue 16: Microsoft 365 Copilot's enterprise token store, for the agent's Entra SSO plugin.
  'Microsoft 365 Copilot (enterprise token store)': 'ab3be6b7-f5df-413d-ac2d-abf1e3fd9c0b',
};

test('exposes access_as_user under the same application ID URI as the Teams manifest resource', () => {
  expect(aad.oauth2Permissions).toHaveLength(1);
  expect(aad.oauth2Permissions[0]).toMatchObject({ value: 'access_as_user', type: 'User', isEnabled: true, id: '${{AAD_APP_ACCESS_AS_USER_PERMISSION_ID}}' });
  const teamsManifest = JSON.parse(read('appPackage/manifest.json')) as { webApplicationInfo: { id: string; resource: string } };
  // The second: the application ID URI of the Copilot plugin's Entra SSO registration (oauth/register writes it).
  expect(aad.identifierUris).toEqual([teamsManifest.webApplicationInfo.resource, '${{COPILOT_SSO_APPLICATION_ID_URI}}']);
  expect(aad.appId).toBe(teamsManifest.webApplicationInfo.id);
  // v2 tokens: their issuer is https://login.microsoftonline.com/{tid}/v2.0, what the API validates.
  expect(aad.accessTokenAcceptedVersion).toBe(2);
});

test('pre-authorizes Teams, Outlook, the Microsoft 365 app and Copilot for that scope and nothing else', () => {
  expect(aad.preAuthorizedApplications.map((p: any) => p.appId).sort()).toEqual(Object.values(TEAMS_OUTLOOK_M365_CLIENTS).sort());
  for (const p of aad.preAuthorizedApplications) expect(p.permissionIds).toEqual(['${{AAD_APP_ACCESS_AS_USER_PERMISSION_ID}}']);
});

test('asks Microsoft Graph for exactly the least-privilege set', () => {
  expect(aad.requiredResourceAccess).toHaveLength(1);
  expect(aad.requiredResourceAccess[0].resourceAppId).toBe('Microsoft Graph');
  expect(aad.requiredResourceAccess[0].resourceAccess).toEqual([
    { id: 'User.Read', type: 'Scope' },
    { id: 'Calendars.ReadWrite', type: 'Scope' },
    { id: 'MailboxSettings.Read', type: 'Scope' },
    { id: 'User.ReadBasic.All', type: 'Scope' },
    // Issue 16: a person's own To Do when they turn the sync on.
    { id: 'Tasks.ReadWrite', type: 'Scope' },
    { id: 'Calendars.ReadWrite', type: 'Role' },
    { id: 'MailboxSettings.Read', type: 'Role' },
    { id: 'User.ReadBasic.All', type: 'Role' },
    { id: 'TeamsAppInstallation.ReadWriteSelfForUser.All', type: 'Role' },
    // Issue 12: the meeting behind a join URL and its attendance report, after Teams' meetingEnd.
    { id: 'OnlineMeetings.Read.All', type: 'Role' },
    { id: 'OnlineMeetingArtifact.Read.All', type: 'Role' },
    // Issue 12: install the app in a booked meeting's chat, consenting its resource-specific permissions there
    // (the narrower ReadWriteSelfForChat.All cannot install an app that declares them).
    { id: 'TeamsAppInstallation.ReadWriteAndConsentSelfForChat.All', type: 'Role' },
    // Issue 14: who may join a programme open to an Entra group (transitive members).
    { id: 'GroupMember.Read.All', type: 'Role' },
    // Issue 14: people's managers, so cohort matching never pairs someone with their own manager.
    { id: 'User.Read.All', type: 'Role' },
    // Issue 16: the To Do sync timer (tasks/delta, task create and update under /users/{id}/todo).
    { id: 'Tasks.ReadWrite.All', type: 'Role' },
  ]);
});

test('defines the Programme.Owner app role for people', () => {
  expect(aad.appRoles).toEqual([
    expect.objectContaining({ value: 'Programme.Owner', allowedMemberTypes: ['User'], isEnabled: true, id: expect.stringMatching(/^[0-9a-f-]{36}$/) }),
  ]);
});

test('is single-tenant and has no implicit flow', () => {
  expect(aad.signInAudience).toBe('AzureADMyOrg');
  expect(aad.oauth2AllowImplicitFlow).toBe(false);
  expect(aad.oauth2AllowIdTokenImplicitFlow).toBe(false);
});

test('the README gives the reason for every Graph permission and the resource-specific consent', () => {
  const readme = read('README.md');
  const section = readme.slice(readme.indexOf('## Try it in your tenant'));
  expect(section.length).toBeLessThan(readme.length);
  const requested = aad.requiredResourceAccess[0].resourceAccess.map((p: any) => [p.id, p.type === 'Scope' ? 'delegated' : 'application']);
  const rsc = ((JSON.parse(read('appPackage/manifest.json')) as any).authorization?.permissions?.resourceSpecific ?? []).map((p: any) => [p.name, 'resource-specific consent']);
  for (const [permission, type] of [...requested, ...rsc]) {
    // a table row: | `Permission` | type | reason |
    expect([permission, type, new RegExp(`\\| \`${permission.replace(/\./g, '\\.')}\` \\| ${type} \\| \\w`).test(section)]).toEqual([permission, type, true]);
  }
  for (const step of ['admin consent', 'New-ApplicationAccessPolicy']) expect(section).toContain(step);
});

test('lets the Outlook add-in sign in with nested app authentication: the broker redirect for the tab origin, a single-page app', () => {
  expect(aad.replyUrlsWithType).toContainEqual({ url: 'brk-multihub://${{TAB_DOMAIN}}', type: 'Spa' });
});
