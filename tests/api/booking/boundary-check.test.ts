/**
 * The Outlook boundary guard's endpoint over HTTP on the local host (token validation, contracts,
 * Table Storage on Azurite, the local Graph calendar): a move inside the agreement passes; a move
 * outside a window, inside the notice, across a DST change or into the partner's night is flagged with
 * the right boundary and the facts behind it (no words: the readers word them), both people's local
 * times and up to three alternatives that pass the same check.
 * Access (pair only, other tenant refused, no token) is walked by the access matrix's catalogue.
 */
import { agreementFor } from '../support/endpoint-catalogue';
import { startApiHarness, type ApiHarness, type Cast } from '../support/api-harness';
import type { Relationship } from '../../../src/core/relationships/relationship';
import { BoundaryCheckDto } from '../../../src/contracts/booking';

let h: ApiHarness;
beforeAll(async () => {
  h = await startApiHarness();
});
afterAll(() => h.stop());

type PairCast = Cast & { relationship: Relationship };

async function bookedPair(agreement: (r: Relationship) => unknown = agreementFor, count = 1) {
  const cast = await h.newCast();
  const rel = `/api/relationships/${cast.relationship.id}`;
  const proposed = await h.request('POST', `${rel}/agreement`, { person: cast.mentee, body: { agreement: agreement(cast.relationship), note: '' } });
  expect(proposed.status).toBe(201);
  expect((await h.request('POST', `${rel}/agreement/1/accept`, { person: cast.mentor, body: { version: proposed.json.versions[0].version } })).status).toBe(200);
  const booked = await h.request('POST', `${rel}/meetings`, { person: cast.mentee, body: count === 1 ? { scope: 'next' } : { scope: 'series', count } });
  expect(booked.status).toBe(200);
  const [meeting, next] = booked.json.meetings as { id: string; start: string; end: string }[];
  return { cast, rel, meeting: meeting!, next };
}

async function check(cast: PairCast, rel: string, meetingId: string, start: string, end: string) {
  const answer = await h.request('POST', `${rel}/meetings/${meetingId}/boundary-check`, { person: cast.mentee, body: { start, end } });
  expect(answer.status).toBe(200);
  return BoundaryCheckDto.parse(answer.json);
}

const plus = (iso: string, minutes: number) => new Date(Date.parse(iso) + minutes * 60_000).toISOString();

/** Every alternative offered passes the same check when sent back. */
async function expectAlternativesPass(cast: PairCast, rel: string, meetingId: string, verdict: BoundaryCheckDto) {
  expect(verdict.alternatives.length).toBeGreaterThan(0);
  expect(verdict.alternatives.length).toBeLessThanOrEqual(3);
  for (const alt of verdict.alternatives) expect(await check(cast, rel, meetingId, alt.start, alt.end)).toMatchObject({ ok: true, alternatives: [] });
}

it('a move inside the agreement passes, with both people’s local times and no alternatives', async () => {
  const { cast, rel, meeting } = await bookedPair();
  const verdict = await check(cast, rel, meeting.id, plus(meeting.start, 15), plus(meeting.end, 15));
  expect(verdict.ok).toBe(true);
  expect(verdict.callerRole).toBe('mentee');
  expect(verdict.broken).toBeUndefined();
  expect(verdict.alternatives).toEqual([]);
  expect(verdict.localTimes.map((l) => [l.role, l.timeZone])).toEqual([
    ['mentor', 'Europe/Warsaw'],
    ['mentee', 'America/New_York'],
  ]);
  // Warsaw is UTC+1 and New York UTC−5 in December: the same instant on both clocks.
  expect(verdict.localTimes[0]!.start).toMatch(/\+01:00$/);
  expect(verdict.localTimes[1]!.start).toMatch(/-05:00$/);
});

it('outside a window: the mentor’s window is named, with both local times on their own clocks and up to three passing times', async () => {
  const { cast, rel, meeting } = await bookedPair();
  // Tuesday 18:00 in Warsaw (window 14:00–17:00), 12:00 in New York (window 08:00–12:00).
  const day = meeting.start.slice(0, 10);
  const verdict = await check(cast, rel, meeting.id, `${day}T17:00:00Z`, `${day}T17:45:00Z`);
  expect(verdict.ok).toBe(false);
  expect(verdict.broken).toEqual({ code: 'BOUNDARY.OUTSIDE_WINDOW', role: 'mentor', facts: {} });
  expect(verdict.localTimes.map((l) => [l.role, l.name, l.timeZone, l.start, l.end])).toEqual([
    ['mentor', 'Kacper Mentor', 'Europe/Warsaw', `${day}T18:00:00+01:00`, `${day}T18:45:00+01:00`],
    ['mentee', expect.any(String), 'America/New_York', `${day}T12:00:00-05:00`, `${day}T12:45:00-05:00`],
  ]);
  await expectAlternativesPass(cast, rel, meeting.id, verdict);
});

it('into the partner’s night: flagged as night for the mentor when the mentee moves it', async () => {
  const { cast, rel, meeting } = await bookedPair();
  const day = meeting.start.slice(0, 10);
  // 22:30 in Warsaw, 16:30 in New York.
  const verdict = await check(cast, rel, meeting.id, `${day}T21:30:00Z`, `${day}T22:15:00Z`);
  expect(verdict.broken).toEqual({ code: 'BOUNDARY.NIGHT', role: 'mentor', facts: { from: '22:00', until: '07:00' } });
  await expectAlternativesPass(cast, rel, meeting.id, verdict);
});

it('inside the minimum notice: flagged as notice before anything else', async () => {
  const { cast, rel, meeting } = await bookedPair();
  const soon = new Date(Math.ceil((Date.now() + 2 * 3600_000) / 900_000) * 900_000).toISOString();
  const verdict = await check(cast, rel, meeting.id, soon, plus(soon, 45));
  expect(verdict.broken).toEqual({ code: 'BOUNDARY.NOTICE', facts: { hours: 24 } });
  await expectAlternativesPass(cast, rel, meeting.id, verdict);
});

/** Tight windows that overlap only while both zones are on the same side of a clock change. */
const dstAgreement = (r: Relationship) => {
  const base = agreementFor(r);
  return {
    ...base,
    cadence: { kind: 'weekly' },
    firstDate: '2027-03-01',
    mentor: { ...base.mentor, meetingWindows: [{ weekday: 2, start: '16:00', end: '17:00' }] },
    mentee: { ...base.mentee, meetingWindows: [{ weekday: 2, start: '10:00', end: '11:00' }] },
  };
};

it('across a DST change: the same Warsaw time two weeks later is 11:00 in New York (clocks changed on 14 March), flagged as the clock change', async () => {
  const { cast, rel, meeting } = await bookedPair(dstAgreement);
  // Booked on Tuesday 2 March at 16:00 Warsaw = 10:00 New York (UTC 15:00).
  expect(meeting.start.slice(0, 10)).toBe('2027-03-02');
  const verdict = await check(cast, rel, meeting.id, '2027-03-16T15:00:00Z', '2027-03-16T15:45:00Z');
  // New York's clocks changed (changedRole), which takes the time out of the mentee's window (role).
  expect(verdict.broken).toEqual({ code: 'BOUNDARY.DST_SHIFT', role: 'mentee', facts: { changedRole: 'mentee' } });
  expect(verdict.localTimes.map((l) => l.start)).toEqual(['2027-03-16T16:00:00+01:00', '2027-03-16T11:00:00-04:00']);
  await expectAlternativesPass(cast, rel, meeting.id, verdict);
  // The alternatives keep both clocks: before the US change at UTC 15:xx, after the EU change at UTC 14:xx.
  for (const alt of verdict.alternatives) expect(alt.localTimes[1]!.start).toMatch(/T10:/);
});

it('before the agreement’s first date: flagged with the agreement’s dates as facts', async () => {
  const { cast, rel, meeting } = await bookedPair(dstAgreement);
  // Tuesday 16 February, 16:00 in Warsaw: inside both windows, but before the first date (1 March).
  const verdict = await check(cast, rel, meeting.id, '2027-02-16T15:00:00Z', '2027-02-16T15:45:00Z');
  expect(verdict.broken).toEqual({ code: 'BOUNDARY.OUTSIDE_DATES', facts: { firstDate: '2027-03-01' } });
  await expectAlternativesPass(cast, rel, meeting.id, verdict);
});

it('a buffer clash with the pair’s other meeting and a cadence break are named', async () => {
  const { cast, rel, meeting, next } = await bookedPair(agreementFor, 2);
  if (!next) throw new Error('the series has two meetings');
  const clash = await check(cast, rel, meeting.id, plus(next.start, 30), plus(next.end, 30));
  expect(clash.broken).toEqual({ code: 'BOUNDARY.BUFFER', facts: { minutes: 10 } });
  const pastNext = plus(next.start, 7 * 24 * 60);
  const swapped = await check(cast, rel, meeting.id, pastNext, plus(pastNext, 45));
  expect(swapped.broken).toEqual({ code: 'BOUNDARY.CADENCE', facts: { cadence: { kind: 'biweekly' }, meetingNumber: 1 } });
  await expectAlternativesPass(cast, rel, meeting.id, swapped);
});

it('bad input and unknown meetings answer stable codes', async () => {
  const { cast, rel, meeting } = await bookedPair();
  const backwards = await h.request('POST', `${rel}/meetings/${meeting.id}/boundary-check`, { person: cast.mentee, body: { start: meeting.end, end: meeting.start } });
  expect([backwards.status, backwards.json.error.code, backwards.json.error.field]).toEqual([400, 'HTTP.INVALID_BODY', 'end']);
  const unknown = await h.request('POST', `${rel}/meetings/nope/boundary-check`, { person: cast.mentee, body: { start: meeting.start, end: meeting.end } });
  expect([unknown.status, unknown.json.error.code]).toEqual([404, 'BOOKING.MEETING_NOT_FOUND']);
  const outsider = await h.request('POST', `${rel}/meetings/${meeting.id}/boundary-check`, { person: cast.outsider, body: { start: meeting.start, end: meeting.end } });
  expect([403, 404]).toContain(outsider.status);
});
