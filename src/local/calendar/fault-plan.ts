/**
 * Fault injection for tests and benchmarks: throttling (429 with Retry-After), unavailability (503)
 * and added latency, either at a rate or as a script for the next calls. A share of the 503s can be
 * "lost answers": the call took effect but the caller only sees the 503 — the case transactionId
 * de-duplication exists for.
 */
export type FaultKind = 'throttle' | 'unavailable' | 'lostAnswer';

export interface FaultPlan {
  /** Share of Graph calls (each request inside a $batch counts) answered with a fault, 0–1. */
  rate?: number;
  /** Which faults the rate draws from; default throttle and unavailable alike. */
  kinds?: readonly FaultKind[];
  /** Retry-After seconds on 429/503 answers (default 1). */
  retryAfterSeconds?: number;
  /** Added to every HTTP request (not to each request inside a batch). */
  latencyMs?: number;
  /** Faults for the next calls in order, before any rate applies; `null` = answer normally. */
  script?: (FaultKind | null)[];
  /** Replaces Math.random, so a run can be repeated exactly. */
  random?: () => number;
  /** Only calls whose "METHOD /path" matches are faulted (and counted against the script); default all. */
  only?: RegExp;
}

export interface FaultStats {
  calls: number;
  faults: number;
}

export function drawFault(plan: FaultPlan | undefined, stats: FaultStats): FaultKind | undefined {
  stats.calls++;
  if (!plan) return undefined;
  if (plan.script && plan.script.length > 0) {
    const next = plan.script.shift();
    if (next) stats.faults++;
    return next ?? undefined;
  }
  const random = plan.random ?? Math.random;
  if (plan.rate && random() < plan.rate) {
    const kinds = plan.kinds && plan.kinds.length > 0 ? plan.kinds : (['throttle', 'unavailable'] as const);
    stats.faults++;
    return kinds[Math.floor(random() * kinds.length)] ?? kinds[0];
  }
  return undefined;
}

/** A deterministic random source for repeatable fault runs (mulberry32). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
