/**
 * The local calendar is no kinder than Graph: attendees get events of their own, answers and
 * cancellations travel as Microsoft documents them, mailboxSettings can be updated (and refused as
 * Graph refuses), and bodyPreview is plain text. Over HTTP, events in the run's Azurite.
 */
import type { LocalCalendarPerson } from '../../../src/local/calendar/demo-calendars';
import { bodyPreview } from '../../../src/local/calendar/body-preview';
import { localCalendarTable, startLocalGraphCalendar, type StartedLocalGraphCalendar } from '../../../src/local/calendar/local-graph-calendar';
import { testStorageConnectionString, uniqueTableName } from '../../support/azurite';

const TENANT = '11111111-1111-4111-8111-111111111111';
const kacper: LocalCalendarPerson & { tenantId: string } = { personId: 'a0000002-0000-4000-8000-000000000002', tenantId: TENANT, email: 'kacper.nowak@contoso.local', displayName: 'Kacper Nowak', timeZone: 'Central European Standard Time', seeded: false };
const margaret: LocalCalendarPerson & { tenantId: string } = { personId: 'a0000001-0000-4000-8000-000000000001', tenantId: TENANT, email: 'margaret.hale@contoso.local', displayName: 'Margaret Hale', timeZone: 'Eastern Standard Time', seeded: false };
const outsider: LocalCalendarPerson & { tenantId: string } = { personId: 'b0000001-0000-4000-8000-000000000001', tenantId: '22222222-2222-4222-8222-222222222222', email: 'ola@fabrikam.local', displayName: 'Ola', timeZone: 'UTC', seeded: false };

let calendar: StartedLocalGraphCalendar;

interface Reply {
  status: number;
  json: Record<string, any>;
}
async function graph(method: string, path: string, body?: unknown): Promise<Reply> {
  const response = await fetch(`${calendar.baseUrl}${path}`, {
    method,
    headers: { Authorization: 'Bearer t', 'Content-Type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, json: text ? (JSON.parse(text) as Record<string, any>) : {} };
}

const invite = {
  subject: 'Mentoring #1',
  body: { contentType: 'html', content: '<html><body><p>Agenda &middot; goals&nbsp;&amp; roadmap</p>\n<ul><li>Feedback &#8212; first</li></ul></body></html>' },
  start: { dateTime: '2026-12-01T15:00:00', timeZone: 'UTC' },
  end: { dateTime: '2026-12-01T16:00:00', timeZone: 'UTC' },
  attendees: [{ emailAddress: { address: margaret.email, name: margaret.displayName }, type: 'required' }],
  isOnlineMeeting: true,
  onlineMeetingProvider: 'teamsForBusiness',
  transactionId: 'txn-1',
  extensions: [{ '@odata.type': 'microsoft.graph.openTypeExtension', extensionName: 'com.mentoring.meeting', meetingId: 'm1' }],
};

async function book(): Promise<{ organizerEvent: Record<string, any>; copy: Record<string, any> }> {
  const created = await graph('POST', `/users/${kacper.personId}/calendar/events`, invite);
  expect(created.status).toBe(201);
  const list = await graph('GET', `/users/${margaret.personId}/events`);
  expect(list.json.value).toHaveLength(1);
  return { organizerEvent: created.json, copy: list.json.value[0] };
}

beforeEach(async () => {
  calendar = await startLocalGraphCalendar({ table: localCalendarTable(testStorageConnectionString(), uniqueTableName('fidelity')), people: [kacper, margaret, outsider], now: () => Date.UTC(2026, 10, 20, 9) });
});
afterEach(async () => {
  await calendar.stop();
});

describe('attendee copies', () => {
  it('gives the attendee an event of their own: own id, the organizer’s iCalUId, notResponded, no open extensions', async () => {
    const { organizerEvent, copy } = await book();
    expect(copy.id).not.toBe(organizerEvent.id);
    expect(copy.iCalUId).toBe(organizerEvent.iCalUId);
    expect(copy).toMatchObject({ isOrganizer: false, isCancelled: false, showAs: 'tentative', responseStatus: { response: 'notResponded', time: '0001-01-01T00:00:00Z' }, subject: 'Mentoring #1', transactionId: null });
    expect(copy.organizer).toEqual({ emailAddress: { name: kacper.displayName, address: kacper.email } });
    expect(copy.onlineMeeting).toEqual(organizerEvent.onlineMeeting);
    expect(copy.extensions).toBeUndefined();
    expect(organizerEvent).toMatchObject({ isOrganizer: true, responseStatus: { response: 'organizer' } });
    const byId = await graph('GET', `/users/${margaret.email}/events/${encodeURIComponent(copy.id)}`);
    expect(byId.status).toBe(200);
    expect(byId.json.iCalUId).toBe(organizerEvent.iCalUId);
    // The organizer's id means nothing in the attendee's mailbox.
    expect((await graph('GET', `/users/${margaret.personId}/events/${encodeURIComponent(organizerEvent.id)}`)).status).toBe(404);
  });

  it('a retried create (same transactionId) makes neither a second event nor a second copy', async () => {
    await book();
    const again = await graph('POST', `/users/${kacper.personId}/calendar/events`, invite);
    expect(again.status).toBe(201);
    expect((await graph('GET', `/users/${kacper.personId}/events`)).json.value).toHaveLength(1);
    expect((await graph('GET', `/users/${margaret.personId}/events`)).json.value).toHaveLength(1);
  });

  it('gives no copy to an attendee of another tenant', async () => {
    await graph('POST', `/users/${kacper.personId}/events`, { ...invite, transactionId: undefined, attendees: [{ emailAddress: { address: outsider.email } }] });
    expect((await graph('GET', `/users/${outsider.personId}/events`)).json.value).toEqual([]);
  });

  it('accept on the copy sets the attendee’s status on the organizer’s event; sendResponse false keeps it to the attendee', async () => {
    const { organizerEvent, copy } = await book();
    const accepted = await graph('POST', `/users/${margaret.personId}/events/${encodeURIComponent(copy.id)}/accept`, { comment: 'See you', sendResponse: true });
    expect(accepted.status).toBe(202);
    const mine = await graph('GET', `/users/${margaret.personId}/events/${encodeURIComponent(copy.id)}`);
    expect(mine.json).toMatchObject({ responseStatus: { response: 'accepted' }, showAs: 'busy' });
    const theirs = await graph('GET', `/users/${kacper.personId}/events/${encodeURIComponent(organizerEvent.id)}`);
    expect(theirs.json.attendees[0].status.response).toBe('accepted');

    expect((await graph('POST', `/users/${margaret.personId}/events/${encodeURIComponent(copy.id)}/tentativelyAccept`, { sendResponse: false })).status).toBe(202);
    expect((await graph('GET', `/users/${margaret.personId}/events/${encodeURIComponent(copy.id)}`)).json).toMatchObject({ responseStatus: { response: 'tentativelyAccepted' }, showAs: 'tentative' });
    expect((await graph('GET', `/users/${kacper.personId}/events/${encodeURIComponent(organizerEvent.id)}`)).json.attendees[0].status.response).toBe('accepted');
  });

  it('counts the copy in the attendee’s free/busy: tentative until accepted, busy after, gone once declined', async () => {
    const { copy } = await book();
    const status = async () => {
      const schedule = await graph('POST', `/users/${margaret.personId}/calendar/getSchedule`, {
        schedules: [margaret.email],
        startTime: { dateTime: '2026-12-01T14:00:00', timeZone: 'UTC' },
        endTime: { dateTime: '2026-12-01T17:00:00', timeZone: 'UTC' },
        availabilityViewInterval: 60,
      });
      return schedule.json.value[0].availabilityView as string;
    };
    expect(await status()).toBe('010');
    await graph('POST', `/users/${margaret.personId}/events/${encodeURIComponent(copy.id)}/accept`, {});
    expect(await status()).toBe('020');
    await graph('POST', `/users/${margaret.personId}/events/${encodeURIComponent(copy.id)}/decline`, { comment: 'Clash' });
    expect(await status()).toBe('000');
    expect((await graph('GET', `/users/${margaret.personId}/events`)).json.value).toEqual([]);
  });

  it('the organizer cannot answer their own meeting, and an attendee cannot cancel it', async () => {
    const { organizerEvent, copy } = await book();
    const answer = await graph('POST', `/users/${kacper.personId}/events/${encodeURIComponent(organizerEvent.id)}/accept`, {});
    expect(answer.status).toBe(400);
    const cancel = await graph('POST', `/users/${margaret.personId}/events/${encodeURIComponent(copy.id)}/cancel`, { comment: 'no' });
    expect([cancel.status, cancel.json.error.message]).toEqual([400, "Your request can't be completed. You need to be an organizer to cancel a meeting."]);
  });

  it('an organizer’s update reaches the copy; a new time asks the attendee again', async () => {
    const { organizerEvent, copy } = await book();
    await graph('POST', `/users/${margaret.personId}/events/${encodeURIComponent(copy.id)}/accept`, {});
    const agenda = await graph('PATCH', `/users/${kacper.personId}/events/${encodeURIComponent(organizerEvent.id)}`, { body: { contentType: 'html', content: '<p>New&nbsp;agenda</p>' } });
    expect(agenda.status).toBe(200);
    let mine = (await graph('GET', `/users/${margaret.personId}/events/${encodeURIComponent(copy.id)}`)).json;
    expect(mine).toMatchObject({ bodyPreview: 'New agenda', responseStatus: { response: 'accepted' } });
    await graph('PATCH', `/users/${kacper.personId}/events/${encodeURIComponent(organizerEvent.id)}`, { start: { dateTime: '2026-12-02T15:00:00', timeZone: 'UTC' }, end: { dateTime: '2026-12-02T16:00:00', timeZone: 'UTC' } });
    mine = (await graph('GET', `/users/${margaret.personId}/events/${encodeURIComponent(copy.id)}`)).json;
    expect(mine).toMatchObject({ start: { dateTime: '2026-12-02T15:00:00.0000000', timeZone: 'UTC' }, responseStatus: { response: 'notResponded' }, showAs: 'tentative' });
    expect((await graph('GET', `/users/${kacper.personId}/events/${encodeURIComponent(organizerEvent.id)}`)).json.attendees[0].status.response).toBe('none');
  });

  it('cancel (with a comment) removes the organizer’s event and leaves the attendee a cancelled copy', async () => {
    const { organizerEvent, copy } = await book();
    expect((await graph('POST', `/users/${kacper.personId}/events/${encodeURIComponent(organizerEvent.id)}/cancel`, { comment: 'The relationship has closed.' })).status).toBe(202);
    expect((await graph('GET', `/users/${kacper.personId}/events/${encodeURIComponent(organizerEvent.id)}`)).status).toBe(404);
    expect((await graph('GET', `/users/${kacper.personId}/events`)).json.value).toEqual([]);
    const mine = (await graph('GET', `/users/${margaret.personId}/events/${encodeURIComponent(copy.id)}`)).json;
    expect(mine).toMatchObject({ isCancelled: true, subject: 'Canceled: Mentoring #1', iCalUId: organizerEvent.iCalUId, bodyPreview: 'The relationship has closed.' });
    // A cancelled meeting takes no time in the attendee's free/busy and cannot be answered.
    expect((await graph('POST', `/users/${margaret.personId}/events/${encodeURIComponent(copy.id)}/accept`, {})).status).toBe(400);
  });

  it('DELETE by the organizer cancels the meeting for the attendee the same way', async () => {
    const { organizerEvent, copy } = await book();
    expect((await graph('DELETE', `/users/${kacper.personId}/events/${encodeURIComponent(organizerEvent.id)}`)).status).toBe(204);
    expect((await graph('GET', `/users/${margaret.personId}/events/${encodeURIComponent(copy.id)}`)).json.isCancelled).toBe(true);
  });
});

describe('bodyPreview', () => {
  it('is the body as plain text: markup stripped, references decoded, whitespace collapsed', async () => {
    const { organizerEvent, copy } = await book();
    expect(organizerEvent.bodyPreview).toBe('Agenda · goals & roadmap Feedback — first');
    expect(copy.bodyPreview).toBe(organizerEvent.bodyPreview);
  });

  it('keeps at most 255 characters, and text bodies as they are (whitespace collapsed)', () => {
    expect(bodyPreview({ contentType: 'html', content: `<p>${'x'.repeat(300)}</p>` })).toHaveLength(255);
    expect(bodyPreview({ contentType: 'text', content: 'a &amp; b\n\n c' })).toBe('a &amp; b c');
    expect(bodyPreview({ contentType: 'html', content: '<style>p{}</style><p>&#x1F600; &unknown; &lt;b&gt;</p>' })).toBe('😀 &unknown; <b>');
  });
});

describe('mailboxSettings', () => {
  it('PATCH updates timeZone and workingHours, answers the updated properties, and getSchedule follows', async () => {
    const patched = await graph('PATCH', `/users/${margaret.personId}/mailboxSettings`, {
      timeZone: 'Pacific Standard Time',
      workingHours: { daysOfWeek: ['Monday', 'Tuesday', 'Wednesday'], startTime: '08:00:00.0000000', endTime: '16:30:00', timeZone: { name: 'Pacific Standard Time' } },
    });
    expect(patched).toEqual({
      status: 200,
      json: {
        '@odata.context': `https://graph.microsoft.com/v1.0/$metadata#users('${encodeURIComponent(margaret.email)}')/mailboxSettings`,
        timeZone: 'Pacific Standard Time',
        workingHours: { daysOfWeek: ['monday', 'tuesday', 'wednesday'], startTime: '08:00:00.0000000', endTime: '16:30:00.0000000', timeZone: { name: 'Pacific Standard Time' } },
      },
    });
    const read = await graph('GET', `/users/${margaret.personId}/mailboxSettings`);
    expect(read.json).toMatchObject({ timeZone: 'Pacific Standard Time', workingHours: { daysOfWeek: ['monday', 'tuesday', 'wednesday'], startTime: '08:00:00.0000000' } });
    const schedule = await graph('POST', `/users/${kacper.personId}/calendar/getSchedule`, {
      schedules: [margaret.email],
      startTime: { dateTime: '2026-12-01T00:00:00', timeZone: 'UTC' },
      endTime: { dateTime: '2026-12-02T00:00:00', timeZone: 'UTC' },
    });
    expect(schedule.json.value[0].workingHours).toEqual(read.json.workingHours);
  });

  it.each([
    ['a time that is not Edm.TimeOfDay', { workingHours: { startTime: '08' } }, 'RequestBodyRead', "Cannot convert the literal '08' to the expected type 'Edm.TimeOfDay'."],
    ['a start after the end', { workingHours: { startTime: '18:00:00', endTime: '09:00:00' } }, 'ErrorInvalidTimeSettings', 'Start Time should occur before End Time.'],
    ['an unknown day', { workingHours: { daysOfWeek: ['RandomDay'] } }, 'InvalidArguments', "Requested value 'RandomDay' was not found."],
    ['an unknown working-hours zone', { workingHours: { timeZone: { name: 'Mars Standard Time' } } }, 'InvalidTimeZone', 'Time Zone settings provided are invalid.'],
    ['an unknown mailbox zone', { timeZone: 'Atlantis/Capital' }, 'InvalidTimeZone', 'Time Zone settings provided are invalid.'],
  ])('refuses %s with Graph’s documented error, and changes nothing', async (_name, body, code, message) => {
    const refused = await graph('PATCH', `/users/${margaret.personId}/mailboxSettings`, body);
    expect([refused.status, refused.json.error.code, refused.json.error.message]).toEqual([400, code, message]);
    const read = await graph('GET', `/users/${margaret.personId}/mailboxSettings`);
    expect(read.json).toMatchObject({ timeZone: 'Eastern Standard Time', workingHours: { startTime: '09:00:00.0000000', endTime: '17:00:00.0000000' } });
  });
});
