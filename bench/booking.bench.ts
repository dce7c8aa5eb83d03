/**
 * Booking a cohort through the booking use cases: meetings recorded pending in Table Storage
 * (Azurite), events created in the local Graph calendar over HTTP by the production adapter, then
 * reconciled to booked. `npm run bench -- booking`.
 *   graph-requests-per-booked-meeting  1,000 pairs × 6 meetings; every request inside a $batch counts
 *                                      as one (Graph throttles each); free/busy for 100 people per call;
 *                                      the local calendar answers every HTTP request after 80 ms (Graph-like
 *                                      latency, GRAPH_LATENCY_MS), so the wall figure includes it
 *   cohort-count-invariant-violations  pairs whose outcome does not account for every meeting asked for
 *                                      (booked + pending + failed + unplaced + deferred ≠ requested; must be 0)
 *   cohort-booking-wall                wall time of that cohort booking (plan, pending, create, reconcile)
 *   duplicates-under-10pct-429         200 pairs × 6 with 10% of Graph calls answered 429 or a 503 after
 *                                      the create took effect; the cohort request retried as a client
 *                                      would, then the sync timer; events beyond one per meeting plus
 *                                      meetings without an event (must be 0)
 *   outlook-change-seen-p95            from a change in the local calendar to the product's record of it,
 *                                      through subscription, webhook, queue and sync (outlookChangeSeen)
 */
import type { Report } from './run';
import { randomUUID } from 'node:crypto';
import { GraphCalendarAdapter, MEETING_EXTENSION_NAME } from '../src/adapters/graph/graph-calendar.adapter';
import { createGraphClient } from '../src/adapters/graph/graph-client';
import { storageFromConnectionString } from '../src/adapters/storage/storage-connection';
import { TableDocumentStore } from '../src/adapters/storage/table-document-store';
import { tableRepositories } from '../src/adapters/storage/table-repositories';
import type { Agreement, WeeklyWindow } from '../src/core/agreement/agreement';
import { bookCohort, syncCalendars, type BookingDeps, type PeopleDirectory } from '../src/core/booking';
import { inParallel } from '../src/core/booking/in-parallel';
import type { CalendarPerson } from '../src/core/ports/calendar';
import type { MentoringRepositories } from '../src/core/ports/repositories';
import { agreementVersionId } from '../src/core/relationships/agreement-version';
import { fail, ok } from '../src/core/result';
import { startAzurite } from '../src/local/azurite';
import type { LocalCalendarPerson } from '../src/local/calendar/demo-calendars';
import { seededRandom } from '../src/local/calendar/fault-plan';
import { localCalendarTable, startLocalGraphCalendar, type StartedLocalGraphCalendar } from '../src/local/calendar/local-graph-calendar';
import { measureOutlookChangeSeen } from './support/outlook-change-seen';

const NOW = Date.UTC(2027, 0, 4, 8, 0); // Monday 4 January 2027
const TENANT = randomUUID();
const MEETINGS_PER_PAIR = 6;
/** Added by the local calendar to every HTTP request: about what Graph takes for a small call from an Azure region. */
const GRAPH_LATENCY_MS = 80;
/** Mentor and mentee zones, as Outlook reports them, and the IANA zone the agreement uses. */
const ZONE_PAIRS: readonly [[string, string], [string, string]][] = [
  [['Central European Standard Time', 'Europe/Warsaw'], ['GMT Standard Time', 'Europe/London']],
  [['Eastern Standard Time', 'America/New_York'], ['GMT Standard Time', 'Europe/London']],
  [['India Standard Time', 'Asia/Kolkata'], ['Central European Standard Time', 'Europe/Warsaw']],
];

interface Pair {
  readonly relationshipId: string;
  readonly mentor: LocalCalendarPerson;
  readonly mentee: LocalCalendarPerson;
  readonly zones: readonly [string, string];
}

function makePairs(count: number): Pair[] {
  return Array.from({ length: count }, (_, i) => {
    const [[mentorOutlook, mentorZone], [menteeOutlook, menteeZone]] = ZONE_PAIRS[i % ZONE_PAIRS.length]!;
    const person = (role: string, zone: string): LocalCalendarPerson => {
      const personId = randomUUID();
      return { personId, email: `${role}${i}@contoso.local`, displayName: `${role} ${i}`, timeZone: zone };
    };
    return { relationshipId: randomUUID(), mentor: person('mentor', mentorOutlook), mentee: person('mentee', menteeOutlook), zones: [mentorZone, menteeZone] };
  });
}

const windows = (start: string, end: string): WeeklyWindow[] => ([1, 2, 3, 4, 5] as const).map((weekday) => ({ weekday, start, end }));

function agreementOf(pair: Pair): Agreement {
  const side = (personId: string, timeZone: string, w: WeeklyWindow[]) => ({ personId, timeZone, meetingWindows: w, contactChannel: 'teamsChat' as const, contactHours: windows('09:00', '17:00') });
  // Windows that overlap for each zone pair (mentor's and mentee's own local times).
  const [mentorWindows, menteeWindows] =
    pair.zones[0] === 'America/New_York' ? [windows('08:00', '13:00'), windows('13:00', '19:00')] : pair.zones[0] === 'Asia/Kolkata' ? [windows('12:00', '19:00'), windows('08:00', '14:00')] : [windows('09:00', '17:00'), windows('08:00', '16:00')];
  return {
    cadence: { kind: 'weekly' },
    meetingMinutes: 45,
    bufferMinutes: 10,
    minimumNoticeHours: 24,
    respectWorkingHours: true,
    firstDate: '2027-01-05',
    meetingCount: MEETINGS_PER_PAIR,
    location: { kind: 'online' },
    mentor: side(pair.mentor.personId, pair.zones[0], mentorWindows),
    mentee: side(pair.mentee.personId, pair.zones[1], menteeWindows),
  };
}

async function seedPairs(repos: MentoringRepositories, pairs: readonly Pair[]): Promise<void> {
  await inParallel(pairs, 32, async (pair) => {
    const created = await repos.relationships.create(TENANT, {
      id: pair.relationshipId,
      mentorId: pair.mentor.personId,
      menteeId: pair.mentee.personId,
      reverse: false,
      status: 'active',
      requestId: randomUUID(),
      menteePreWork: { whatIWant: 'Grow as a lead', whatIBring: 'Curiosity', expectations: 'Honest feedback' },
      startedAt: NOW - 7 * 86_400_000,
      reflections: {},
      activeAgreementVersion: 1,
    });
    if (!created.ok) throw new Error(`seed relationship: ${created.error.code}`);
    const version = await repos.relationships.agreementVersions.create(TENANT, pair.relationshipId, {
      id: agreementVersionId(1),
      number: 1,
      agreement: agreementOf(pair),
      proposedBy: pair.mentee.personId,
      proposedAt: NOW - 86_400_000,
      note: '',
      acceptedBy: [pair.mentee.personId, pair.mentor.personId],
    });
    if (!version.ok) throw new Error(`seed agreement: ${version.error.code}`);
  });
}

function directoryOf(pairs: readonly Pair[]): PeopleDirectory {
  const byId = new Map<string, CalendarPerson>();
  for (const p of pairs) for (const x of [p.mentor, p.mentee]) byId.set(x.personId, { personId: x.personId, email: x.email, displayName: x.displayName });
  return {
    async findPeople(_tenantId, ids) {
      const found = ids.map((id) => byId.get(id));
      return found.every((f) => f !== undefined) ? ok(found as CalendarPerson[]) : fail('DIRECTORY.PERSON_NOT_FOUND', 'unknown person');
    },
  };
}

async function world(connectionString: string, pairs: readonly Pair[], faults = {}): Promise<{ deps: BookingDeps; calendar: StartedLocalGraphCalendar; repos: MentoringRepositories }> {
  const store = await TableDocumentStore.open(storageFromConnectionString(connectionString), `benchbooking${Math.random().toString(36).slice(2, 8)}`);
  const repos = tableRepositories(store);
  await seedPairs(repos, pairs);
  const calendar = await startLocalGraphCalendar({
    table: localCalendarTable(connectionString, `benchbookinggraph${Math.random().toString(36).slice(2, 8)}`),
    people: pairs.flatMap((p) => [p.mentor, p.mentee]),
    faults: { retryAfterSeconds: 0, ...faults },
  });
  const adapter = new GraphCalendarAdapter({
    tenantId: TENANT,
    client: createGraphClient({ baseUrl: calendar.baseUrl, accessToken: async () => 'bench-token' }),
    batch: { fallbackRetrySeconds: 0 },
  });
  return { deps: { repos, calendar: adapter, directory: directoryOf(pairs) }, calendar, repos };
}

export async function run(report: Report): Promise<void> {
  // First, on a stack of its own, so the cohort figures below cannot stop it.
  await outlookChangeSeen(report);
  const azurite = await startAzurite();
  try {
    {
      const pairs = makePairs(1000);
      const { deps, calendar } = await world(azurite.connectionString, pairs, { latencyMs: GRAPH_LATENCY_MS });
      try {
        const started = performance.now();
        calendar.handler.stats.calls = 0;
        const outcomes = await bookCohort(deps, { tenantId: TENANT, relationshipIds: pairs.map((p) => p.relationshipId), scope: 'series' }, NOW);
        const seconds = (performance.now() - started) / 1000;
        let booked = 0;
        let unplaced = 0;
        let violations = 0;
        for (const o of outcomes) {
          if (!o.ok) throw new Error(`cohort booking failed: ${o.error.code} ${o.error.message}`);
          const v = o.value;
          if (v.meetings.length + v.failed.length + v.unplaced.length + v.deferred.length !== v.requested) violations++;
          if (o.value.stillPending.length > 0 || o.value.failed.length > 0) throw new Error('meetings left unbooked without faults');
          booked += o.value.meetings.filter((m) => m.bookingState === 'booked').length;
          unplaced += o.value.unplaced.length;
        }
        report('graph-requests-per-booked-meeting', calendar.handler.stats.calls / booked, 'requests');
        report('cohort-booking-wall', seconds, 's');
        // Weeks in which a pair's seeded calendars leave no slot inside the boundaries (explained, not booked).
        report('cohort-booked-meetings', booked, 'meetings');
        report('cohort-weeks-without-slot', unplaced, 'weeks');
        report('cohort-count-invariant-violations', violations, 'pairs');
        report('graph-latency-injected', GRAPH_LATENCY_MS, 'ms');
      } finally {
        await calendar.stop();
      }
    }
    {
      const pairs = makePairs(200);
      const { deps, calendar, repos } = await world(azurite.connectionString, pairs, { rate: 0.1, kinds: ['throttle', 'lostAnswer'], random: seededRandom(11), latencyMs: GRAPH_LATENCY_MS });
      try {
        const ids = pairs.map((p) => p.relationshipId);
        // A client retries the whole cohort request on a failure; the timer finishes what stays pending.
        for (let attempt = 0; attempt < 5; attempt++) {
          const outcomes = await bookCohort(deps, { tenantId: TENANT, relationshipIds: ids, scope: 'series' }, NOW);
          if (outcomes.every((o) => o.ok)) break;
        }
        for (let run = 1; run <= 5; run++) {
          const lists = await inParallel(ids, 32, async (id) => repos.relationships.meetings.list(TENANT, id));
          if (lists.every((l) => l.ok && l.value.every((m) => m.bookingState === 'booked'))) break;
          await syncCalendars(deps, { tenantId: TENANT, relationshipIds: ids }, NOW + run * 15 * 60_000);
        }
        calendar.handler.faults.rate = 0;
        let events = 0;
        const withEvent = new Set<string>();
        for (const p of pairs) {
          for (const e of await calendar.handler.events.list(p.mentee.personId)) {
            const ext = (e.doc.extensions as { extensionName?: string; meetingId?: string }[] | undefined)?.find((x) => x.extensionName === MEETING_EXTENSION_NAME);
            if (!ext?.meetingId) continue;
            events++;
            withEvent.add(ext.meetingId);
          }
        }
        const lists = await inParallel(ids, 32, async (id) => repos.relationships.meetings.list(TENANT, id));
        const meetings = lists.flatMap((l) => (l.ok ? l.value : []));
        // Planned meetings without their event (lost) — weeks with no slot plan no meeting and are not counted.
        const missing = meetings.filter((m) => m.status === 'planned' && !(m.bookingState === 'booked' && withEvent.has(m.id))).length;
        const stray = [...withEvent].filter((id) => !meetings.some((m) => m.id === id)).length;
        report('duplicates-under-10pct-429', events - withEvent.size + missing + stray, 'events');
      } finally {
        await calendar.stop();
      }
    }
  } finally {
    await azurite.stop();
  }
}

/** 20 moves made in Outlook (the local calendar), each timed until the meeting's record shows it; budget 60 s. */
async function outlookChangeSeen(report: Report): Promise<void> {
  const seen = await measureOutlookChangeSeen(20);
  report('outlook-change-seen-p95', seen.p95Ms / 1000, 's');
  report('outlook-change-seen-median', seen.medianMs / 1000, 's');
}
