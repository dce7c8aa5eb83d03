/**
 * Fan-out of 10,000 check-ins through the real delivery path: Storage queue and Table ledger on
 * Azurite, the Agents SDK's CloudAdapter sending over HTTP to a local Bot Connector that rate-limits like
 * Teams (50 requests/s per tenant, 7/1 s … 1800/h per conversation) and answers 429 beyond that.
 * 10 tenants × 1,000 people, everyone inside contact hours, so the figure is delivery throughput.
 */
import { TableClient } from '@azure/data-tables';
import { spawn } from 'node:child_process';
import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Report } from './run';
import { startAzurite } from '../src/local/azurite';
import { startLocalBotConnector } from '../src/local/connector/local-bot-connector';
import { ensureTable, TableCheckInCardIssueStore, TableConversationReferenceStore } from '../src/adapters/bot/table-bot-stores';
import { deliveryQueueNames, StorageQueueDeliveryQueue } from '../src/adapters/bot/storage-queue-delivery';
import { StorageQueuePoller } from '../src/adapters/bot/storage-queue-poller';
import { QueueClient } from '@azure/storage-queue';
import { DELIVERY_QUEUE_PREFIX, DELIVERY_QUEUE_SHARDS } from '../src/hosts/functions/bot-composition';
import { TableDeliveryLedger } from '../src/adapters/bot/table-delivery-ledger';
import { BotConnectorSender } from '../src/adapters/bot/bot-connector-sender';
import { checkInCard } from '../src/adapters/cards/check-in-card';
import { CloudAdapter } from '@microsoft/agents-hosting';
import { DeliveryWorker } from '../src/bot/delivery/delivery-worker';
import { pacerPerKey } from '../src/bot/delivery/adaptive-pacer';
import { nextContactMoment } from '../src/core/scheduling/contact-hours';
import { idempotencyKeys } from '../src/core/delivery/bot-message';
import { ok } from '../src/core/result';
import type { DeliveryJob } from '../src/core/ports/delivery';

const TENANTS = 10;
const PEOPLE_PER_TENANT = Number(process.env.BOT_BENCH_PEOPLE_PER_TENANT ?? 1000);
const WORKERS = 8;

async function inParallel<T>(items: readonly T[], width: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < items.length) await fn(items[next++]!);
    }),
  );
}

export async function run(report: Report): Promise<void> {
  await oversizeBodyRssGrowth(report);
  await fanout(report, { tenants: TENANTS, peoplePerTenant: PEOPLE_PER_TENANT, initialPerSecond: 40, label: `checkin-fanout-${TENANTS * PEOPLE_PER_TENANT}`, main: true });
  // A cold start at four times Teams' per-tenant rate: the connector answers 429 and the pacer and
  // the queue must absorb it without losing or doubling a check-in.
  await fanout(report, { tenants: 1, peoplePerTenant: 1000, initialPerSecond: 200, label: 'checkin-burst-1000-one-tenant', main: false });
}

async function fanout(
  report: Report,
  scenario: { tenants: number; peoplePerTenant: number; initialPerSecond: number; label: string; main: boolean },
): Promise<void> {
  const TENANTS = scenario.tenants;
  const TOTAL = scenario.tenants * scenario.peoplePerTenant;
  const azurite = await startAzurite();
  const connector = await startLocalBotConnector();
  try {
    const table = TableClient.fromConnectionString(azurite.connectionString, 'botbench', { allowInsecureConnection: true });
    await ensureTable(table);
    const queueNamed = (name: string) => new QueueClient(azurite.connectionString, name);
    const queue = new StorageQueueDeliveryQueue(deliveryQueueNames(DELIVERY_QUEUE_PREFIX, DELIVERY_QUEUE_SHARDS).map(queueNamed), queueNamed);
    await queue.ensure();
    const references = new TableConversationReferenceStore(table);
    const cardIssues = new TableCheckInCardIssueStore(table);

    const people = Array.from({ length: TOTAL }, (_, i) => ({
      tenantId: `tenant-${i % TENANTS}`,
      personId: `person-${i}`,
    }));
    await inParallel(people, 50, async (p) => {
      await references.save({
        serviceUrl: connector.serviceUrl,
        channelId: 'msteams',
        conversationId: `a:${p.personId}`,
        botId: '28:mentoring-bot',
        userId: `29:${p.personId}`,
        userAadObjectId: p.personId,
        tenantId: p.tenantId,
        locale: 'en-GB',
      });
    });

    const allDay = ([1, 2, 3, 4, 5, 6, 7] as const).map((weekday) => ({ weekday, start: '00:00', end: '00:00' }));
    const adapter = new CloudAdapter({});
    let nonce = 0;
    const worker = new DeliveryWorker({
      queue,
      ledger: new TableDeliveryLedger(table),
      sender: new BotConnectorSender(adapter, ''),
      references,
      recipientOf: async (job) => ({ personId: job.personId, timeZone: 'Europe/Warsaw', contactHours: allDay }),
      compose: async (job, user) => {
        const n = `bench-${++nonce}`;
        await cardIssues.issue({ nonce: n, tenantId: job.tenantId, userId: job.personId, relationshipId: job.relationshipId, meetingId: job.meetingId });
        return ok(
          checkInCard({
            locale: user.locale,
            timeZone: 'Europe/Warsaw',
            relationshipId: job.relationshipId,
            meetingId: job.meetingId,
            meetingStart: job.notBefore - 3_600_000,
            nonce: n,
            partnerName: 'Partner',
            goals: [{ id: 'g1', title: 'A goal', progress: 10 }],
          }),
        );
      },
      nextContactMoment,
      now: () => Date.now(),
      pacerFor: pacerPerKey({ initialPerSecond: scenario.initialPerSecond, minPerSecond: 2, maxPerSecond: 200, increasePerSuccess: 0.5 }),
    });

    const started = performance.now();
    const meetingEnd = Date.now();
    // A timer run that finds 10,000 ended meetings' check-ins queues them in batches (100 per message).
    const jobs = people.map((p): DeliveryJob => ({
        kind: 'checkin',
        tenantId: p.tenantId,
        personId: p.personId,
        idempotencyKey: idempotencyKeys.checkin(`meeting-${p.personId}`, p.personId),
        notBefore: meetingEnd,
        relationshipId: `rel-${p.personId}`,
        meetingId: `meeting-${p.personId}`,
        jobId: `job-${p.personId}`,
        attempt: 0,
      }));
    for (let i = 0; i < jobs.length; i += 1000) await queue.enqueue(jobs.slice(i, i + 1000));

    const poller = new StorageQueuePoller(
      queue.queues.map((client) => ({ queue: client, handle: (message: string, source: { queueName: string; messageId: string }) => worker.handleMessage(message, source) })),
      queueNamed,
    );
    const counts = { delivered: 0, retrying: 0, waiting: 0, dropped: 0, expired: 0, undeliverable: 0, poisoned: 0 };
    let idleRounds = 0;
    await Promise.all(
      Array.from({ length: WORKERS }, async () => {
        while (counts.delivered + counts.undeliverable + counts.dropped < TOTAL && idleRounds < 200) {
          const outcomes = await poller.runOnce();
          if (outcomes.length === 0) {
            idleRounds++;
            await new Promise((r) => setTimeout(r, 100));
          } else idleRounds = 0;
          for (const o of outcomes) counts[o]++;
        }
      }),
    );
    const finished = performance.now();

    const perConversation = new Map<string, number>();
    for (const r of connector.received) perConversation.set(r.conversationId, (perConversation.get(r.conversationId) ?? 0) + 1);
    const doubled = [...perConversation.values()].filter((n) => n > 1).reduce((sum, n) => sum + n - 1, 0);
    const lost = TOTAL - perConversation.size;

    const seconds = (finished - started) / 1000;
    if (scenario.main) {
      report(scenario.label, seconds, 's');
      report('checkins-lost', lost, '');
      report('checkins-doubled', doubled, '');
      report(`${scenario.label}-throughput`, TOTAL / seconds, 'checkins/s');
      report(`${scenario.label}-connector-429s`, connector.stats.throttled, '');
    } else {
      report(scenario.label, seconds, 's');
      report(`${scenario.label}-lost`, lost, '');
      report(`${scenario.label}-doubled`, doubled, '');
      report(`${scenario.label}-connector-429s`, connector.stats.throttled, '');
      report(`${scenario.label}-queue-retries`, counts.retrying, '');
    }
  } finally {
    await connector.stop();
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
