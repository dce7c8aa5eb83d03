/**
 * The Outlook boundary guard's endpoint on the local stack as `npm start` runs it (Azurite, the API on
 * loopback with the production token validator, the local Graph calendar over HTTP for both people's
 * free/busy). `npm run bench -- outlook`.
 *   boundary-check-p95   POST …/meetings/{id}/boundary-check offered at 100 req/s for 15 s by 10
 *                        clients, latency counted from each request's scheduled send time; half the
 *                        proposed times keep the agreement, half break it (the evening, the next day, a
 *                        week later in the evening), so those answers also search their three alternatives.
 *                        Budget: at most 50 ms.
 *   boundary-check-p50   the same run's median
 *   boundary-check-first the first check of the pair on a fresh process (cold caches)
 */
import { Worker } from 'node:worker_threads';
import { availableParallelism, loadavg } from 'node:os';
import type { Report } from './run';
import { startLocalStack } from '../src/local/start-local-stack';
import { createLocalCalendarService } from '../src/local/calendar/local-calendar.service';
import { stackHttp as http } from './support/stack-http';

const OLIVER = 'a0000004-0000-4000-8000-000000000004';
const KACPER = 'a0000002-0000-4000-8000-000000000002';
const RATE = Number(process.env.BENCH_RATE ?? 100);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 15);
const CLIENTS = 10;
const WARMUP = 200;
const quiet = { error: () => undefined, info: () => undefined };


const LOAD_GENERATOR = `
const { parentPort, workerData } = require('node:worker_threads');
const { performance } = require('node:perf_hooks');
const { url, token, bodies, requests, ratePerSecond, clients } = workerData;
const latencies = [];
let issued = 0;
let failures = 0;
const started = performance.now();
const interval = ratePerSecond ? (1000 * clients) / ratePerSecond : 0;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
Promise.all(Array.from({ length: clients }, async (_, k) => {
  let next = started + (interval * k) / clients;
  while (issued < requests) {
    const body = bodies[issued++ % bodies.length];
    if (interval) { const wait = next - performance.now(); if (wait > 0) await sleep(wait); }
    const t0 = interval ? next : performance.now();
    next += interval;
    const response = await fetch(url, { method: 'POST', headers: { authorization: 'Bearer ' + token, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    await response.arrayBuffer();
    latencies.push(performance.now() - t0);
    if (response.status !== 200) failures += 1;
  }
})).then(() => parentPort.postMessage({ latencies, failures }));
`;

const percentile = (sorted: readonly number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

export async function run(report: Report): Promise<void> {
  const stack = await startLocalStack({ httpPort: 0, logger: quiet, services: [createLocalCalendarService], env: { LOCAL_CLOCK_START: '2027-01-04T09:00:00Z' } });
  try {
    const oliver = (await http(stack, 'POST', '/local-identity/token', { personId: OLIVER })).accessToken as string;
    const kacper = (await http(stack, 'POST', '/local-identity/token', { personId: KACPER })).accessToken as string;
    const request = await http(stack, 'POST', '/api/requests', { mentorId: KACPER, note: 'Copilot, please', preWork: { whatIWant: 'Generative AI', whatIBring: 'Coaching', expectations: 'Weekly' } }, oliver);
    const relationship = await http(stack, 'POST', `/api/requests/${request.id}/accept`, { version: request.version }, kacper);
    const hours = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: '08:00', end: '18:00' }));
    const agreement = {
      cadence: { kind: 'weekly' },
      meetingMinutes: 45,
      bufferMinutes: 10,
      minimumNoticeHours: 24,
      respectWorkingHours: false,
      firstDate: '2027-01-12',
      meetingCount: 6,
      location: { kind: 'online' },
      mentor: { personId: KACPER, timeZone: 'Europe/Warsaw', meetingWindows: [{ weekday: 2, start: '10:00', end: '18:00' }, { weekday: 4, start: '10:00', end: '13:00' }], contactChannel: 'teamsChat', contactHours: hours },
      mentee: { personId: OLIVER, timeZone: 'Europe/London', meetingWindows: [{ weekday: 2, start: '09:00', end: '17:00' }, { weekday: 4, start: '09:00', end: '12:00' }], contactChannel: 'email', contactHours: hours },
    };
    const rel = `/api/relationships/${relationship.id}`;
    const proposed = await http(stack, 'POST', `${rel}/agreement`, { agreement, note: '' }, oliver);
    await http(stack, 'POST', `${rel}/agreement/1/accept`, { version: proposed.versions[0].version }, kacper);
    const booked = await http(stack, 'POST', `${rel}/meetings`, { scope: 'series' }, oliver);
    const meeting = booked.meetings[1] as { id: string; start: string; end: string };
    const at = (minutes: number) => {
      const start = Date.parse(meeting.start) + minutes * 60_000;
      return { start: new Date(start).toISOString(), end: new Date(start + 45 * 60_000).toISOString() };
    };
    // Inside (±15 min, unchanged), the evening, the next day, a week later in the evening.
    const bodies = [at(15), at(-15), at(0), at(8 * 60), at(24 * 60), at(7 * 24 * 60 + 11 * 60)];
    const url = `${stack.baseUrl}${rel}/meetings/${meeting.id}/boundary-check`;
    const firstStarted = performance.now();
    const first = await http(stack, 'POST', `${rel}/meetings/${meeting.id}/boundary-check`, bodies[3], oliver);
    const firstMs = performance.now() - firstStarted;
    if (first.ok !== false || first.alternatives.length === 0) throw new Error(`the evening time should be flagged with alternatives: ${JSON.stringify(first)}`);
    const drive = (requests: number, ratePerSecond?: number) =>
      new Promise<{ latencies: number[]; failures: number }>((resolve, reject) => {
        const worker = new Worker(LOAD_GENERATOR, { eval: true, workerData: { url, token: oliver, bodies, requests, ratePerSecond, clients: CLIENTS } });
        worker.once('message', resolve);
        worker.once('error', reject);
      });
    await drive(WARMUP);
    const loadBefore = loadavg()[0]!;
    const paced = await drive(RATE * SECONDS, RATE);
    if (paced.failures > 0) throw new Error(`${paced.failures} boundary checks did not answer 200`);
    const sorted = [...paced.latencies].sort((a, b) => a - b);
    report('boundary-check-p95', percentile(sorted, 95), 'ms');
    report('boundary-check-p50', percentile(sorted, 50), 'ms');
    report('boundary-check-first', firstMs, 'ms');
    report('outlook-bench-host-load-1m', Math.round(Math.max(loadBefore, loadavg()[0]!) * 100) / 100, `runnable tasks on ${availableParallelism()} cores`);
  } finally {
    await stack.stop();
  }
}
