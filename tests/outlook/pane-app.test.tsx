/** @jest-environment jsdom */
/**
 * The mentoring pane with a stand-in appointment (PaneHost) and the real ApiClient over a recorded
 * API: a mentoring meeting shows its themes, goals with progress, open action items, both people's
 * local times and the guard's verdict, in English and Polish; any other appointment says it is not a
 * mentoring meeting; a token the host cannot give silently asks the person to sign in.
 */
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { BoundaryCheckDto } from '../../src/contracts/booking';
import type { RelationshipDetailDto } from '../../src/contracts';
import { ApiClient } from '../../src/tab/api/api-client';
import { PaneApp, type PaneSignIn } from '../../src/outlook/pane/pane-app';
import type { PaneHost } from '../../src/outlook/pane/pane-host';
import { relationshipLinkFor } from '../../src/outlook/pane/relationship-link';

const side = (personId: string, timeZone: string) => ({
  personId,
  timeZone,
  meetingWindows: [{ weekday: 2 as const, start: '09:00', end: '12:00' }],
  contactChannel: 'teamsChat' as const,
  contactHours: [{ weekday: 1 as const, start: '09:00', end: '17:00' }],
});
const at = '2029-12-01T10:00:00.000Z';
const detail: RelationshipDetailDto = {
  relationship: { id: 'rel-1', mentorId: 'kacper', menteeId: 'oliver', reverse: true, status: 'active', requestId: 'req-1', menteePreWork: { whatIWant: 'x', whatIBring: '', expectations: '' }, startedAt: at, reflections: {}, activeAgreementVersion: 1, version: 'rel-v1' },
  myRole: 'mentee',
  partner: { userId: 'kacper', displayName: 'Kacper Nowak', jobTitle: 'Analyst' },
  agreement: {
    versions: [
      {
        id: 'a1',
        number: 1,
        agreement: { cadence: { kind: 'weekly' }, meetingMinutes: 45, bufferMinutes: 10, minimumNoticeHours: 24, respectWorkingHours: true, firstDate: '2030-01-01', meetingCount: 3, location: { kind: 'online' }, mentor: side('kacper', 'Europe/Warsaw'), mentee: side('oliver', 'Europe/London') },
        proposedBy: 'oliver',
        proposedAt: at,
        note: '',
        acceptedBy: ['oliver', 'kacper'],
        version: 'a1-v1',
      },
    ],
    versionCount: 1,
    activeNumber: 1,
    latestNumber: 1,
  },
  goals: [{ id: 'g1', title: 'Build a Power BI report', smart: { specific: 's', measurable: 'm', achievable: 'a', relevant: 'r', timeBound: 't' }, progress: 40, createdBy: 'oliver', createdAt: at, updatedAt: at, version: 'g1-v1', missing: [] }],
  roadmap: { themes: [{ id: 't1', title: 'Copilot in Outlook', notes: '', meetingNumbers: [1], goalIds: ['g1'] } as never], version: 'r1' },
  meetings: [{ id: 'rel-1.m001', number: 1, start: '2030-01-08T09:00:00.000Z', end: '2030-01-08T09:45:00.000Z', status: 'planned', bookingState: 'booked', organizerId: 'kacper', outsideBoundaries: false, declinedBy: [], version: 'm1' }],
  actionItems: [{ id: 'ai1', title: 'Install Power BI Desktop', ownerId: 'oliver', dueDate: '2030-01-07', status: 'open', origin: { kind: 'checkIn', checkInId: 'c1' }, createdBy: 'oliver', createdAt: at, updatedAt: at, version: 'ai1-v1' }],
  actionItemCounts: { open: 1, done: 0 },
  checkIns: [],
};
const local = (role: 'mentor' | 'mentee', name: string, timeZone: string, start: string, end: string) => ({ role, name, timeZone, start, end });
/** Oliver (the mentee, London) looks at a time that is night for Kacper in Warsaw. */
const BROKEN: BoundaryCheckDto = {
  ok: false,
  callerRole: 'mentee',
  broken: { code: 'BOUNDARY.NIGHT', role: 'mentor', facts: { from: '22:00', until: '07:00' } },
  localTimes: [local('mentor', 'Kacper', 'Europe/Warsaw', '2030-01-08T22:30:00+01:00', '2030-01-08T23:15:00+01:00'), local('mentee', 'Oliver', 'Europe/London', '2030-01-08T21:30:00+00:00', '2030-01-08T22:15:00+00:00')],
  alternatives: [
    { start: '2030-01-08T09:00:00.000Z', end: '2030-01-08T09:45:00.000Z', localTimes: [local('mentor', 'Kacper', 'Europe/Warsaw', '2030-01-08T10:00:00+01:00', '2030-01-08T10:45:00+01:00'), local('mentee', 'Oliver', 'Europe/London', '2030-01-08T09:00:00+00:00', '2030-01-08T09:45:00+00:00')] },
    // 23:30 in London is already Wednesday in Warsaw: Kacper's time carries its own day.
    { start: '2030-01-08T23:30:00.000Z', end: '2030-01-09T00:15:00.000Z', localTimes: [local('mentor', 'Kacper', 'Europe/Warsaw', '2030-01-09T00:30:00+01:00', '2030-01-09T01:15:00+01:00'), local('mentee', 'Oliver', 'Europe/London', '2030-01-08T23:30:00+00:00', '2030-01-09T00:15:00+00:00')] },
  ],
};
const ISO_DATE = /\d{4}-\d{2}-\d{2}/;
/** The lines of the `n`th list in a section (0: the local times, 1: the times inside the agreement). */
const listed = (section: HTMLElement, n: number) => [...section.querySelectorAll('ul')[n]!.querySelectorAll('li')].map((li) => li.textContent);

const mentoringHost = (ids = { relationshipId: 'rel-1', meetingId: 'rel-1.m001' }): PaneHost => ({
  mentoringIds: async () => ids,
  appointmentTime: async () => ({ start: '2030-01-08T21:30:00.000Z', end: '2030-01-08T22:15:00.000Z' }),
  iCalUId: async () => undefined,
});
const otherHost: PaneHost = { mentoringIds: async () => undefined, appointmentTime: async () => ({ start: '', end: '' }), iCalUId: async () => undefined };

function recordedApi(getToken: () => Promise<string> = async () => 'token') {
  const requests: { method: string; url: string; body?: unknown }[] = [];
  const fetchImpl = (async (url: string, init: RequestInit) => {
    requests.push({ method: init.method ?? 'GET', url, ...(init.body ? { body: JSON.parse(String(init.body)) } : {}) });
    const json = (status: number, body: unknown) => ({ ok: status < 300, status, headers: new Headers({ 'content-type': 'application/json' }), text: async () => JSON.stringify(body), json: async () => body }) as unknown as Response;
    if (url === '/api/relationships/rel-1') return json(200, detail);
    if (url === '/api/relationships/rel-1/meetings/rel-1.m001/boundary-check') return json(200, BROKEN);
    if (url === '/api/meetings/by-ical-uid/UID-OF-MEETING-1') return json(200, { relationshipId: 'rel-1', meetingId: 'rel-1.m001' });
    if (url.startsWith('/api/meetings/by-ical-uid/')) return json(404, { error: { code: 'BOOKING.MEETING_NOT_FOUND', message: 'None of your mentoring meetings has this invite.' } });
    return json(404, { code: 'HTTP.NOT_FOUND', message: 'no route' });
  }) as unknown as typeof fetch;
  return { client: new ApiClient({ baseUrl: '', getToken, fetch: fetchImpl }), requests };
}

const localSignIn: PaneSignIn = { kind: 'local', name: 'Oliver Bennett' };
const link = relationshipLinkFor('7e1a2b3c-4d5e-4f60-8a7b-9c0d1e2f3a01', 'https://tab.example');

test('a mentoring meeting: agenda, goals with progress, open action items, both local times and the broken boundary with a time inside the agreement', async () => {
  const { client, requests } = recordedApi();
  render(<PaneApp host={mentoringHost()} client={client} signIn={localSignIn} language="en" locale="en-GB" theme="default" relationshipLink={link} />);
  expect(await screen.findByText('Meeting 1 with Kacper Nowak')).toBeTruthy();
  expect(screen.getByText('Copilot in Outlook')).toBeTruthy();
  expect(screen.getByText('Build a Power BI report (40%)')).toBeTruthy();
  expect(screen.getByText(/Install Power BI Desktop/)).toBeTruthy();
  const times = screen.getByRole('region', { name: 'Local times' });
  // The reader's own time first, then the partner's; Intl's words, not ISO dates or IANA ids.
  expect(listed(times, 0)).toEqual(['Oliver: Tue 8 Jan, 21:30–22:15 GMT', 'Kacper: Tue 8 Jan, 22:30–23:15 CET']);
  expect(screen.getByText('This time is outside your mentoring agreement. For Kacper this is Tue 8 Jan, 22:30–23:15 CET, at night, outside their meeting windows.')).toBeTruthy();
  expect(listed(times, 1)).toEqual([
    'Tue 8 Jan, 09:00–09:45 GMT · Kacper 10:00–10:45 CET',
    'Tue 8 Jan, 23:30–00:15 GMT · Kacper Wed 9 Jan, 00:30–01:15 CET',
  ]);
  expect(times.textContent).not.toMatch(ISO_DATE);
  expect(times.textContent).not.toContain('Europe/');
  expect(screen.getByText('Signed in locally as Oliver Bennett (stand-in, not Microsoft Entra ID)')).toBeTruthy();
  const open = screen.getByRole('link', { name: 'Open in Teams' });
  expect(open.getAttribute('href')).toBe(
    `https://teams.microsoft.com/l/entity/7e1a2b3c-4d5e-4f60-8a7b-9c0d1e2f3a01/mentoring?context=${encodeURIComponent('{"subEntityId":"relationship/rel-1/schedule"}')}`,
  );
  // The check is asked for the time Outlook shows now, not the booked one.
  expect(requests.find((r) => r.method === 'POST')?.body).toEqual({ start: '2030-01-08T21:30:00.000Z', end: '2030-01-08T22:15:00.000Z' });
});

test('in Polish', async () => {
  const { client } = recordedApi();
  render(<PaneApp host={mentoringHost()} client={client} signIn={localSignIn} language="pl" locale="pl-PL" theme="dark" relationshipLink={link} />);
  expect(await screen.findByText('Spotkanie 1 z: Kacper Nowak')).toBeTruthy();
  const times = screen.getByRole('region', { name: 'Czas lokalny' });
  expect(listed(times, 0)).toEqual(['Oliver: wt., 8 sty, 21:30–22:15 GMT+0', 'Kacper: wt., 8 sty, 22:30–23:15 CET']);
  expect(screen.getByText('Ten termin wykracza poza Waszą umowę mentorską. U osoby Kacper to będzie wt., 8 sty, 22:30–23:15 CET, w nocy — poza godzinami spotkań tej osoby.')).toBeTruthy();
  expect(screen.getByText('Terminy zgodne z umową')).toBeTruthy();
  expect(listed(times, 1)).toEqual([
    'wt., 8 sty, 09:00–09:45 GMT+0 · Kacper 10:00–10:45 CET',
    'wt., 8 sty, 23:30–00:15 GMT+0 · Kacper śr., 9 sty, 00:30–01:15 CET',
  ]);
  expect(times.textContent).not.toMatch(ISO_DATE);
  expect(times.textContent).not.toContain('Europe/');
  expect(screen.getByRole('link', { name: 'Otwórz w Teams' })).toBeTruthy();
});

test('any other appointment: not a mentoring meeting, and no API call', async () => {
  const { client, requests } = recordedApi();
  render(<PaneApp host={otherHost} client={client} signIn={localSignIn} language="en" theme="default" relationshipLink={link} />);
  expect(await screen.findByText(/This is not a mentoring meeting/)).toBeTruthy();
  expect(requests).toEqual([]);
});

test('an attendee\'s copy (no custom properties): found by its iCalUId, the same agenda and check', async () => {
  const { client, requests } = recordedApi();
  const attendeeCopy: PaneHost = { ...otherHost, appointmentTime: mentoringHost().appointmentTime, iCalUId: async () => 'UID-OF-MEETING-1' };
  render(<PaneApp host={attendeeCopy} client={client} signIn={localSignIn} language="en" theme="default" relationshipLink={link} />);
  expect(await screen.findByText('Meeting 1 with Kacper Nowak')).toBeTruthy();
  expect(requests.map((r) => `${r.method} ${r.url}`)).toEqual([
    'GET /api/meetings/by-ical-uid/UID-OF-MEETING-1',
    'GET /api/relationships/rel-1',
    'POST /api/relationships/rel-1/meetings/rel-1.m001/boundary-check',
  ]);
});

test('an appointment whose iCalUId is no mentoring meeting of mine: not a mentoring meeting', async () => {
  const { client } = recordedApi();
  render(<PaneApp host={{ ...otherHost, iCalUId: async () => 'SOMEONE-ELSES' }} client={client} signIn={localSignIn} language="en" theme="default" relationshipLink={link} />);
  expect(await screen.findByText(/This is not a mentoring meeting/)).toBeTruthy();
});

test('a meeting that is no longer in the relationship says so and links to the relationship', async () => {
  const { client } = recordedApi();
  render(<PaneApp host={mentoringHost({ relationshipId: 'rel-1', meetingId: 'rel-1.m009' })} client={client} signIn={localSignIn} language="en" theme="default" relationshipLink={link} />);
  expect(await screen.findByText(/no longer in your mentoring relationship/)).toBeTruthy();
});

test('no silent token: the pane asks the person to sign in, and a click signs in and loads the meeting', async () => {
  let signedIn = false;
  const { client } = recordedApi(async () => {
    if (!signedIn) throw new Error('InteractionRequired');
    return 'token';
  });
  const signIn: PaneSignIn = {
    kind: 'naa',
    interactive: async () => {
      signedIn = true;
    },
  };
  render(<PaneApp host={mentoringHost()} client={client} signIn={signIn} language="en" theme="default" relationshipLink={link} />);
  expect(await screen.findByText(/Sign in to see this meeting/)).toBeTruthy();
  await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));
  await waitFor(() => expect(screen.getByText('Meeting 1 with Kacper Nowak')).toBeTruthy());
});

describe('officePaneHost over Office.js', () => {
  const props = (values: Record<string, string>) => (cb: (r: { status: 'succeeded'; value: unknown }) => void) =>
    cb({ status: 'succeeded', value: { get: (n: string) => values[n], set() {}, saveAsync() {} } });
  test('read mode (an attendee): times are Dates; the iCalUId comes from Graph by the item\'s REST id, with the person\'s token', async () => {
    const { graphICalUIdReader, officePaneHost } = await import('../../src/outlook/pane/pane-host');
    const asked: { url: string; auth: string }[] = [];
    const graphFetch = (async (url: string, init: RequestInit) => {
      asked.push({ url, auth: (init.headers as Record<string, string>).authorization! });
      return { ok: true, json: async () => ({ iCalUId: '040000008200E00074C5B7101A82E008' }) } as Response;
    }) as unknown as typeof fetch;
    const reader = graphICalUIdReader((ews) => `rest-${ews}`, async () => 'graph-token', graphFetch);
    const host = officePaneHost({ loadCustomPropertiesAsync: props({}) as never, start: new Date('2030-01-08T09:00:00Z'), end: new Date('2030-01-08T09:45:00Z'), itemId: 'AAMk/1+x=' }, reader);
    expect(await host.appointmentTime()).toEqual({ start: '2030-01-08T09:00:00.000Z', end: '2030-01-08T09:45:00.000Z' });
    expect(await host.mentoringIds()).toBeUndefined();
    expect(await host.iCalUId()).toBe('040000008200E00074C5B7101A82E008');
    expect(asked).toEqual([{ url: `https://graph.microsoft.com/v1.0/me/events/${encodeURIComponent('rest-AAMk/1+x=')}?$select=iCalUId`, auth: 'Bearer graph-token' }]);
    // Without a reader (or when Graph refuses) there is no UID, and the pane says it is not a mentoring meeting.
    expect(await officePaneHost({ loadCustomPropertiesAsync: props({}) as never, start: new Date(), end: new Date(), itemId: 'x' }).iCalUId()).toBeUndefined();
  });
  test('compose mode (the organizer): times through getAsync; the ids from the custom properties', async () => {
    const { officePaneHost } = await import('../../src/outlook/pane/pane-host');
    const getter = (iso: string) => ({ getAsync: (cb: (r: { status: 'succeeded'; value: Date }) => void) => cb({ status: 'succeeded', value: new Date(iso) }) });
    const host = officePaneHost({ loadCustomPropertiesAsync: props({ relationshipId: 'rel-1', meetingId: 'rel-1.m001' }) as never, start: getter('2030-01-08T21:30:00Z'), end: getter('2030-01-08T22:15:00Z') });
    expect(await host.appointmentTime()).toEqual({ start: '2030-01-08T21:30:00.000Z', end: '2030-01-08T22:15:00.000Z' });
    expect(await host.mentoringIds()).toEqual({ relationshipId: 'rel-1', meetingId: 'rel-1.m001' });
    expect(await host.iCalUId()).toBeUndefined();
  });
});
