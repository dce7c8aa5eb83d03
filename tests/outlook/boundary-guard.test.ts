/**
 * The guard's event handlers against a stand-in Office host: every completion path calls
 * event.completed exactly once (ignored appointment, ok, broken, API error, malformed answer,
 * timeout); the guard fails open and never blocks; a broken boundary on send prompts with "Send anyway";
 * the words are in Office's display language (Polish, or English for any other), within Outlook's
 * limits, with Intl's times and never an IANA id or an ISO date.
 */
import { onAppointmentChanged, onAppointmentSend, type GuardApi, type GuardHost, type MentoringIds } from '../../src/outlook/guard/boundary-guard';
import { boundaryWordsFor } from '../../src/outlook/boundary-words';
import type { BoundaryCheckDto } from '../../src/contracts/booking';

const IDS: MentoringIds = { relationshipId: 'rel-1', meetingId: 'rel-1.m002' };
const TIME = { start: '2026-12-08T21:30:00.000Z', end: '2026-12-08T22:15:00.000Z' };
const local = (role: 'mentor' | 'mentee', name: string, timeZone: string, start: string, end: string) => ({ role, name, timeZone, start, end });
const pair = (warsaw: [string, string], newYork: [string, string]) => [local('mentor', 'Kacper', 'Europe/Warsaw', ...warsaw), local('mentee', 'Margaret', 'America/New_York', ...newYork)];
const alternative = (day: string) => ({
  start: `${day}T15:00:00.000Z`,
  end: `${day}T15:45:00.000Z`,
  localTimes: pair([`${day}T16:00:00+01:00`, `${day}T16:45:00+01:00`], [`${day}T10:00:00-05:00`, `${day}T10:45:00-05:00`]),
});
/** Margaret (New York) moves the meeting to 22:30 in Warsaw: the mentor's night. */
const BROKEN: BoundaryCheckDto = {
  ok: false,
  callerRole: 'mentee',
  broken: { code: 'BOUNDARY.NIGHT', role: 'mentor', facts: { from: '22:00', until: '07:00' } },
  localTimes: pair(['2026-12-08T22:30:00+01:00', '2026-12-08T23:15:00+01:00'], ['2026-12-08T16:30:00-05:00', '2026-12-08T17:15:00-05:00']),
  alternatives: [alternative('2026-12-08'), alternative('2026-12-09'), alternative('2026-12-15')],
};
const OK: BoundaryCheckDto = { ok: true, callerRole: 'mentee', localTimes: BROKEN.localTimes, alternatives: [] };
const ISO_DATE = /\d{4}-\d{2}-\d{2}/;

class StandInHost implements GuardHost {
  notice: string | undefined = 'an earlier notice';
  warned: unknown[] = [];
  constructor(
    private readonly ids: MentoringIds | undefined,
    private readonly language = 'en-GB',
  ) {}
  displayLanguage() {
    return this.language;
  }
  async mentoringIds() {
    return this.ids;
  }
  async appointmentTime() {
    return TIME;
  }
  async showNotice(message: string) {
    this.notice = message;
  }
  async removeNotice() {
    this.notice = undefined;
  }
  async rememberWarnedTime(time: { start: string; end: string }) {
    this.warned.push(time);
  }
}

function recordingEvent() {
  const calls: unknown[] = [];
  return { calls, completed: (options?: unknown) => void calls.push(options) };
}

const api = (answer: () => Promise<BoundaryCheckDto>): GuardApi & { asked: unknown[] } => {
  const asked: unknown[] = [];
  return { asked, checkBoundaries: async (ids, time) => (asked.push({ ids, time }), answer()) };
};

describe('while editing (time or attendees changed)', () => {
  it('a broken boundary shows a bar of at most 150 characters naming it and the nearest time inside', async () => {
    const host = new StandInHost(IDS);
    const event = recordingEvent();
    const a = api(async () => BROKEN);
    await onAppointmentChanged(event, { host, api: a });
    expect(a.asked).toEqual([{ ids: IDS, time: TIME }]);
    expect(host.notice).toBe('Outside your mentoring agreement: night-time for Kacper (22:30–23:15 CET). Try Tue 8 Dec, 10:00–10:45 GMT-5.');
    expect(event.calls).toEqual([undefined]);
  });

  it('in Polish when Office speaks Polish: the same facts in Polish words, 24-hour clock, still within 150 characters', async () => {
    const host = new StandInHost(IDS, 'pl-PL');
    await onAppointmentChanged(recordingEvent(), { host, api: api(async () => BROKEN) });
    expect(host.notice).toBe('Poza Waszą umową mentorską: w nocy u osoby Kacper (22:30–23:15 CET). Spróbuj: wt., 8 gru, 10:00–10:45 GMT-5.');
  });

  it('any other display language gets English', async () => {
    const host = new StandInHost(IDS, 'de-DE');
    await onAppointmentChanged(recordingEvent(), { host, api: api(async () => BROKEN) });
    expect(host.notice).toMatch(/^Outside your mentoring agreement: night-time for Kacper/);
  });

  it('a time that keeps the agreement removes the bar', async () => {
    const host = new StandInHost(IDS);
    const event = recordingEvent();
    await onAppointmentChanged(event, { host, api: api(async () => OK) });
    expect(host.notice).toBeUndefined();
    expect(event.calls).toHaveLength(1);
  });

  it('a non-mentoring appointment is ignored: no API call, nothing shown, completed', async () => {
    const host = new StandInHost(undefined);
    host.notice = undefined;
    const event = recordingEvent();
    const a = api(async () => BROKEN);
    await onAppointmentChanged(event, { host, api: a });
    expect([a.asked, host.notice, event.calls]).toEqual([[], undefined, [undefined]]);
  });

  it.each([
    ['the API is down', () => Promise.reject(new TypeError('fetch failed'))],
    ['the API never answers', () => new Promise<BoundaryCheckDto>(() => undefined)],
  ])('%s: completes, says nothing and removes an earlier bar (fail open)', async (_what, answer) => {
    const host = new StandInHost(IDS);
    const event = recordingEvent();
    await onAppointmentChanged(event, { host, api: api(answer), timeoutMs: 20 });
    expect(host.notice).toBeUndefined();
    expect(event.calls).toEqual([undefined]);
  });
});

describe('on send (Smart Alerts)', () => {
  it('a broken boundary prompts with Send anyway (promptUser, never a hard block) and marks the warned time', async () => {
    const host = new StandInHost(IDS);
    const event = recordingEvent();
    await onAppointmentSend(event, { host, api: api(async () => BROKEN) });
    expect(event.calls).toEqual([{ allowEvent: false, errorMessage: boundaryWordsFor('en-GB').alert(BROKEN), sendModeOverride: 'promptUser' }]);
    const message = (event.calls[0] as { errorMessage: string }).errorMessage;
    expect(message).toBe(
      'This time is outside your mentoring agreement. For Kacper this is Tue 8 Dec, 22:30–23:15 CET, at night, outside their meeting windows. ' +
        'Local times: Kacper: Tue 8 Dec, 22:30–23:15 CET; Margaret: Tue 8 Dec, 16:30–17:15 GMT-5. ' +
        'Times inside it: Tue 8 Dec, 10:00–10:45 GMT-5 · Kacper 16:00–16:45 CET; Wed 9 Dec, 10:00–10:45 GMT-5 · Kacper 16:00–16:45 CET; Tue 15 Dec, 10:00–10:45 GMT-5 · Kacper 16:00–16:45 CET. ' +
        'You can still send it; your partner sees the new time.',
    );
    expect(host.warned).toEqual([TIME]);
  });

  it('in Polish: the alert words the same facts, the caller’s own time first in each time inside the agreement', async () => {
    const host = new StandInHost(IDS, 'pl-PL');
    const event = recordingEvent();
    await onAppointmentSend(event, { host, api: api(async () => BROKEN) });
    const message = (event.calls[0] as { errorMessage: string }).errorMessage;
    expect(message).toMatch(/^Ten termin wykracza poza Waszą umowę mentorską\. U osoby Kacper to będzie wt\., 8 gru, 22:30–23:15 CET, w nocy — poza godzinami spotkań tej osoby\./);
    expect(message).toContain('Czas lokalny: Kacper: wt., 8 gru, 22:30–23:15 CET; Margaret: wt., 8 gru, 16:30–17:15 GMT-5.');
    expect(message).toContain('Terminy zgodne z umową: wt., 8 gru, 10:00–10:45 GMT-5 · Kacper 16:00–16:45 CET;');
    expect(message).toMatch(/Możesz mimo to wysłać; druga osoba zobaczy nowy termin\.$/);
  });

  it.each([
    ['the time keeps the agreement', new StandInHost(IDS), () => Promise.resolve(OK)],
    ['not a mentoring meeting', new StandInHost(undefined), () => Promise.resolve(BROKEN)],
    ['the API is down', new StandInHost(IDS), () => Promise.reject(new TypeError('fetch failed'))],
    ['the API never answers', new StandInHost(IDS), () => new Promise<BoundaryCheckDto>(() => undefined)],
    ['the answer is malformed', new StandInHost(IDS), () => Promise.resolve({} as BoundaryCheckDto)],
  ])('%s: sends, with no alert', async (_what, host, answer) => {
    const event = recordingEvent();
    await onAppointmentSend(event, { host, api: api(answer), timeoutMs: 20 });
    expect(event.calls).toEqual([{ allowEvent: true }]);
    expect(host.warned).toEqual([]);
  });

  it('a host that fails to read the item still completes and sends', async () => {
    const host = new StandInHost(IDS);
    host.appointmentTime = () => Promise.reject(new Error('item unavailable'));
    const event = recordingEvent();
    await onAppointmentSend(event, { host, api: api(async () => BROKEN) });
    expect(event.calls).toEqual([{ allowEvent: true }]);
  });
});

describe('the words stay within Outlook’s limits and name no IANA id or ISO date, in both languages', () => {
  const long = 'Aleksandra Wiśniewska-Kowalczyk';
  const named = (v: BoundaryCheckDto): BoundaryCheckDto => ({
    ...v,
    localTimes: v.localTimes.map((l) => ({ ...l, name: long })),
    alternatives: v.alternatives.map((a) => ({ ...a, localTimes: a.localTimes.map((l) => ({ ...l, name: long })) })),
  });
  const brokens: NonNullable<BoundaryCheckDto['broken']>[] = [
    { code: 'BOUNDARY.OUTSIDE_DATES', facts: { firstDate: '2027-01-12', endDate: '2027-06-30' } },
    { code: 'BOUNDARY.NOTICE', facts: { hours: 24 } },
    { code: 'BOUNDARY.DST_SHIFT', role: 'mentor', facts: { changedRole: 'mentee' } },
    { code: 'BOUNDARY.NIGHT', role: 'mentor', facts: { from: '22:00', until: '07:00' } },
    { code: 'BOUNDARY.OUTSIDE_WINDOW', role: 'mentee', facts: {} },
    { code: 'BOUNDARY.BUFFER', facts: { minutes: 10 } },
    { code: 'BOUNDARY.CADENCE', facts: { cadence: { kind: 'everyNDays', days: 10 }, meetingNumber: 12 } },
  ];
  // Each locale's own way: en-US a 12-hour clock and EST, en-GB and pl-PL 24 hours.
  const NEAREST: Record<string, RegExp> = {
    'en-GB': /Try Tue 8 Dec, 10:00–10:45 GMT-5\.$/,
    'en-US': /Try Tue, Dec 8, 10:00\sAM–10:45\sAM EST\.$/,
    'pl-PL': /Spróbuj: wt\., 8 gru, 10:00–10:45 GMT-5\.$/,
  };
  it.each(Object.keys(NEAREST))('%s', (language) => {
    const words = boundaryWordsFor(language);
    for (const broken of brokens) {
      const verdict = named({ ...BROKEN, broken });
      const bar = words.notice(verdict);
      const alert = words.alert(verdict);
      expect(bar.length).toBeLessThanOrEqual(150);
      expect(alert.length).toBeLessThanOrEqual(500);
      for (const text of [bar, alert]) {
        expect(text).not.toMatch(ISO_DATE);
        expect(text).not.toMatch(/Europe\/|America\//);
      }
      // The bar ends with the nearest time inside, whole; the alert with the reassurance, whole.
      expect(bar).toMatch(NEAREST[language]!);
      expect(alert).toMatch(language === 'pl-PL' ? /druga osoba zobaczy nowy termin\.$/ : /your partner sees the new time\.$/);
    }
  });
});
