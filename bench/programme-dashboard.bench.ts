/**
 * programme-dashboard-10000-pairs-p95: the owner's dashboard (`GET /api/programmes/{id}/health`) of a
 * programme of 10,000 pairs, read over HTTP through the whole local stack (the production token
 * validator, the API, Table Storage on Azurite) at 50 req/s for 20 s, latency counted from each
 * request's scheduled send time. Budget: p95 ≤ 100 ms.
 *
 * What is in storage: the programme, its counters row, one facts row per pair (10,000) and one row per
 * pair at risk, in the programme's partition — the state `recordPair` leaves after each pair's
 * writes (the counters row carrying the first 50 pairs at risk). It is seeded in transactions of 100 rows with the counters folded by `applyPairChange`
 * (tests/core/programmes/programme-health.test.ts shows that fold equals recording pair by pair);
 * seeding 10,000 pairs through the recording path would time the seeding, not the dashboard.
 * The pairs vary: stages, 0–8 meetings held, missed, cancelled, check-ins, goals, and about one in
 * eight at risk (the figure prints how many). The read is what every request does: the token check
 * and one point read (the counters row with the first 50 pairs at risk); it never scans the pairs.
 */
import { randomUUID } from 'node:crypto';
import { Worker } from 'node:worker_threads';
import { performance } from 'node:perf_hooks';
import { availableParallelism, loadavg } from 'node:os';
import type { Report } from './run';
import { seededRandom as random } from './support/seeded-random';
import { startLocalStack } from '../src/local/start-local-stack';
import type { DemoPerson } from '../src/local/demo-people';
import { applyPairChange, EMPTY_HEALTH, withRisksAsOf, type PairFacts, type PairStage } from '../src/core/programmes/programme-health';
import { TableDocumentStore, type WriteAction } from '../src/adapters/storage/table-document-store';
import { key, tenantKeys } from '../src/adapters/storage/table-keys';
import { AT_RISK_HEAD } from '../src/adapters/storage/table-programme-health';

const PAIRS = Number(process.env.BENCH_DASHBOARD_PAIRS ?? 10_000);
const RATE = 50;
const SECONDS = 20;
const WARMUP = 50;
const DAY = 86_400_000;

const LOAD_GENERATOR = `
const { parentPort, workerData } = require('node:worker_threads');
const { performance } = require('node:perf_hooks');
const { url, token, count, ratePerSecond } = workerData;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const interval = 1000 / ratePerSecond;
const started = performance.now();
const latencies = [];
let failures = 0;
let bytes = 0;
Promise.all(Array.from({ length: count }, async (_, i) => {
  const at = started + i * interval;
  const wait = at - performance.now();
  if (wait > 0) await sleep(wait);
  const response = await fetch(url, { headers: { authorization: 'Bearer ' + token } });
  const body = await response.arrayBuffer();
  bytes = body.byteLength;
  latencies.push(performance.now() - at);
  if (response.status !== 200) failures += 1;
})).then(() => parentPort.postMessage({ latencies, failures, bytes }));
`;

function pairs(count: number, now: number): PairFacts[] {
  const r = random(14);
  const int = (max: number) => Math.floor(r() * (max + 1));
  return Array.from({ length: count }, (_, i) => {
    const stage: PairStage = (['matched', 'agreed', 'meeting', 'meeting', 'meeting', 'closed'] as const)[int(5)]!;
    const held = stage === 'meeting' || stage === 'closed' ? 1 + int(7) : 0;
    // Recent matches for pairs not yet meeting; pairs that meet last met 1–32 days ago: about one in eight at risk.
    const matchedAt = now - (stage === 'matched' ? int(8) : stage === 'agreed' ? 5 + int(25) : 30 + int(60)) * DAY;
    const lastHeldAt = held > 0 ? now - (1 + int(31)) * DAY : undefined;
    const firstHeldAt = held > 0 ? Math.min(lastHeldAt!, matchedAt + (3 + int(20)) * DAY) : undefined;
    return withRisksAsOf(
      {
        relationshipId: `bench-${String(i).padStart(5, '0')}-${randomUUID()}`,
        menteeId: randomUUID(),
        mentorId: randomUUID(),
        menteeName: `Mentee ${i}`,
        mentorName: `Mentor ${i}`,
        stage,
        matchedAt,
        ...(firstHeldAt !== undefined ? { firstHeldAt } : {}),
        ...(lastHeldAt !== undefined ? { lastHeldAt } : {}),
        meetings: { planned: int(4), held, missed: int(1), cancelled: int(2) },
        checkInsAnswered: int(2 * held),
        checkInsExpected: 2 * held,
        goals: int(4),
        goalProgressSum: int(300),
        periodDays: 14,
        lastTwoCancelled: r() < 0.04,
        risks: [],
        asOf: now,
      },
      now,
    );
  });
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

export async function run(report: Report): Promise<void> {
  const tenantId = randomUUID();
  const owner: DemoPerson = {
    personId: randomUUID(), tenantId, displayName: 'Olivia Owner', email: 'owner@bench.local', jobTitle: 'L&D lead', seniority: 'senior', timeZone: 'Europe/London',
    skillsToTeach: [], skillsToLearn: [], languages: ['en'], capacity: 0, openToReverseMentoring: false, roles: ['Programme.Owner'],
  };
  const stack = await startLocalStack({ httpPort: 0, seed: false, services: [], people: [owner], logger: { error: (m, f) => console.error(m, f), info: () => undefined } });
  try {
    const now = Date.now();
    const programme = await stack.api.services.programmes.create(tenantId, {
      id: randomUUID(), name: 'Bench programme', purpose: '', startDate: '2026-09-01', endDate: '2027-08-31', joinPolicy: { kind: 'everyone' }, kind: 'both', matchingMode: 'cohort',
      mentorCapacity: 3, defaultAgreement: { cadence: { kind: 'biweekly' }, meetingMinutes: 45, meetingCount: 12 }, roadmapTemplateIds: [], goals: [], publishAs: 'accepted',
      createdBy: owner.personId, createdAt: now, updatedAt: now,
    });
    if (!programme.ok) throw new Error(programme.error.code);
    const store: TableDocumentStore = stack.api.store;
    const partition = tenantKeys.programme(tenantId, programme.value.id);
    const facts = pairs(PAIRS, now);
    let health = EMPTY_HEALTH;
    const rows: WriteAction[] = [];
    for (const f of facts) {
      health = applyPairChange(health, undefined, f, now);
      rows.push({ type: 'insert', rowKey: `pair|${key(f.relationshipId)}`, kind: 'programmePair', value: f });
      if (f.risks.length > 0) {
        rows.push({ type: 'insert', rowKey: `risk|${key(f.relationshipId)}`, kind: 'programmeRisk', value: { relationshipId: f.relationshipId, menteeId: f.menteeId, mentorId: f.mentorId, menteeName: f.menteeName, mentorName: f.mentorName, stage: f.stage, risks: f.risks, ...(f.lastHeldAt !== undefined ? { lastHeldAt: f.lastHeldAt } : {}), asOf: f.asOf } });
      }
    }
    // The counters row carries the first pairs at risk by row key, as recordPair keeps it.
    const atRiskHead = rows
      .filter((r) => r.rowKey.startsWith('risk|'))
      .sort((a, b) => (a.rowKey < b.rowKey ? -1 : 1))
      .slice(0, AT_RISK_HEAD)
      .map((r) => (r as { value: unknown }).value);
    rows.push({ type: 'insert', rowKey: 'health', kind: 'programmeHealth', value: { ...health, atRiskHead } });
    const seedStarted = Date.now();
    const batches: WriteAction[][] = [];
    for (let i = 0; i < rows.length; i += 100) batches.push(rows.slice(i, i + 100));
    let next = 0;
    await Promise.all(Array.from({ length: 8 }, async () => {
      while (next < batches.length) {
        const written = await store.transact(partition, batches[next++]!, 'bench seed');
        if (!written.ok) throw new Error(written.error.code);
      }
    }));
    report('programme-dashboard-seed-rows', rows.length, `rows in ${Math.round((Date.now() - seedStarted) / 1000)} s`);

    const token = (await stack.issuer.issueToken(owner.personId))!;
    const url = `${stack.baseUrl}/api/programmes/${programme.value.id}/health`;
    const check = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
    const dto = (await check.json()) as { pairs: number; atRisk: { total: number; pairs: unknown[] } };
    if (check.status !== 200 || dto.pairs !== PAIRS) throw new Error(`dashboard answered ${check.status}: ${JSON.stringify(dto).slice(0, 200)}`);
    report('programme-dashboard-at-risk', dto.atRisk.total, `pairs (${dto.atRisk.pairs.length} listed)`);

    const generate = (count: number) =>
      new Promise<{ latencies: number[]; failures: number; bytes: number }>((resolve, reject) => {
        const worker = new Worker(LOAD_GENERATOR, { eval: true, workerData: { url, token, count, ratePerSecond: RATE } });
        worker.once('message', (m) => {
          void worker.terminate();
          resolve(m);
        });
        worker.once('error', reject);
      });
    await generate(WARMUP);
    // One client, one request at a time: the service time without queueing.
    const sequentialStarted = performance.now();
    for (let i = 0; i < 100; i++) await (await fetch(url, { headers: { authorization: `Bearer ${token}` } })).arrayBuffer();
    report('programme-dashboard-sequential-mean', (performance.now() - sequentialStarted) / 100, 'ms');
    const loadBefore = loadavg()[0]!;
    const measured = await generate(RATE * SECONDS);
    const sorted = [...measured.latencies].sort((a, b) => a - b);
    report(`programme-dashboard-${PAIRS}-pairs-p95`, percentile(sorted, 95), 'ms');
    report(`programme-dashboard-${PAIRS}-pairs-p50`, percentile(sorted, 50), 'ms');
    report('programme-dashboard-failures', measured.failures, `of ${sorted.length} requests at ${RATE} req/s`);
    report('programme-dashboard-body', Math.round(measured.bytes / 100) / 10, 'KB');
    report('programme-dashboard-host-load-1m', Math.round(Math.max(loadBefore, loadavg()[0]!) * 100) / 100, `runnable tasks on ${availableParallelism()} cores`);
  } finally {
    await stack.stop();
  }
}
