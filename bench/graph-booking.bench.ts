/**
 * Booking a cohort through the local calendar over HTTP, with the production Graph adapter:
 *   graph-requests-per-booked-meeting  1,000 pairs × 6 meetings; every request inside a $batch counts
 *                                      as one (Graph throttles each); getSchedule for 100 people per call
 *   cohort-booking-wall                wall time of that run (free/busy for 2,000 people + 6,000 creates)
 *   duplicates-under-10pct-429         200 pairs × 6 meetings with 10% of calls answered 429 or a
 *                                      503 after the create took effect; events beyond one per meeting
 *                                      plus meetings left without an event (must be 0)
 */
import type { Report } from './run';
import { GraphCalendarAdapter } from '../src/adapters/graph/graph-calendar.adapter';
import { createGraphClient } from '../src/adapters/graph/graph-client';
import type { CalendarPerson, PlannedMeetingEvent } from '../src/core/ports/calendar';
import { DAY, HOUR } from '../src/core/time/interval';
import { startAzurite } from '../src/local/azurite';
import type { LocalCalendarPerson } from '../src/local/calendar/demo-calendars';
import { seededRandom } from '../src/local/calendar/fault-plan';
import { localCalendarTable, startLocalGraphCalendar, type StartedLocalGraphCalendar } from '../src/local/calendar/local-graph-calendar';

const ZONES = ['W. Europe Standard Time', 'America/New_York', 'India Standard Time', 'Central European Standard Time', 'Europe/London', 'Pacific Standard Time'];
const TENANT = '11111111-1111-4111-8111-111111111111';
const MONDAY = Date.UTC(2027, 0, 4);

function people(count: number): LocalCalendarPerson[] {
  return Array.from({ length: count }, (_, i) => ({
    personId: `b${String(i).padStart(7, '0')}-0000-4000-8000-000000000000`,
    email: `person${i}@contoso.local`,
    displayName: `Person ${i}`,
    timeZone: ZONES[i % ZONES.length]!,
  }));
}

const asPerson = (p: LocalCalendarPerson): CalendarPerson => ({ personId: p.personId, email: p.email, displayName: p.displayName });

function plannedMeetings(all: LocalCalendarPerson[], pairs: number, perPair: number): PlannedMeetingEvent[] {
  const meetings: PlannedMeetingEvent[] = [];
  for (let p = 0; p < pairs; p++) {
    const mentee = all[2 * p]!;
    const mentor = all[2 * p + 1]!;
    for (let k = 1; k <= perPair; k++) {
      const start = MONDAY + (k - 1) * 7 * DAY + (1 + (p % 3)) * DAY + (13 + (p % 4)) * HOUR;
      meetings.push({
        meetingId: `pair-${p}-meeting-${k}`,
        relationshipId: `pair-${p}`,
        organizer: asPerson(mentee),
        attendees: [asPerson(mentor)],
        subject: `Mentoring: ${mentee.displayName} & ${mentor.displayName}, meeting ${k} of ${perPair}`,
        bodyHtml: `<div><p>Agenda of meeting ${k}</p></div>`,
        start,
        end: start + HOUR,
        location: { kind: 'online' },
      });
    }
  }
  return meetings;
}

async function book(calendar: StartedLocalGraphCalendar, all: LocalCalendarPerson[], meetings: PlannedMeetingEvent[]): Promise<{ failed: number }> {
  const adapter = new GraphCalendarAdapter({
    tenantId: TENANT,
    client: createGraphClient({ baseUrl: calendar.baseUrl, accessToken: async () => 'bench-token' }),
    batch: { fallbackRetrySeconds: 0 },
  });
  const calendars = await adapter.getCalendars({ requesterId: all[0]!.personId, people: all.map(asPerson), range: { start: MONDAY, end: MONDAY + 6 * 7 * DAY } });
  if (!calendars.ok) throw new Error(`free/busy failed: ${calendars.error.code} ${calendars.error.message}`);
  const results = await adapter.createEvents(meetings);
  return { failed: results.filter((r) => !r.ok).length };
}

export async function run(report: Report): Promise<void> {
  const azurite = await startAzurite();
  try {
    {
      const all = people(2000);
      const calendar = await startLocalGraphCalendar({ table: localCalendarTable(azurite.connectionString, 'benchgraphclean'), people: all });
      try {
        const meetings = plannedMeetings(all, 1000, 6);
        const started = performance.now();
        const { failed } = await book(calendar, all, meetings);
        const seconds = (performance.now() - started) / 1000;
        if (failed > 0) throw new Error(`${failed} meetings were not booked`);
        report('graph-requests-per-booked-meeting', calendar.handler.stats.calls / meetings.length, 'requests');
        report('cohort-booking-wall', seconds, 's');
      } finally {
        await calendar.stop();
      }
    }
    {
      const all = people(400);
      const calendar = await startLocalGraphCalendar({
        table: localCalendarTable(azurite.connectionString, 'benchgraphfaults'),
        people: all,
        faults: { rate: 0.1, kinds: ['throttle', 'lostAnswer'], retryAfterSeconds: 0, random: seededRandom(7) },
      });
      try {
        const meetings = plannedMeetings(all, 200, 6);
        const { failed } = await book(calendar, all, meetings);
        let events = 0;
        const booked = new Set<string>();
        for (const p of all) {
          for (const e of await calendar.handler.events.list(p.personId)) {
            events++;
            const ext = (e.doc.extensions as { meetingId?: string }[] | undefined)?.[0];
            if (ext?.meetingId) booked.add(ext.meetingId);
          }
        }
        const duplicates = events - booked.size;
        const missing = meetings.length - booked.size;
        report('duplicates-under-10pct-429', duplicates + missing + failed, 'events');
      } finally {
        await calendar.stop();
      }
    }
  } finally {
    await azurite.stop();
  }
}
