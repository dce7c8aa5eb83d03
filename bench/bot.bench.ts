/**
 * The bot's figures. `checkin-fanout-10000`: the post-meeting fan-out on the real path, from the
 * planning timer's run that finds 5,000 ended meetings to the 10,000th check-in card accepted by the
 * local Bot Connector (see bench/README.md). `bot-oversize-body-rss-growth`: the API process's memory
 * after oversize anonymous posts to /api/messages.
 */
import { spawn } from 'node:child_process';
import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Report } from './run';
import { startAzurite } from '../src/local/azurite';
import { startStorageOpCounter } from './support/storage-op-counter';
import { startLocalBotConnector } from '../src/local/connector/local-bot-connector';
import { StorageQueuePoller } from '../src/adapters/queue/storage-queue-poller';
import { botStorageFromConnectionString, DELIVERY_PACING } from '../src/hosts/functions/bot-composition';
import { composeBotRuntime } from '../src/hosts/functions/bot-runtime';
import { planDueMessages } from '../src/hosts/functions/bot-timers';
import { createApiHost } from '../src/hosts/functions/composition-root';
import { parseApiSettings } from '../src/api/config';
import type { ApiLogger } from '../src/api/api-services';
import { parseBotSettings } from '../src/bot/host/bot-settings';
import type { JobOutcome } from '../src/bot/delivery/delivery-worker';
import { localApiEnvironment } from '../src/local/local-settings';
import { inParallel } from '../src/core/booking/in-parallel';
import type { WeeklyWindow } from '../src/core/agreement/agreement';
import { agreementVersionId } from '../src/core/relationships/agreement-version';

const verbose = (...parts: unknown[]) => {
  if (process.env.BOT_BENCH_VERBOSE) console.error(new Date().toISOString(), ...parts);
};

/**
 * `BOT_BENCH_ONLY` (comma-separated: oversize, meeting-end, fanout, ops, burst) runs only those parts, for a
 * shared machine where the whole group takes too long; the default runs all four.
 */
const only = (part: string) => !process.env.BOT_BENCH_ONLY || process.env.BOT_BENCH_ONLY.split(',').includes(part);

export async function run(report: Report): Promise<void> {
  if (only('oversize')) await oversizeBodyRssGrowth(report);
  if (only('meeting-end')) await checkinAfterMeetingEnd(report, process.env.BOT_BENCH_MEETINGS ? { pairs: Number(process.env.BOT_BENCH_MEETINGS) } : {});
  // The storage operations per check-in on the same path (a small cohort through a counting pass-through; not timed).
  if (only('fanout') || only('ops')) await checkinFanout(report, { tenants: 10, pairsPerTenant: 20, label: 'checkin-fanout-400', main: false, countOps: true });
  if (only('fanout')) await checkinFanout(report, { tenants: 10, pairsPerTenant: Number(process.env.BOT_BENCH_PAIRS_PER_TENANT ?? 500), label: 'checkin-fanout', main: true });
  // A cold start at four times Teams' per-tenant rate: the connector answers 429 and the pacer and the
  // queue must absorb it without losing or doubling a check-in.
  if (only('burst')) {
    await checkinFanout(report, {
      tenants: 1,
      pairsPerTenant: 500,
      label: 'checkin-burst-1000-one-tenant',
      main: false,
      pacing: { ...DELIVERY_PACING, initialPerSecond: 200 },
    });
  }
}

const quietLogger: ApiLogger = { error: () => undefined, info: () => undefined };
/** Contact hours around the clock every day, so the figure is the fan-out itself, not waiting for people's mornings. */
const aroundTheClock: WeeklyWindow[] = ([1, 2, 3, 4, 5, 6, 7] as const).map((weekday) => ({ weekday, start: '00:00', end: '00:00' }));
const ZONES = ['Europe/Warsaw', 'Asia/Kolkata', 'America/New_York', 'Europe/London', 'Asia/Tokyo', 'America/Sao_Paulo'];

/**
 * The real path, cold: the production composition (`createApiHost` + `composeBotRuntime`, the same
 * wiring as Azure and `npm start`) on a fresh in-memory Azurite; pairs stored through its repositories
 * (profiles, relationship, signed agreement, a meeting that ended 5 minutes ago, so the meeting-moment
 * index has it) and each person's conversation reference; then, timed: the planning timer's function
 * (`planDueMessages`, which calls `plan` per relationship: the production selection, planned-key claims
 * and queue writes) while the delivery queues are read by the poller that mirrors Azure's queue trigger,
 * calling the production handler (`worker.handleMessage`: recipient from the stored agreement,
 * conversation reference, ledger, the check-in card built by `composeProactive` with its issued nonce,
 * the Agents SDK's CloudAdapter) with production pacing, to the local Bot Connector limited like Teams.
 * The clock stops when every participant's card has been accepted, or after 3 minutes without progress.
 */
export async function checkinFanout(
  report: Report,
  scenario: {
    tenants: number;
    pairsPerTenant: number;
    label: string;
    main: boolean;
    pacing?: { readonly [K in keyof typeof DELIVERY_PACING]: number };
    /** Route storage through the counting pass-through and report the operations per check-in (not timed). */
    countOps?: boolean;
  },
): Promise<void> {
  const azurite = await startAzurite();
  const counter = scenario.countOps ? await startStorageOpCounter(azurite) : undefined;
  const connectionString = counter?.connectionString ?? azurite.connectionString;
  const connector = await startLocalBotConnector();
  try {
    const settings = parseApiSettings(
      Object.fromEntries(
        Object.entries(
          localApiEnvironment({
            storageConnectionString: connectionString,
            jwksUri: 'http://127.0.0.1:9/keys',
            issuerTemplate: 'http://127.0.0.1:9/{tenantid}/v2.0',
            graphBaseUrl: 'http://127.0.0.1:9/v1.0',
          }),
        ).filter(([, v]) => v !== undefined),
      ),
    );
    const api = await createApiHost({ settings, logger: quietLogger });
    const runtime = await composeBotRuntime(api, {
      settings: parseBotSettings({ MENTORING_MODE: 'local', TAB_ENDPOINT: 'http://127.0.0.1:53000' }),
      storage: botStorageFromConnectionString(connectionString),
      ...(scenario.pacing ? { deliveryPacing: scenario.pacing } : {}),
    });
    const repos = api.services.repositories;
    const meetingEnd = Date.now() - 5 * 60_000;
    const pairs = Array.from({ length: scenario.tenants * scenario.pairsPerTenant }, (_, i) => ({
      tenantId: `tenant-${i % scenario.tenants}`,
      relationshipId: `rel-${i}`,
      mentor: { id: `mentor-${i}`, zone: ZONES[i % ZONES.length]! },
      mentee: { id: `mentee-${i}`, zone: ZONES[(i + 1) % ZONES.length]! },
    }));
    const must = <T>(result: { ok: true; value: T } | { ok: false; error: { code: string } }): T => {
      if (!result.ok) throw new Error(result.error.code);
      return result.value;
    };
    const setupStarted = performance.now();
    await inParallel(pairs, 128, async (pair) => {
      const { tenantId, relationshipId } = pair;
      for (const person of [pair.mentor, pair.mentee]) {
        must(
          await repos.profiles.create(tenantId, {
            userId: person.id,
            displayName: `Person ${person.id}`,
            jobTitle: 'Engineer',
            seniority: 'senior',
            skillsToTeach: [],
            skillsToLearn: [],
            languages: [],
            timeZone: person.zone,
            capacity: 1,
            openToReverseMentoring: true,
            activeMenteeCount: 0,
            createdAt: 0,
            updatedAt: 0,
          }),
        );
        await runtime.host.conversation.remember({
          serviceUrl: connector.serviceUrl,
          channelId: 'msteams',
          conversationId: `a:${person.id}`,
          botId: '28:mentoring-bot',
          userId: `29:${person.id}`,
          userAadObjectId: person.id,
          tenantId,
          locale: person.zone === 'Europe/Warsaw' ? 'pl-PL' : 'en-GB',
        });
      }
      must(
        await repos.relationships.create(tenantId, {
          id: relationshipId,
          mentorId: pair.mentor.id,
          menteeId: pair.mentee.id,
          reverse: false,
          status: 'active',
          requestId: `req-${relationshipId}`,
          menteePreWork: { whatIWant: 'Learn Power BI', whatIBring: 'Curiosity', expectations: 'Monthly' },
          startedAt: meetingEnd - 30 * 86_400_000,
          reflections: {},
          activeAgreementVersion: 1,
        }),
      );
      const side = (p: { id: string; zone: string }) => ({
        personId: p.id,
        timeZone: p.zone,
        meetingWindows: [{ weekday: 2 as const, start: '10:00', end: '16:00' }],
        contactChannel: 'teamsChat' as const,
        contactHours: aroundTheClock,
      });
      must(
        await repos.relationships.agreementVersions.create(tenantId, relationshipId, {
          id: agreementVersionId(1),
          number: 1,
          agreement: {
            cadence: { kind: 'weekly' },
            meetingMinutes: 60,
            bufferMinutes: 0,
            minimumNoticeHours: 24,
            respectWorkingHours: false,
            firstDate: '2026-01-06',
            meetingCount: 12,
            location: { kind: 'online' },
            mentor: side(pair.mentor),
            mentee: side(pair.mentee),
          },
          proposedBy: pair.mentee.id,
          proposedAt: meetingEnd - 29 * 86_400_000,
          note: '',
          acceptedBy: [pair.mentee.id, pair.mentor.id],
        }),
      );
      must(
        await repos.relationships.meetings.create(tenantId, relationshipId, {
          id: `meeting-${relationshipId}`,
          number: 1,
          start: meetingEnd - 3_600_000,
          end: meetingEnd,
          status: 'planned',
          organizerId: pair.mentee.id,
          bookingState: 'booked',
          eventId: `event-${relationshipId}`,
        }),
      );
    });
    const setupSeconds = (performance.now() - setupStarted) / 1000;
    verbose('setup done', setupSeconds);
    const TOTAL = pairs.length * 2;

    // Timed from here: the planning timer's run, with the queue triggers already listening (as in Azure).
    const counts: Record<JobOutcome, number> = { delivered: 0, waiting: 0, retrying: 0, dropped: 0, expired: 0, undeliverable: 0, poisoned: 0 };
    const { worker, deliveryQueue } = runtime.host;
    const poller = new StorageQueuePoller<JobOutcome>(
      deliveryQueue.queues.map((queue) => ({
        queue,
        handle: async (message: string, source: { queueName: string; messageId: string }) => {
          const outcomes = await worker.handleMessage(message, source);
          for (const o of outcomes) counts[o]++;
          return outcomes;
        },
      })),
      (name) => botStorageFromConnectionString(connectionString).queue(name),
      (event, details) => console.error(JSON.stringify({ event, ...details })),
    );
    counter?.reset();
    const started = performance.now();
    poller.start();
    const planning = await planDueMessages({ index: runtime.meetingMoments, repos, plan: runtime.host.plan }, Date.now(), quietLogger);
    const planned = performance.now();
    verbose('planning done', JSON.stringify({ planned: planning.planned.length, skipped: planning.skipped, failed: planning.failed }));
    const distinct = () => new Set(connector.received.map((r) => r.conversationId)).size;
    let lastProgress = performance.now();
    let seen = 0;
    while (distinct() < TOTAL && performance.now() - lastProgress < 3 * 60_000) {
      await new Promise((r) => setTimeout(r, 100));
      if (connector.received.length !== seen) {
        if (Math.floor(connector.received.length / 1000) !== Math.floor(seen / 1000)) verbose('received', connector.received.length, JSON.stringify(counts));
        seen = connector.received.length;
        lastProgress = performance.now();
      }
    }
    const finished = performance.now();
    await poller.stop();

    const perConversation = new Map<string, number>();
    for (const r of connector.received) perConversation.set(r.conversationId, (perConversation.get(r.conversationId) ?? 0) + 1);
    const doubled = [...perConversation.values()].filter((n) => n > 1).reduce((sum, n) => sum + n - 1, 0);
    const lost = TOTAL - perConversation.size;
    const seconds = (finished - started) / 1000;
    const queued = planning.planned.reduce((n, p) => n + p.queued, 0);
    if (scenario.main) {
      report(`${scenario.label}-${TOTAL}`, seconds, 's');
      report('checkins-lost', lost, '');
      report('checkins-doubled', doubled, '');
      report(`${scenario.label}-${TOTAL}-planning`, (planned - started) / 1000, 's');
      report(`${scenario.label}-${TOTAL}-queued-by-planning`, queued, '');
      report(`${scenario.label}-${TOTAL}-throughput`, TOTAL / seconds, 'checkins/s');
      report(`${scenario.label}-${TOTAL}-connector-429s`, connector.stats.throttled, '');
      report(`${scenario.label}-${TOTAL}-queue-retries`, counts.retrying, '');
      report(`${scenario.label}-${TOTAL}-setup-untimed`, setupSeconds, 's');
    } else {
      report(scenario.label, seconds, 's');
      report(`${scenario.label}-lost`, lost, '');
      report(`${scenario.label}-doubled`, doubled, '');
      report(`${scenario.label}-connector-429s`, connector.stats.throttled, '');
      report(`${scenario.label}-queue-retries`, counts.retrying, '');
    }
    if (counter) {
      // Everything the planning run and the deliveries did, from the timer's start to the last card.
      const ops = counter.counts();
      const per = (n: number) => Math.round((n / TOTAL) * 100) / 100;
      const table = ops.pointReads + ops.partitionQueries + ops.crossPartitionQueries + ops.transactions + ops.writes + ops.tableOther;
      report(`${scenario.label}-table-ops-per-checkin`, per(table), '');
      report(`${scenario.label}-point-reads-per-checkin`, per(ops.pointReads), '');
      report(`${scenario.label}-partition-queries-per-checkin`, per(ops.partitionQueries), '');
      report(`${scenario.label}-cross-partition-queries`, ops.crossPartitionQueries, '');
      report(`${scenario.label}-transactions-per-checkin`, per(ops.transactions), '');
      report(`${scenario.label}-single-writes-per-checkin`, per(ops.writes), '');
      report(`${scenario.label}-queue-ops-per-checkin`, per(ops.queueSends + ops.queueReceives + ops.queueDeletes + ops.queueOther), '');
    }
    const other = counts.undeliverable + counts.poisoned + counts.expired + counts.dropped;
    if (other > 0 || planning.failed > 0) console.error(JSON.stringify({ scenario: scenario.label, counts, planningFailed: planning.failed }));
  } finally {
    await connector.stop();
    await counter?.stop();
    await azurite.stop();
  }
}

/**
 * `bot-oversize-body-rss-growth`: the API process (the local host with the bot, its own process with
 * --expose-gc) receives ten anonymous 50 MB POSTs to /api/messages, streamed in 1 MB chunks with no
 * token (locally there is no BOT_ID, so nothing stops them before the body). The figure is its RSS
 * after a full GC once they are done, minus its RSS after a full GC before them (after one small
 * activity, so the code paths are loaded). The endpoint stops reading at 256 KiB and closes the
 * connection, so the bodies are never buffered.
 */
export async function oversizeBodyRssGrowth(report: Report): Promise<void> {
  const POSTS = 10;
  const BODY_BYTES = 50 * 1024 * 1024;
  const child = spawn(process.execPath, ['--expose-gc', '--import', 'tsx', join(__dirname, 'support', 'bot-host-process.ts')], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    env: { ...process.env, BOT_ID: '', MENTORING_MODE: 'local' },
  });
  const nextMessage = () =>
    new Promise<Record<string, unknown>>((resolve, reject) => {
      child.once('message', (m) => resolve(m as Record<string, unknown>));
      child.once('exit', (code) => reject(new Error(`the API process exited (${code})`)));
    });
  try {
    const { baseUrl } = (await nextMessage()) as { baseUrl: string };
    const endpoint = new URL('/api/messages', baseUrl);
    const rss = async () => {
      const answer = nextMessage();
      child.send('rss');
      return Number((await answer).rss);
    };
    // Warm-up: one small (malformed) activity through the same endpoint.
    await fetch(endpoint, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    const before = await rss();
    const outcomes: { status: number; bytesWritten: number }[] = [];
    for (let i = 0; i < POSTS; i++) outcomes.push(await postStreamed(endpoint, BODY_BYTES));
    const after = await rss();
    report('bot-oversize-body-rss-growth', (after - before) / (1024 * 1024), 'MB');
    report('bot-oversize-body-rss-before', before / (1024 * 1024), 'MB');
    // Cut off: the server stopped the upload before the 50 MB were sent. The client reads the 413
    // when it arrives before the server's close; otherwise it sees the connection reset.
    report('bot-oversize-body-cut-off', outcomes.filter((o) => o.bytesWritten < BODY_BYTES || o.status === 413).length, `of ${POSTS}`);
    report('bot-oversize-body-413-read-by-client', outcomes.filter((o) => o.status === 413).length, `of ${POSTS}`);
    report('bot-oversize-body-mb-sent-before-close', outcomes.reduce((sum, o) => sum + o.bytesWritten, 0) / POSTS / (1024 * 1024), 'MB/post');
  } finally {
    child.send('stop');
    await new Promise((resolve) => child.once('exit', resolve));
  }
}

/** One anonymous POST of `total` bytes in 1 MB chunks with backpressure, ended early if the server closes. */
function postStreamed(url: URL, total: number): Promise<{ status: number; bytesWritten: number }> {
  return new Promise((resolve) => {
    let status = 0;
    let written = 0;
    let settled = false;
    const finish = () => {
      if (settled) return;
      settled = true;
      resolve({ status, bytesWritten: written });
    };
    const chunk = Buffer.alloc(1024 * 1024, 0x20);
    const req = httpRequest(url, { method: 'POST', headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' } }, (res) => {
      status = res.statusCode ?? 0;
      res.resume();
      res.on('end', () => {
        req.destroy();
        finish();
      });
    });
    req.on('error', finish);
    req.on('close', finish);
    const pump = () => {
      while (written < total && !req.destroyed) {
        written += chunk.length;
        if (!req.write(chunk)) return void req.once('drain', pump);
      }
      if (!req.destroyed) req.end();
    };
    pump();
  });
}

/**
 * `checkin-after-meeting-end-p95`: 1,000 online meetings (1,000 pairs, 10 tenants) end within one
 * minute. Each end is Teams' meetingEnd activity POSTed over HTTP to the bot's endpoint (the
 * production BotHost on the Agents SDK's CloudAdapter, composed by `composeBotHost` on a fresh
 * Azurite); the bot reads attendance through the Graph adapter from the local calendar (online
 * meetings booked there with isOnlineMeeting, both people recorded as joined), records the meeting
 * and queues the check-ins, which the poller (mirroring Azure's queue trigger) delivers with
 * production pacing to the local Bot Connector limited like Teams. Per person: from their meeting's
 * meetingEnd POST to their card accepted by the connector; the figure is the 95th percentile.
 * `meeting-end-checkins-lost` / `-doubled`: people without their one card, extra cards.
 */
export async function checkinAfterMeetingEnd(report: Report, options: { pairs?: number; spreadMs?: number } = {}): Promise<void> {
  const PAIRS = options.pairs ?? 1000;
  const SPREAD = options.spreadMs ?? 60_000;
  const { createServer } = await import('node:http');
  const { composeBotHost } = await import('../src/hosts/functions/bot-composition');
  const { nodeBotListener } = await import('../src/bot/host/bot-endpoint');
  const { startLocalGraphCalendar, localCalendarTable } = await import('../src/local/calendar/local-graph-calendar');
  const { LocalAttendanceTable } = await import('../src/local/calendar/online-meetings');
  const { GraphMeetingAttendance } = await import('../src/adapters/graph/graph-meeting-attendance.adapter');
  const { createGraphClient } = await import('../src/adapters/graph/graph-client');
  const { ok } = await import('../src/core/result');
  const azurite = await startAzurite();
  const connector = await startLocalBotConnector();
  const people = Array.from({ length: PAIRS * 2 }, (_, i) => ({ personId: `p-${i}`, tenantId: `tenant-${Math.floor(i / 2) % 10}`, email: `p${i}@bench.local`, displayName: `Person ${i}`, timeZone: ZONES[i % ZONES.length]!, seeded: false }));
  const attendanceTable = LocalAttendanceTable.fromConnectionString(azurite.connectionString);
  const calendar = await startLocalGraphCalendar({ table: localCalendarTable(azurite.connectionString), attendance: attendanceTable, people });
  try {
    const apiEnvironment = localApiEnvironment({ storageConnectionString: azurite.connectionString, jwksUri: 'http://127.0.0.1:9/keys', issuerTemplate: 'http://127.0.0.1:9/{tenantid}/v2.0', graphBaseUrl: calendar.baseUrl });
    const api = await createApiHost({ settings: parseApiSettings(Object.fromEntries(Object.entries(apiEnvironment).filter(([, v]) => v !== undefined))), logger: quietLogger });
    const repos = api.services.repositories;
    const host = await composeBotHost({
      settings: parseBotSettings({ MENTORING_MODE: 'local', TAB_ENDPOINT: 'http://127.0.0.1:53000' }),
      storage: botStorageFromConnectionString(azurite.connectionString),
      mentoring: { repos, ids: api.services.ids },
      clock: { now: () => Date.now() },
      logger: { error: (message, details) => verbose(message, JSON.stringify(details)) },
      attendanceFor: () => ok(new GraphMeetingAttendance(createGraphClient({ baseUrl: calendar.baseUrl, accessToken: async () => 'bench' }))),
      // As composeBotRuntime wires it: the API host's join URL index.
      relationshipOfJoinUrl: (tenantId, joinUrl) => api.meetingJoins.relationshipOf(tenantId, joinUrl),
    });
    const server = createServer(nodeBotListener(host.handle));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const endpoint = `http://127.0.0.1:${(server.address() as import('node:net').AddressInfo).port}/api/messages`;
    const now = Date.now();
    const pairs: { tenantId: string; mentor: (typeof people)[number]; mentee: (typeof people)[number]; joinUrl: string }[] = [];
    const setupStarted = performance.now();
    await inParallel(
      Array.from({ length: PAIRS }, (_, i) => i),
      32,
      async (i) => {
        const mentor = people[2 * i]!;
        const mentee = people[2 * i + 1]!;
        const tenantId = mentor.tenantId;
        for (const p of [mentor, mentee]) {
          await repos.profiles.create(tenantId, { userId: p.personId, displayName: p.displayName, jobTitle: '', seniority: 'senior', skillsToTeach: [], skillsToLearn: [], languages: [], timeZone: p.timeZone, capacity: 1, openToReverseMentoring: true, activeMenteeCount: 0, createdAt: 0, updatedAt: 0 });
          await host.conversation.remember({ serviceUrl: connector.serviceUrl, channelId: 'msteams', conversationId: `a:${p.personId}`, botId: '28:mentoring-bot', userId: `29:${p.personId}`, userAadObjectId: p.personId, tenantId, locale: 'en-GB' });
        }
        const side = (p: { personId: string; timeZone: string }) => ({ personId: p.personId, timeZone: p.timeZone, meetingWindows: [{ weekday: 2 as const, start: '10:00', end: '16:00' }], contactChannel: 'teamsChat' as const, contactHours: aroundTheClock });
        await repos.relationships.create(tenantId, { id: `rel-${i}`, mentorId: mentor.personId, menteeId: mentee.personId, reverse: false, status: 'active', requestId: `req-${i}`, menteePreWork: { whatIWant: 'x', whatIBring: 'y', expectations: 'z' }, startedAt: 0, reflections: {}, activeAgreementVersion: 1 });
        await repos.relationships.agreementVersions.create(tenantId, `rel-${i}`, {
          id: agreementVersionId(1),
          number: 1,
          agreement: { cadence: { kind: 'weekly' }, meetingMinutes: 60, bufferMinutes: 0, minimumNoticeHours: 24, respectWorkingHours: false, firstDate: '2026-01-06', meetingCount: 12, location: { kind: 'online' }, mentor: side(mentor), mentee: side(mentee) },
          proposedBy: mentee.personId,
          proposedAt: 0,
          note: '',
          acceptedBy: [mentee.personId, mentor.personId],
        });
        const booked = await fetch(`${calendar.baseUrl}/users/${mentor.personId}/calendar/events`, {
          method: 'POST',
          headers: { Authorization: 'Bearer bench', 'Content-Type': 'application/json' },
          body: JSON.stringify({ subject: 'Mentoring', isOnlineMeeting: true, onlineMeetingProvider: 'teamsForBusiness', start: { dateTime: new Date(now - 3_600_000).toISOString().slice(0, 19), timeZone: 'UTC' }, end: { dateTime: new Date(now + 600_000).toISOString().slice(0, 19), timeZone: 'UTC' }, attendees: [{ emailAddress: { address: mentee.email, name: mentee.displayName }, type: 'required' }] }),
        });
        const event = (await booked.json()) as { id: string; onlineMeeting: { joinUrl: string } };
        await repos.relationships.meetings.create(tenantId, `rel-${i}`, { id: `meeting-${i}`, number: 1, start: now - 3_600_000, end: now + 600_000, status: 'planned', organizerId: mentor.personId, bookingState: 'booked', eventId: event.id, joinUrl: event.onlineMeeting.joinUrl });
        await attendanceTable.record(event.id, { start: now - 3_600_000, end: now, attendees: [mentor, mentee].map((p) => ({ id: p.personId, displayName: p.displayName, email: p.email })) });
        pairs[i] = { tenantId, mentor, mentee, joinUrl: event.onlineMeeting.joinUrl };
      },
    );
    verbose('meeting-end setup', (performance.now() - setupStarted) / 1000);

    const { worker, deliveryQueue } = host;
    const poller = new StorageQueuePoller<JobOutcome>(
      deliveryQueue.queues.map((queue) => ({ queue, handle: (message: string, source: { queueName: string; messageId: string }) => worker.handleMessage(message, source) })),
      (name) => botStorageFromConnectionString(azurite.connectionString).queue(name),
      (event, details) => console.error(JSON.stringify({ event, ...details })),
    );
    poller.start();
    const endedAt = new Map<string, number>();
    const acceptedAt = new Map<string, number>();
    let seen = 0;
    const watch = setInterval(() => {
      const t = performance.now();
      for (; seen < connector.received.length; seen++) {
        const id = connector.received[seen]!.conversationId.slice(2);
        if (!acceptedAt.has(id)) acceptedAt.set(id, t);
      }
    }, 10);
    const started = performance.now();
    const failures: number[] = [];
    await Promise.all(
      pairs.map(async (pair, i) => {
        await new Promise((r) => setTimeout(r, (i * SPREAD) / PAIRS));
        const sent = performance.now();
        endedAt.set(pair.mentor.personId, sent);
        endedAt.set(pair.mentee.personId, sent);
        const response = await fetch(endpoint, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            type: 'event',
            name: 'application/vnd.microsoft.meetingEnd',
            id: `end-${i}`,
            channelId: 'msteams',
            serviceUrl: connector.serviceUrl,
            from: { id: `29:${pair.mentor.personId}`, aadObjectId: pair.mentor.personId },
            recipient: { id: '28:mentoring-bot', name: 'Mentoring' },
            conversation: { isGroup: true, conversationType: 'groupChat', id: `19:meeting_${i}@thread.v2`, tenantId: pair.tenantId },
            channelData: { tenant: { id: pair.tenantId }, source: null, meeting: { id: `m${i}` } },
            value: { MeetingType: 'Scheduled', Title: 'Mentoring', Id: `m${i}`, JoinUrl: pair.joinUrl, EndTime: new Date().toISOString() },
          }),
        });
        if (response.status >= 300) failures.push(response.status);
        await response.arrayBuffer();
      }),
    );
    let lastProgress = performance.now();
    let count = 0;
    while (acceptedAt.size < PAIRS * 2 && performance.now() - lastProgress < 3 * 60_000) {
      await new Promise((r) => setTimeout(r, 100));
      if (acceptedAt.size !== count) {
        count = acceptedAt.size;
        lastProgress = performance.now();
      }
    }
    clearInterval(watch);
    await poller.stop();
    await new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
    const latencies = [...acceptedAt.entries()].map(([id, t]) => (t - (endedAt.get(id) ?? started)) / 1000).sort((a, b) => a - b);
    const p95 = latencies.length ? latencies[Math.min(latencies.length - 1, Math.ceil(latencies.length * 0.95) - 1)]! : Number.NaN;
    const perConversation = new Map<string, number>();
    for (const r of connector.received) perConversation.set(r.conversationId, (perConversation.get(r.conversationId) ?? 0) + 1);
    report('checkin-after-meeting-end-p95', p95, 's');
    report('meeting-end-checkins-lost', PAIRS * 2 - perConversation.size, '');
    report('meeting-end-checkins-doubled', [...perConversation.values()].reduce((sum, n) => sum + Math.max(0, n - 1), 0), '');
    report('meeting-end-events-refused', failures.length, '');
    report('meeting-end-last-card-after-first-event', (Math.max(...acceptedAt.values()) - started) / 1000, 's');
  } finally {
    await calendar.stop();
    await connector.stop();
    await azurite.stop();
  }
}
