/**
 * Attendance over HTTP against recorded Graph JSON (shapes from Microsoft's docs for onlineMeeting,
 * meetingAttendanceReport and attendanceRecord): exact URLs, every call used once.
 */
import { createGraphClient } from '../../../src/adapters/graph/graph-client';
import { GraphMeetingAttendance } from '../../../src/adapters/graph/graph-meeting-attendance.adapter';
import { fixture, StrictGraphServer } from './strict-graph-server';

const TOKEN = 'eyJ0eXAiOiJKV1QiLCJhbGciOiJub25lIn0.e30.';
const AUTH = { authorization: `Bearer ${TOKEN}` };
const MAREK = 'dc17674c-81d9-4adb-bfb2-8f6a442e4622';
const ANIA = '57caaef9-5ed0-48d5-8862-e5abfa71b3e9';
const meeting = fixture<{ value: { id: string; joinWebUrl: string }[] }>('online-meetings-by-join-url.response.json').value[0]!;
const JOIN = meeting.joinWebUrl;
const REPORT = 'c9b6db1c-d5eb-427d-a5c0-20088d9b22d7';
// As the SDK sends it: the filter percent-encoded, quotes included.
const filterUrl = `/v1.0/users/${MAREK}/onlineMeetings?$filter=${encodeURIComponent(`JoinWebUrl eq '${JOIN}'`).replace(/'/g, '%27')}`;
const reportsUrl = `/v1.0/users/${MAREK}/onlineMeetings/${encodeURIComponent(meeting.id)}/attendanceReports`;

let graph: StrictGraphServer;
const adapter = () => new GraphMeetingAttendance(createGraphClient({ baseUrl: graph.baseUrl, accessToken: async () => TOKEN, maxRetries: 0 }));

beforeEach(async () => {
  graph = await StrictGraphServer.start();
});
afterEach(async () => {
  await graph.stop();
});

it('finds the online meeting by its join URL and reads the chat thread id', async () => {
  graph.expect({ method: 'GET', url: filterUrl, headers: AUTH, reply: { status: 200, body: fixture('online-meetings-by-join-url.response.json') } });
  expect(await adapter().findOnlineMeeting(MAREK, JOIN)).toEqual({ ok: true, value: { id: meeting.id, chatThreadId: '19:meeting_MGQ3MzYxMWMtOTU2Yy00MDQ2LWFkMzEtMWZiMjY3Y2YxM2Zl@thread.v2' } });
  graph.verify();
});

it.each([
  ['both', 'attendance-records-both.response.json', [MAREK, ANIA]],
  ['one', 'attendance-records-one.response.json', [MAREK]],
])('reads who joined from the attendance records (%s joined)', async (_label, records, joined) => {
  graph.expect(
    { method: 'GET', url: filterUrl, headers: AUTH, reply: { status: 200, body: fixture('online-meetings-by-join-url.response.json') } },
    { method: 'GET', url: reportsUrl, headers: AUTH, reply: { status: 200, body: fixture('attendance-reports.response.json') } },
    { method: 'GET', url: `${reportsUrl}/${REPORT}/attendanceRecords`, headers: AUTH, reply: { status: 200, body: fixture(records) } },
  );
  expect(await adapter().whoJoined(MAREK, JOIN)).toEqual({ ok: true, value: joined });
  graph.verify();
});

it('no report yet: Teams writes a session\'s report minutes after it ends, so an empty list is ATTENDANCE.NOT_YET_AVAILABLE (read again later), never "nobody joined"', async () => {
  graph.expect(
    { method: 'GET', url: filterUrl, headers: AUTH, reply: { status: 200, body: fixture('online-meetings-by-join-url.response.json') } },
    { method: 'GET', url: reportsUrl, headers: AUTH, reply: { status: 200, body: { '@odata.context': fixture<Record<string, unknown>>('attendance-reports.response.json')['@odata.context'], value: [] } } },
  );
  expect(await adapter().whoJoined(MAREK, JOIN)).toMatchObject({ ok: false, error: { code: 'ATTENDANCE.NOT_YET_AVAILABLE' } });
  graph.verify();
});

it('a report without records: nobody is listed', async () => {
  graph.expect(
    { method: 'GET', url: filterUrl, headers: AUTH, reply: { status: 200, body: fixture('online-meetings-by-join-url.response.json') } },
    { method: 'GET', url: reportsUrl, headers: AUTH, reply: { status: 200, body: fixture('attendance-reports.response.json') } },
    { method: 'GET', url: `${reportsUrl}/${REPORT}/attendanceRecords`, headers: AUTH, reply: { status: 200, body: { value: [] } } },
  );
  expect(await adapter().whoJoined(MAREK, JOIN)).toEqual({ ok: true, value: [] });
  graph.verify();
});

it('an unknown join URL is ATTENDANCE.MEETING_NOT_FOUND; a refused call keeps Graph’s code', async () => {
  graph.expect(
    { method: 'GET', url: filterUrl, headers: AUTH, reply: { status: 200, body: fixture('online-meetings-empty.response.json') } },
    { method: 'GET', url: filterUrl, headers: AUTH, reply: { status: 403, body: fixture('error-access-denied.response.json') } },
  );
  expect(await adapter().whoJoined(MAREK, JOIN)).toMatchObject({ ok: false, error: { code: 'ATTENDANCE.MEETING_NOT_FOUND' } });
  expect(await adapter().whoJoined(MAREK, JOIN)).toMatchObject({ ok: false, error: { code: 'GRAPH.FORBIDDEN' } });
  graph.verify();
});
