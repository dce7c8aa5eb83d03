/**
 * The mentoring panel in a booked Teams meeting, on real parts (Table Storage on Azurite, the Graph
 * adapters over HTTP against the local calendar): Graph answers the chat install 429 (Retry-After 7),
 * the booking still answers with its meeting booked, the panel's state says why it is not there yet,
 * and the next calendar sync run installs the app and pins the panel: one install, one tab, and a
 * further run sends nothing more.
 */
import { TableClient } from '@azure/data-tables';
import { createGraphClient } from '../../../src/adapters/graph/graph-client';
import { GraphMeetingChatApps, meetingPanelTabOf } from '../../../src/adapters/graph/graph-teams-apps.adapter';
import { bookMeetings, syncCalendars } from '../../../src/core/booking';
import { APP_RESOURCE_SPECIFIC_PERMISSIONS } from '../../../src/api/app-resource-permissions';
import { LocalAttendanceTable } from '../../../src/local/calendar/online-meetings';
import { LocalTeamsApps } from '../../../src/local/calendar/teams-apps';
import { testStorageConnectionString, uniqueTableName } from '../../support/azurite';
import { NOW, weeklyAgreement } from './booking-agreements';
import { expectOk, startBookingWorld } from './booking-world';

const CATALOG_ID = '5b0c7d2e-3f41-4a8b-9c6d-1e2f3a4b5c01';
const table = (name: string) => TableClient.fromConnectionString(testStorageConnectionString(), uniqueTableName(name), { allowInsecureConnection: true });

it('a Graph 429 on the chat install: the booking succeeds, the sync run installs it later, one install and one tab', async () => {
  const teamsApps = new LocalTeamsApps(table('panelapps'));
  const world = await startBookingWorld(
    [
      { name: 'Marek Mentor', zone: 'Europe/Warsaw', outlookZone: 'Central European Standard Time' },
      { name: 'Ania Mentee', zone: 'Europe/Warsaw', outlookZone: 'Central European Standard Time' },
    ],
    { attendance: new LocalAttendanceTable(table('panelattendance')), teamsApps },
  );
  try {
    const [mentor, mentee] = world.people as [(typeof world.people)[number], (typeof world.people)[number]];
    const windows = [1, 2, 3, 4, 5].map((weekday) => ({ weekday: weekday as 1 | 2 | 3 | 4 | 5, start: '09:00', end: '17:00' }));
    const relationship = await world.pair(mentor, mentee, (m, e) => weeklyAgreement({ id: m, zone: 'Europe/Warsaw', windows }, { id: e, zone: 'Europe/Warsaw', windows }), NOW);
    const client = createGraphClient({ baseUrl: world.calendar.baseUrl, accessToken: async () => 'local-test-token', maxRetries: 0 });
    const meetingPanels = new GraphMeetingChatApps(client, { catalogAppId: CATALOG_ID, graphRoot: world.calendar.baseUrl }, meetingPanelTabOf('https://tab.contoso.local'), APP_RESOURCE_SPECIFIC_PERMISSIONS);
    const deps = world.deps({ meetingPanels });

    Object.assign(world.calendar.handler.faults, { only: /^POST \/chats\/[^/]+\/installedApps$/, script: ['throttle'], retryAfterSeconds: 7 });
    const booked = expectOk(await bookMeetings(deps, { principal: mentee.principal, now: NOW, input: { relationshipId: relationship.id, scope: 'next' } }));
    // The booking's answer is the booking: its meeting is in the calendar, whatever the panel did.
    expect(booked.meetings).toHaveLength(1);
    expect(booked.meetings[0]).toMatchObject({ bookingState: 'booked', joinUrl: expect.stringMatching(/^https:\/\//) });
    expect(world.calendar.handler.stats.faults).toBe(1);
    const afterBooking = expectOk(await world.repos.relationships.meetings.get(world.tenantId, relationship.id, booked.meetings[0]!.id));
    expect(afterBooking.panel).toMatchObject({ status: 'failed', installed: false, attempts: 1, chatId: expect.stringMatching(/^19:meeting_.+@thread\.v2$/), error: { code: 'GRAPH.THROTTLED' } });

    const synced = expectOk(await syncCalendars(deps, { tenantId: world.tenantId, relationshipIds: [relationship.id] }, NOW + 15 * 60_000));
    expect(synced.panels).toEqual({ pinned: [afterBooking.id], failed: [] });
    const afterSync = expectOk(await world.repos.relationships.meetings.get(world.tenantId, relationship.id, afterBooking.id));
    expect(afterSync.panel).toEqual({ status: 'pinned', installed: true, attempts: 2, lastTriedAt: NOW + 15 * 60_000, chatId: afterBooking.panel!.chatId });

    const chat = `${world.calendar.baseUrl}/chats/${encodeURIComponent(afterSync.panel!.chatId!)}`;
    const list = async (what: string) => ((await (await fetch(`${chat}/${what}`, { headers: { Authorization: 'Bearer t' } })).json()) as { value: unknown[] }).value;
    expect(await list('installedApps')).toHaveLength(1);
    expect(await list('tabs')).toEqual([expect.objectContaining({ displayName: 'Mentoring', configuration: expect.objectContaining({ entityId: 'mentoring-meeting', contentUrl: 'https://tab.contoso.local/index.html#/meeting' }) })]);

    // A pinned panel is done: the next run leaves it alone.
    const again = expectOk(await syncCalendars(deps, { tenantId: world.tenantId, relationshipIds: [relationship.id] }, NOW + 30 * 60_000));
    expect(again.panels).toEqual({ pinned: [], failed: [] });
    expect(expectOk(await world.repos.relationships.meetings.get(world.tenantId, relationship.id, afterBooking.id)).panel?.attempts).toBe(2);
    expect(await list('tabs')).toHaveLength(1);
  } finally {
    await world.stop();
  }
}, 60_000);
