/**
 * The guard's Office.js host against a stand-in Office appointment (compose mode): custom properties
 * as booking writes them, the time as Date objects, the notification bar, saving the warned time; and
 * the handlers end to end on it, with a failing Office call still completing the event; Office's
 * display language chooses the words (Polish, or English for any other or none).
 */
import { officeGuardHost, guardApi, WARNED_TIME_PROPERTY, type OfficeAppointmentCompose } from '../../src/outlook/guard/office-guard-host';
import { onAppointmentChanged, onAppointmentSend } from '../../src/outlook/guard/boundary-guard';
import { guardDepsFor } from '../../src/outlook/guard/guard-entry';
import type { OfficeGlobal } from '../../src/outlook/office-runtime';

function standInAppointment(props: Record<string, unknown>, options: { failStart?: boolean } = {}) {
  const bar = new Map<string, { message: string }>();
  const saved: Record<string, unknown>[] = [];
  const ok = <T>(value: T) => ({ status: 'succeeded' as const, value });
  const item: OfficeAppointmentCompose = {
    loadCustomPropertiesAsync: (cb) => {
      const copy = { ...props };
      cb(ok({ get: (n) => copy[n], set: (n, v) => {
          copy[n] = v;
        }, saveAsync: (done) => (saved.push({ ...copy }), done(ok(undefined))) }));
    },
    start: { getAsync: (cb) => (options.failStart ? cb({ status: 'failed', value: new Date(NaN), error: { message: 'item unavailable' } }) : cb(ok(new Date('2026-12-08T21:30:00Z')))) },
    end: { getAsync: (cb) => cb(ok(new Date('2026-12-08T22:15:00Z'))) },
    notificationMessages: {
      replaceAsync: (key, message, cb) => (bar.set(key, message), cb(ok(undefined))),
      removeAsync: (key, cb) => (bar.delete(key), cb(ok(undefined))),
    },
  };
  return { item, bar, saved };
}

const verdict = {
  ok: false,
  callerRole: 'mentee',
  broken: { code: 'BOUNDARY.NIGHT', role: 'mentor', facts: { from: '22:00', until: '07:00' } },
  localTimes: [
    { role: 'mentor', name: 'Kacper', timeZone: 'Europe/Warsaw', start: '2026-12-08T22:30:00+01:00', end: '2026-12-08T23:15:00+01:00' },
    { role: 'mentee', name: 'Margaret', timeZone: 'America/New_York', start: '2026-12-08T16:30:00-05:00', end: '2026-12-08T17:15:00-05:00' },
  ],
  alternatives: [],
};

/** ICU writes a narrow no-break space before AM/PM in some versions. */
const plain = (text: string) => text.replace(/[\u202f\u00a0]/g, ' ');

function fakeFetch(status: number, body: unknown) {
  const requests: { url: string; init: RequestInit }[] = [];
  const impl = (async (url: string, init: RequestInit) => (requests.push({ url, init }), new Response(JSON.stringify(body), { status }))) as unknown as typeof fetch;
  return { impl, requests };
}

it('reads the ids booking wrote, asks the API with the token, shows the bar; then a warned send saves the time on the item', async () => {
  const { item, bar, saved } = standInAppointment({ relationshipId: 'rel-1', meetingId: 'rel-1.m002' });
  const http = fakeFetch(200, verdict);
  const deps = { host: officeGuardHost(item, 'Icon.16x16', 'en-US'), api: guardApi('https://api.example', async () => 'naa-token', http.impl) };
  const changed: unknown[] = [];
  await onAppointmentChanged({ completed: (o) => void changed.push(o) }, deps);
  expect(http.requests[0]!.url).toBe('https://api.example/api/relationships/rel-1/meetings/rel-1.m002/boundary-check');
  expect(http.requests[0]!.init.headers).toEqual({ authorization: 'Bearer naa-token', 'content-type': 'application/json' });
  expect(JSON.parse(String(http.requests[0]!.init.body))).toEqual({ start: '2026-12-08T21:30:00.000Z', end: '2026-12-08T22:15:00.000Z' });
  expect([...bar.values()].map((m) => plain(m.message))).toEqual(['Outside your mentoring agreement: night-time for Kacper (10:30 PM–11:15 PM GMT+1).']);
  expect(changed).toEqual([undefined]);
  const sent: unknown[] = [];
  await onAppointmentSend({ completed: (o) => void sent.push(o) }, deps);
  expect(sent).toEqual([expect.objectContaining({ allowEvent: false, sendModeOverride: 'promptUser' })]);
  expect(saved.at(-1)![WARNED_TIME_PROPERTY]).toBe('2026-12-08T21:30:00.000Z/2026-12-08T22:15:00.000Z');
});

it('an appointment without our custom properties is not a mentoring meeting: no request, sent as is', async () => {
  const { item } = standInAppointment({});
  const http = fakeFetch(200, verdict);
  const sent: unknown[] = [];
  await onAppointmentSend({ completed: (o) => void sent.push(o) }, { host: officeGuardHost(item, 'Icon.16x16', 'en-US'), api: guardApi('https://api.example', async () => 't', http.impl) });
  expect([http.requests.length, sent]).toEqual([0, [{ allowEvent: true }]]);
});

it('an API error status or a failed Office call fails open', async () => {
  const errored = fakeFetch(503, { error: { code: 'GRAPH.UNAVAILABLE' } });
  const sent: unknown[] = [];
  await onAppointmentSend({ completed: (o) => void sent.push(o) }, { host: officeGuardHost(standInAppointment({ relationshipId: 'r', meetingId: 'm' }).item, 'i', 'en-US'), api: guardApi('https://a', async () => 't', errored.impl) });
  const broken = standInAppointment({ relationshipId: 'r', meetingId: 'm' }, { failStart: true });
  await onAppointmentSend({ completed: (o) => void sent.push(o) }, { host: officeGuardHost(broken.item, 'i', 'en-US'), api: guardApi('https://a', async () => 't', fakeFetch(200, verdict).impl) });
  expect(sent).toEqual([{ allowEvent: true }, { allowEvent: true }]);
});

it('speaks Office’s display language: Polish for pl-PL, English for another or none (a host too old to say)', async () => {
  const barIn = async (language: string | undefined) => {
    const { item, bar } = standInAppointment({ relationshipId: 'rel-1', meetingId: 'rel-1.m002' });
    const host = officeGuardHost(item, 'Icon.16x16', language);
    await onAppointmentChanged({ completed: () => undefined }, { host, api: guardApi('https://api.example', async () => 't', fakeFetch(200, verdict).impl) });
    return [host.displayLanguage(), plain([...bar.values()][0]?.message ?? '')];
  };
  expect(await barIn('pl-PL')).toEqual(['pl-PL', 'Poza Waszą umową mentorską: w nocy u osoby Kacper (22:30–23:15 CET).']);
  expect(await barIn('fr-FR')).toEqual(['fr-FR', 'Outside your mentoring agreement: night-time for Kacper (22:30–23:15 CET).']);
  expect(await barIn(undefined)).toEqual(['en-US', 'Outside your mentoring agreement: night-time for Kacper (10:30 PM–11:15 PM GMT+1).']);
});

it('the guard script’s deps take the language from Office.context.displayLanguage', () => {
  const { item } = standInAppointment({});
  const office = { onReady: async () => ({ host: 'Outlook', platform: 'PC' }), actions: { associate: () => undefined }, context: { displayLanguage: 'pl-PL', mailbox: { item } } } as unknown as OfficeGlobal;
  const deps = guardDepsFor(office, { apiEndpoint: 'https://api.example', clientId: 'c', tabDomain: 'tab.example' }, async () => 't');
  expect(deps.host.displayLanguage()).toBe('pl-PL');
});
