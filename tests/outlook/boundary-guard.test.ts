/**
 * The guard's event handlers against a stand-in Office host: every completion path calls
 * event.completed exactly once (ignored appointment, ok, broken, API error, malformed answer,
 * timeout); the guard fails open and never blocks; a broken boundary on send prompts with "Send anyway".
 */
import { alertText, noticeText, onAppointmentChanged, onAppointmentSend, type GuardApi, type GuardHost, type MentoringIds } from '../../src/outlook/guard/boundary-guard';
import type { BoundaryCheckDto } from '../../src/contracts/booking';

const IDS: MentoringIds = { relationshipId: 'rel-1', meetingId: 'rel-1.m002' };
const TIME = { start: '2026-12-08T21:30:00.000Z', end: '2026-12-08T22:15:00.000Z' };
const local = (role: 'mentor' | 'mentee', name: string, zone: string, label: string) => ({ role, name, timeZone: zone, start: '', end: '', label });
const BROKEN: BoundaryCheckDto = {
  ok: false,
  broken: { code: 'BOUNDARY.NIGHT', role: 'mentor', message: 'This time is Tue 2026-12-08 22:30–23:15 for Kacper (Europe/Warsaw): night-time, outside Kacper’s meeting windows.' },
  localTimes: [local('mentor', 'Kacper', 'Europe/Warsaw', 'Tue 2026-12-08 22:30–23:15'), local('mentee', 'Margaret', 'America/New_York', 'Tue 2026-12-08 16:30–17:15')],
  alternatives: [
    { start: '2026-12-08T15:00:00.000Z', end: '2026-12-08T15:45:00.000Z', localTimes: [local('mentor', 'Kacper', 'Europe/Warsaw', 'Tue 2026-12-08 16:00–16:45'), local('mentee', 'Margaret', 'America/New_York', 'Tue 2026-12-08 10:00–10:45')] },
  ],
};
const OK: BoundaryCheckDto = { ok: true, localTimes: BROKEN.localTimes, alternatives: [] };

class StandInHost implements GuardHost {
  notice: string | undefined = 'an earlier notice';
  warned: unknown[] = [];
  constructor(private readonly ids: MentoringIds | undefined) {}
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
    expect(host.notice).toBe(noticeText(BROKEN));
    expect(host.notice!.length).toBeLessThanOrEqual(150);
    expect(host.notice).toContain('Outside your mentoring agreement');
    expect(event.calls).toEqual([undefined]);
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
    expect(event.calls).toEqual([{ allowEvent: false, errorMessage: alertText(BROKEN), sendModeOverride: 'promptUser' }]);
    const message = (event.calls[0] as { errorMessage: string }).errorMessage;
    expect(message.length).toBeLessThanOrEqual(500);
    expect(message).toContain('Kacper: Tue 2026-12-08 22:30–23:15');
    expect(message).toContain('Margaret: Tue 2026-12-08 16:30–17:15');
    expect(message).toContain('Tue 2026-12-08 16:00–16:45');
    expect(host.warned).toEqual([TIME]);
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
