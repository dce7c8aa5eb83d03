/**
 * The guard's one-file script as Outlook loads it: the real esbuild bundle (scripts/outlook-guard-script.ts)
 * run as a classic script in a bare JavaScript context, with no DOM, no window and no module loader,
 * like classic Outlook on Windows' JavaScript-only runtime, and a stand-in `Office` global. It associates
 * exactly the manifest's executeFunction actions, and each handler completes its event and fails open
 * when it cannot sign in.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { bundleGuardScript } from '../../scripts/outlook-guard-script';

const manifest = JSON.parse(readFileSync(path.resolve(__dirname, '../../appPackage/manifest.json'), 'utf8'));
const guardRuntime = manifest.extensions[0].runtimes.find((r: any) => r.id === 'boundaryGuardRuntime');
const SETTINGS = { apiEndpoint: 'https://func.example', clientId: '11111111-2222-4333-8444-555555555555', tabDomain: 'tab.example' };

type Completion = { allowEvent?: boolean; errorMessage?: string; sendModeOverride?: string } | undefined;

function standInOffice(customProperties: Record<string, string>) {
  const handlers = new Map<string, (event: { completed(o?: Completion): void }) => void>();
  const cb = <T>(value: T) => (callback: (r: { status: 'succeeded'; value: T }) => void) => callback({ status: 'succeeded', value });
  const item = {
    loadCustomPropertiesAsync: cb({ get: (name: string) => customProperties[name], set() {}, saveAsync: cb(undefined) }),
    start: { getAsync: cb(new Date('2026-12-08T21:30:00Z')) },
    end: { getAsync: cb(new Date('2026-12-08T22:15:00Z')) },
    notificationMessages: { replaceAsync: (_k: string, _m: unknown, c: (r: unknown) => void) => c({ status: 'succeeded' }), removeAsync: (_k: string, c: (r: unknown) => void) => c({ status: 'succeeded' }) },
  };
  const office = {
    onReady: () => Promise.resolve({ host: 'Outlook', platform: 'PC' }),
    actions: { associate: (id: string, handler: (event: { completed(o?: Completion): void }) => void) => void handlers.set(id, handler) },
    context: { mailbox: { item } },
  };
  return { office, handlers };
}

async function loadScript(settings = SETTINGS, customProperties: Record<string, string> = {}) {
  const code = await bundleGuardScript(settings);
  const { office, handlers } = standInOffice(customProperties);
  // Only what a JavaScript-only runtime offers: timers and fetch; no window, document or module system.
  const requests: string[] = [];
  const fetchStandIn = async (url: string) => (requests.push(url), new Response('{}', { status: 500 }));
  const context = vm.createContext({ Office: office, setTimeout, clearTimeout, Promise, fetch: fetchStandIn, console: { log() {}, warn() {}, error() {} } });
  new vm.Script(code, { filename: 'outlook-guard.js' }).runInContext(context);
  return Object.assign(handlers, { requests });
}

function fire(handler: ((event: { completed(o?: Completion): void }) => void) | undefined): Promise<Completion[]> {
  return new Promise((resolve) => {
    const calls: Completion[] = [];
    handler!({ completed: (o) => (calls.push(o), setTimeout(() => resolve(calls), 20)) });
  });
}

test('the script has no import or export: it runs as a classic script', async () => {
  const code = await bundleGuardScript(SETTINGS);
  expect(() => new vm.Script(code)).not.toThrow();
  expect(code).not.toMatch(/^\s*(import|export)\s/m);
  expect(code).not.toContain('appsforoffice.microsoft.com');
});

test('associates exactly the guard runtime actions the manifest names', async () => {
  const handlers = await loadScript();
  const manifestIds = guardRuntime.actions.filter((a: any) => a.type === 'executeFunction').map((a: any) => a.id).sort();
  expect([...handlers.keys()].sort()).toEqual(manifestIds);
  const eventActions = manifest.extensions[0].autoRunEvents.flatMap((e: any) => e.events.map((ev: any) => ev.actionId)).sort();
  expect(eventActions).toEqual(manifestIds);
});

test('a non-mentoring appointment: every handler completes once and send goes through', async () => {
  const handlers = await loadScript();
  expect(await fire(handlers.get('onAppointmentTimeChanged'))).toEqual([undefined]);
  expect(await fire(handlers.get('onAppointmentAttendeesChanged'))).toEqual([undefined]);
  expect(await fire(handlers.get('onAppointmentSend'))).toEqual([{ allowEvent: true }]);
});

test('a mentoring appointment where no token can be had (no NAA bridge in this runtime): fails open, once, silently', async () => {
  const handlers = await loadScript(SETTINGS, { relationshipId: 'rel-1', meetingId: 'rel-1.m002' });
  expect(await fire(handlers.get('onAppointmentSend'))).toEqual([{ allowEvent: true }]);
  expect(await fire(handlers.get('onAppointmentTimeChanged'))).toEqual([undefined]);
  expect(handlers.requests).toEqual([]);
});

test('a script built without its sign-in settings still completes every event and never blocks a send', async () => {
  const handlers = await loadScript({ apiEndpoint: '', clientId: '', tabDomain: '' }, { relationshipId: 'rel-1', meetingId: 'rel-1.m002' });
  expect(await fire(handlers.get('onAppointmentSend'))).toEqual([{ allowEvent: true }]);
});
