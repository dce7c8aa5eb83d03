/**
 * An agreement's numbers are bounded (meeting 15–240 min, buffer ≤ 240 min, notice ≤ 30 days, every
 * N ≤ 90 days, ≤ 52 meetings): outside, the proposal answers 422 naming the field and writes nothing.
 * Over HTTP through the production pipeline on Azurite.
 */
import { agreementFor } from '../support/endpoint-catalogue';
import { startApiHarness, type ApiHarness } from '../support/api-harness';

let h: ApiHarness;
beforeAll(async () => {
  h = await startApiHarness();
});
afterAll(() => h.stop());

it.each<[string, Record<string, unknown>, string, string]>([
  ['notice 1e12 hours', { minimumNoticeHours: 1e12 }, 'AGREEMENT.NOTICE_TOO_LONG', 'agreement.minimumNoticeHours'],
  ['buffer 1e9 minutes', { bufferMinutes: 1e9 }, 'AGREEMENT.BUFFER_TOO_LONG', 'agreement.bufferMinutes'],
  ['every 1e9 days', { cadence: { kind: 'everyNDays', days: 1e9 } }, 'AGREEMENT.CADENCE_TOO_LONG', 'agreement.cadence.days'],
  ['1e9 meetings', { meetingCount: 1e9 }, 'AGREEMENT.MEETING_COUNT_TOO_HIGH', 'agreement.meetingCount'],
  ['a 5-minute meeting', { meetingMinutes: 5 }, 'AGREEMENT.MEETING_TOO_SHORT', 'agreement.meetingMinutes'],
  ['a 300-minute meeting', { meetingMinutes: 300 }, 'AGREEMENT.MEETING_TOO_LONG', 'agreement.meetingMinutes'],
])('refuses %s with 422, the field, and no write', async (_name, change, code, field) => {
  const cast = await h.newCast();
  const before = await h.snapshot(cast.tenantId);
  const answer = await h.request('POST', `/api/relationships/${cast.relationship.id}/agreement`, {
    person: cast.mentee,
    body: { agreement: { ...agreementFor(cast.relationship), ...change }, note: '' },
  });
  expect([answer.status, answer.json.error.code, answer.json.error.field]).toEqual([422, code, field]);
  expect(answer.json.error.message).toMatch(/at (most|least)/);
  expect(await h.snapshot(cast.tenantId)).toEqual(before);
});

it('lists every problem at once in details.problems: all numbers out of bounds, then all broken rules, each at its field', async () => {
  const cast = await h.newCast();
  const before = await h.snapshot(cast.tenantId);
  const base = agreementFor(cast.relationship);
  const numbers = await h.request('POST', `/api/relationships/${cast.relationship.id}/agreement`, {
    person: cast.mentee,
    body: { agreement: { ...base, meetingMinutes: 5, bufferMinutes: 1e9, meetingCount: 1e9 }, note: '' },
  });
  expect([numbers.status, numbers.json.error.code]).toEqual([422, 'AGREEMENT.MEETING_TOO_SHORT']);
  expect(numbers.json.error.details.problems.map((p: { field: string; code: string }) => [p.field, p.code])).toEqual([
    ['agreement.meetingMinutes', 'AGREEMENT.MEETING_TOO_SHORT'],
    ['agreement.bufferMinutes', 'AGREEMENT.BUFFER_TOO_LONG'],
    ['agreement.meetingCount', 'AGREEMENT.MEETING_COUNT_TOO_HIGH'],
  ]);
  const rules = await h.request('POST', `/api/relationships/${cast.relationship.id}/agreement`, {
    person: cast.mentee,
    body: {
      agreement: {
        ...base,
        firstDate: '2026-02-30',
        mentor: { ...base.mentor, meetingWindows: [{ weekday: 2, start: '17:00', end: '14:00' }] },
        mentee: { ...base.mentee, timeZone: 'Mars/Olympus_Mons' },
      },
      note: '',
    },
  });
  expect([rules.status, rules.json.error.code, rules.json.error.field]).toEqual([422, 'AGREEMENT.BAD_DATE', 'agreement.firstDate']);
  expect(rules.json.error.details.problems.map((p: { field: string; code: string }) => [p.field, p.code])).toEqual([
    ['agreement.firstDate', 'AGREEMENT.BAD_DATE'],
    ['agreement.mentor.meetingWindows[0].end', 'AGREEMENT.WINDOW_END_BEFORE_START'],
    ['agreement.mentee.timeZone', 'TIME.UNKNOWN_ZONE'],
  ]);
  for (const p of rules.json.error.details.problems) expect(p.message.length).toBeGreaterThan(10);
  expect(await h.snapshot(cast.tenantId)).toEqual(before);
});
