/**
 * Mixed load with one growing pair (issue 15: "under mixed load with one growing pair, p95 went from
 * 16 ms to 4–7 s"). The whole local stack (in-memory Azurite, the API on loopback, the production
 * token validator), the API benches' tenant (100 people, 1,000 relationships), and a load generator in
 * a worker thread. What is timed, on what data, and why: bench/README.md, "mixed".
 *
 * - api-mixed-baseline-read-p95: 48 people reading their relationships at 250 req/s together, alone.
 * - api-mixed-read-p95-growing-pair: the same reads while one pair grows to 1,000 action items: its
 *   two people add items and mark the oldest done (at most 90 open, under the cap), 30 writes/s
 *   together, and read their own relationship 10 times a second, until the pair holds 1,000 items.
 * - beside them: the growing pair's own reads and writes, what was offered, failures, the load average.
 */
import { randomUUID } from 'node:crypto';
import { Worker } from 'node:worker_threads';
import { availableParallelism, loadavg } from 'node:os';
import type { Report } from './run';
import { startLocalStack } from '../src/local/start-local-stack';
import { benchPeople, percentile, seedRelationship, seedTenant } from './support/relationship-tenant';

const RELATIONSHIPS = Number(process.env.BENCH_RELATIONSHIPS ?? 1_000);
const PEOPLE = 100;
/** People reading their relationships (not the growing pair's two). */
const READERS = 48;
const READ_RATE = 250;
const BASELINE_SECONDS = 15;
/** The growing pair: items to reach, writes per second (both people), reads of its detail per second, open items each keeps. */
const GROWN_ITEMS = Number(process.env.BENCH_GROWN_ITEMS ?? 1_000);
const GROW_WRITE_RATE = 30;
const GROW_READ_RATE = 10;
const OPEN_PER_PERSON = 45;
/** The mixed phase ends when the pair holds its items, or after this long (reported: items reached). */
const MAX_MIXED_SECONDS = 300;

/**
 * Lanes, each on its own fixed schedule (latency counted from the scheduled send time, so a slow
 * answer is not hidden by the lane waiting for it): `read` lanes GET a relationship in turn; `grow`
 * lanes POST an action item, or, once they keep `keepOpen` open, PATCH their oldest open one done
 * with the version they got. Read lanes stop when every grow lane is done (or at `seconds`).
 */
const LOAD_GENERATOR = `
const { parentPort, workerData } = require('node:worker_threads');
const { performance } = require('node:perf_hooks');
const { baseUrl, lanes, seconds } = workerData;
const results = { read: [], pairRead: [], write: [], failures: [], offered: { read: 0, pairRead: 0, write: 0 } };
const started = performance.now();
const deadline = started + seconds * 1000;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
let growing = lanes.filter((l) => l.kind === 'grow').length;
const stop = () => performance.now() > deadline || (growing === 0 && lanes.some((l) => l.kind === 'grow'));
async function call(method, path, token, body) {
  const response = await fetch(baseUrl + path, {
    method,
    headers: { authorization: 'Bearer ' + token, ...(body ? { 'content-type': 'application/json' } : {}) },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  const text = await response.text();
  return { status: response.status, json: text ? JSON.parse(text) : undefined };
}
Promise.all(lanes.map(async (lane, k) => {
  const interval = 1000 / lane.ratePerSecond;
  let next = started + (interval * k) / lanes.length;
  let i = 0;
  const open = [];
  let made = 0;
  for (;;) {
    if (lane.kind === 'grow' ? made >= lane.items && open.length === 0 : stop()) break;
    if (performance.now() > deadline) break;
    const wait = next - performance.now();
    if (wait > 0) await sleep(wait);
    const t0 = next;
    next += interval;
    if (lane.kind === 'read') {
      const id = lane.ids[i++ % lane.ids.length];
      const answer = await call('GET', '/api/relationships/' + id, lane.token);
      (lane.pair ? results.pairRead : results.read).push(performance.now() - t0);
      results.offered[lane.pair ? 'pairRead' : 'read'] += 1;
      if (answer.status !== 200) results.failures.push('GET ' + answer.status);
      continue;
    }
    const path = '/api/relationships/' + lane.relationshipId + '/action-items';
    let answer;
    if (open.length >= lane.keepOpen || (made >= lane.items && open.length > 0)) {
      const item = open.shift();
      answer = await call('PATCH', path + '/' + item.id, lane.token, { status: 'done', version: item.version });
    } else {
      answer = await call('POST', path, lane.token, { title: 'Step ' + made + ' of the report', ownerId: lane.personId });
      if (answer.status === 201) { open.push({ id: answer.json.id, version: answer.json.version }); made += 1; }
    }
    results.write.push(performance.now() - t0);
    results.offered.write += 1;
    if (answer.status >= 300) results.failures.push(answer.status + ' ' + (answer.json && answer.json.error ? answer.json.error.code : ''));
  }
  if (lane.kind === 'grow') growing -= 1;
})).then(() => parentPort.postMessage({ ...results, elapsedMs: performance.now() - started }));
`;

interface Lane {
  readonly kind: 'read' | 'grow';
  readonly token: string;
  readonly ratePerSecond: number;
  readonly ids?: readonly string[];
  readonly pair?: boolean;
  readonly relationshipId?: string;
  readonly personId?: string;
  readonly items?: number;
  readonly keepOpen?: number;
}

interface LaneResults {
  read: number[];
  pairRead: number[];
  write: number[];
  failures: string[];
  offered: { read: number; pairRead: number; write: number };
  elapsedMs: number;
}

const sorted = (values: readonly number[]) => [...values].sort((a, b) => a - b);

export async function run(report: Report): Promise<void> {
  const { tenantId, people } = benchPeople(PEOPLE);
  const stack = await startLocalStack({ httpPort: 0, seed: false, services: [], people, logger: { error: (m, f) => console.error(m, f), info: () => undefined } });
  try {
    const repos = stack.api.services.repositories;
    const now = Date.now();
    const { memberOf } = await seedTenant(repos, tenantId, people, RELATIONSHIPS, now);
    // The growing pair starts as any other (people 0 and 1, one action item), then grows by 1,000.
    const [mentor, mentee] = [people[0]!, people[1]!];
    const pairId = randomUUID();
    await seedRelationship(repos, tenantId, { id: pairId, mentor, mentee }, now);

    const token = async (personId: string) => (await stack.issuer.issueToken(personId))!;
    const readers = await Promise.all(
      people.slice(2, 2 + READERS).map(async (p): Promise<Lane> => ({ kind: 'read', token: await token(p.personId), ids: memberOf.get(p.personId)!, ratePerSecond: READ_RATE / READERS })),
    );
    const drive = (lanes: readonly Lane[], seconds: number) =>
      new Promise<LaneResults>((resolve, reject) => {
        const worker = new Worker(LOAD_GENERATOR, { eval: true, workerData: { baseUrl: stack.baseUrl, lanes, seconds } });
        worker.once('message', resolve);
        worker.once('error', reject);
      });

    // Warm-up at the same rate, long enough for every reader to read each of its relationships (about 20) once or more.
    await drive(readers, 8);
    const loadBefore = loadavg()[0]!;
    const baseline = await drive(readers, BASELINE_SECONDS);

    const pairLanes: Lane[] = [];
    for (const person of [mentor, mentee]) {
      const t = await token(person.personId);
      pairLanes.push({ kind: 'grow', token: t, ratePerSecond: GROW_WRITE_RATE / 2, relationshipId: pairId, personId: person.personId, items: GROWN_ITEMS / 2, keepOpen: OPEN_PER_PERSON });
      pairLanes.push({ kind: 'read', token: t, ratePerSecond: GROW_READ_RATE / 2, ids: [pairId], pair: true });
    }
    const mixed = await drive([...readers, ...pairLanes], MAX_MIXED_SECONDS);
    const loadAfter = loadavg()[0]!;

    const items = await repos.relationships.actionItems.list(tenantId, pairId);
    if (!items.ok) throw new Error(items.error.code);
    report('api-mixed-baseline-read-p95', percentile(sorted(baseline.read), 95), 'ms');
    report('api-mixed-baseline-read-p50', percentile(sorted(baseline.read), 50), 'ms');
    report('api-mixed-read-p95-growing-pair', percentile(sorted(mixed.read), 95), 'ms');
    report('api-mixed-read-p50-growing-pair', percentile(sorted(mixed.read), 50), 'ms');
    report('api-mixed-grown-pair-read-p95', percentile(sorted(mixed.pairRead), 95), 'ms');
    report('api-mixed-grown-pair-write-p95', percentile(sorted(mixed.write), 95), 'ms');
    report('api-mixed-grown-pair-write-p50', percentile(sorted(mixed.write), 50), 'ms');
    report('api-mixed-grown-items', items.value.length, 'action items');
    report('api-mixed-grown-open-items', items.value.filter((i) => i.status === 'open').length, 'open');
    report('api-mixed-seconds', Math.round(mixed.elapsedMs / 100) / 10, 's');
    report('api-mixed-read-offered', Math.round((mixed.offered.read / mixed.elapsedMs) * 1000), 'req/s');
    report('api-mixed-write-offered', Math.round((mixed.offered.write / mixed.elapsedMs) * 1000), 'req/s');
    report('api-mixed-failed-requests', baseline.failures.length + mixed.failures.length, [...new Set([...baseline.failures, ...mixed.failures])].join(', ') || 'requests');
    report('api-mixed-host-load-1m', Math.round(Math.max(loadBefore, loadAfter) * 100) / 100, `runnable tasks on ${availableParallelism()} cores`);
  } finally {
    await stack.stop();
  }
}
