/**
 * Refusing impossible agreements and previewing a draft's overlap, over HTTP through the production
 * pipeline on Azurite: the preview answers in the caller's zone; proposing windows that never hold one
 * meeting answers 422 SCHEDULING.WINDOWS_NEVER_OVERLAP with both people's windows in both zones.
 */
import { AgreementPreviewDto } from '../../../src/contracts';
import { agreementFor } from '../support/endpoint-catalogue';
import { startApiHarness, type ApiHarness } from '../support/api-harness';

let h: ApiHarness;
beforeAll(async () => {
  h = await startApiHarness();
});
afterAll(() => h.stop());

/** The tab's default windows (Tue 09–12, Thu 13–16 in each person's own zone) for Tokyo and São Paulo. */
function tokyoAndSaoPaulo(relationship: Parameters<typeof agreementFor>[0]) {
  const base = agreementFor(relationship);
  const windows = [
    { weekday: 2, start: '09:00', end: '12:00' },
    { weekday: 4, start: '13:00', end: '16:00' },
  ];
  return { ...base, mentor: { ...base.mentor, timeZone: 'Asia/Tokyo', meetingWindows: windows }, mentee: { ...base.mentee, timeZone: 'America/Sao_Paulo', meetingWindows: windows } };
}

it('refuses to propose windows that never hold a meeting (Tokyo and São Paulo defaults), showing both people’s windows in both zones, and writes nothing', async () => {
  const cast = await h.newCast();
  const before = await h.snapshot(cast.tenantId);
  const answer = await h.request('POST', `/api/relationships/${cast.relationship.id}/agreement`, { person: cast.mentee, body: { agreement: tokyoAndSaoPaulo(cast.relationship), note: '' } });
  expect([answer.status, answer.json.error.code, answer.json.error.field]).toEqual([422, 'SCHEDULING.WINDOWS_NEVER_OVERLAP', 'agreement.meetingWindows']);
  expect(answer.json.error.message).toMatch(/In Asia\/Tokyo time the mentor can meet Tue 09:00–12:00, Thu 13:00–16:00 and the mentee .*; in America\/Sao_Paulo time the mentee can meet Tue 09:00–12:00, Thu 13:00–16:00 and the mentor /);
  expect(answer.json.error.details.mentorView.partnerWindows).toEqual([
    { weekday: 2, start: '21:00', end: '00:00' },
    { weekday: 5, start: '01:00', end: '04:00' },
  ]);
  expect(await h.snapshot(cast.tenantId)).toEqual(before);
});

it('previews the same draft with the never-overlap finding, and writes nothing', async () => {
  const cast = await h.newCast();
  const before = await h.snapshot(cast.tenantId);
  const answer = await h.request('POST', `/api/relationships/${cast.relationship.id}/agreement/preview`, { person: cast.mentor, body: { agreement: tokyoAndSaoPaulo(cast.relationship), note: '' } });
  expect(answer.status).toBe(200);
  const preview = AgreementPreviewDto.parse(answer.json);
  expect(preview).toMatchObject({ viewer: 'mentor', viewerZone: 'Asia/Tokyo', partnerZone: 'America/Sao_Paulo', fits: [] });
  expect(preview.neverOverlap?.code).toBe('SCHEDULING.WINDOWS_NEVER_OVERLAP');
  expect(await h.snapshot(cast.tenantId)).toEqual(before);
});

it('previews where a meeting fits for both on the caller’s clock, and the weeks a clock change moves it', async () => {
  const cast = await h.newCast();
  // Warsaw Tue 14:00–19:00 and New York Tue 08:00–13:00 from 2 March 2027: the US changes clocks on
  // 14 March and Europe on 28 March, so the overlap on Warsaw's clock moves twice.
  const base = agreementFor(cast.relationship);
  const agreement = {
    ...base,
    cadence: { kind: 'weekly' },
    firstDate: '2027-03-01',
    meetingCount: 8,
    mentor: { ...base.mentor, meetingWindows: [{ weekday: 2, start: '14:00', end: '19:00' }] },
    mentee: { ...base.mentee, meetingWindows: [{ weekday: 2, start: '08:00', end: '13:00' }] },
  };
  const answer = await h.request('POST', `/api/relationships/${cast.relationship.id}/agreement/preview`, { person: cast.mentor, body: { agreement, note: '' } });
  expect(answer.status).toBe(200);
  const preview = AgreementPreviewDto.parse(answer.json);
  expect(preview.viewerZone).toBe('Europe/Warsaw');
  expect(preview.myWindows).toEqual([{ weekday: 2, start: '14:00', end: '19:00' }]);
  expect(preview.partnerWindows).toEqual([{ weekday: 2, start: '14:00', end: '19:00' }]);
  expect(preview.fits).toEqual([{ weekday: 2, start: '14:00', end: '19:00' }]);
  expect(preview.changedWeeks).toEqual([
    { weekStart: '2027-03-15', fits: [{ weekday: 2, start: '14:00', end: '18:00' }] },
    { weekStart: '2027-03-29', fits: [{ weekday: 2, start: '14:00', end: '19:00' }] },
  ]);
  expect(preview.neverOverlap).toBeUndefined();
});

it('answers a broken rule as proposing would (422 with the field), and a stranger 404', async () => {
  const cast = await h.newCast();
  const bad = await h.request('POST', `/api/relationships/${cast.relationship.id}/agreement/preview`, {
    person: cast.mentee,
    body: { agreement: { ...agreementFor(cast.relationship), minimumNoticeHours: 1e12 }, note: '' },
  });
  expect([bad.status, bad.json.error.code, bad.json.error.field]).toEqual([422, 'AGREEMENT.NOTICE_TOO_LONG', 'agreement.minimumNoticeHours']);
  const stranger = await h.request('POST', `/api/relationships/${cast.relationship.id}/agreement/preview`, { person: cast.stranger, body: { agreement: agreementFor(cast.relationship), note: '' } });
  expect(stranger.status).toBe(404);
});
