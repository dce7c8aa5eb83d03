/**
 * JSON batching ($batch): at most 20 requests per batch, at most 4 batches in flight per mailbox,
 * and inner 429/503/504 answers retried after their Retry-After. The client's RetryHandler only sees
 * the outer response (which is 200 even when every inner request was throttled), so inner retries
 * are ours.
 */
import type { Client } from '@microsoft/microsoft-graph-client';
import { batchResponseSchema } from './graph-schemas';
import { fromThrown, graphInvalidResponse, RETRYABLE_STATUSES, type GraphFailure } from './graph-errors';

export interface SubRequest {
  readonly method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  /** Relative to the version root, e.g. "/users/{id}/calendar/events". */
  readonly url: string;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: unknown;
  /** The mailbox the request touches, for the per-mailbox concurrency limit. */
  readonly mailbox: string;
}

export interface SubResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: unknown;
}

export type SubOutcome = { readonly ok: true; readonly response: SubResponse } | GraphFailure;

export interface BatchOptions {
  readonly maxRequestsPerBatch?: number;
  readonly maxBatchesPerMailbox?: number;
  readonly maxBatchesInFlight?: number;
  /** Attempts per inner request, the first included. */
  readonly maxAttempts?: number;
  /** Used when an inner 429/503/504 has no Retry-After. */
  readonly fallbackRetrySeconds?: number;
  /** Injected so tests can observe the waits instead of sleeping. */
  readonly sleep?: (ms: number) => Promise<void>;
}

const defaultSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

function retryAfterSeconds(headers: Readonly<Record<string, string>> | undefined): number | undefined {
  if (!headers) return undefined;
  const entry = Object.entries(headers).find(([name]) => name.toLowerCase() === 'retry-after');
  if (!entry) return undefined;
  const seconds = Number(entry[1]);
  return Number.isFinite(seconds) && seconds >= 0 ? seconds : undefined;
}

interface Pending {
  readonly index: number;
  readonly request: SubRequest;
}

export class GraphBatchRunner {
  private readonly maxPerBatch: number;
  private readonly maxPerMailbox: number;
  private readonly maxInFlight: number;
  private readonly maxAttempts: number;
  private readonly fallbackRetrySeconds: number;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(
    private readonly client: Client,
    options: BatchOptions = {},
  ) {
    this.maxPerBatch = Math.min(options.maxRequestsPerBatch ?? 20, 20);
    this.maxPerMailbox = options.maxBatchesPerMailbox ?? 4;
    this.maxInFlight = options.maxBatchesInFlight ?? 8;
    this.maxAttempts = options.maxAttempts ?? 6;
    this.fallbackRetrySeconds = options.fallbackRetrySeconds ?? 2;
    this.sleep = options.sleep ?? defaultSleep;
  }

  /** Runs every request; the outcomes are in input order. */
  async run(requests: readonly SubRequest[], operation: string): Promise<SubOutcome[]> {
    const outcomes: (SubOutcome | undefined)[] = new Array(requests.length);
    let pending: Pending[] = requests.map((request, index) => ({ index, request }));
    for (let attempt = 1; pending.length > 0; attempt++) {
      const retry: Pending[] = [];
      let waitSeconds = 0;
      const chunks = this.chunk(pending);
      await this.runLimited(chunks, async (chunk) => {
        const answers = await this.send(chunk, operation);
        chunk.forEach((item, i) => {
          const answer = answers[i]!;
          if (answer.ok && RETRYABLE_STATUSES.has(answer.response.status) && attempt < this.maxAttempts) {
            retry.push(item);
            waitSeconds = Math.max(waitSeconds, retryAfterSeconds(answer.response.headers) ?? this.fallbackRetrySeconds * attempt);
          } else {
            outcomes[item.index] = answer;
          }
        });
      });
      if (retry.length > 0) await this.sleep(waitSeconds * 1000);
      pending = retry.sort((a, b) => a.index - b.index);
    }
    return outcomes.map((o) => o!);
  }

  /** Groups requests of the same mailbox together so a batch touches as few mailboxes as possible. */
  private chunk(pending: readonly Pending[]): Pending[][] {
    const byMailbox = new Map<string, Pending[]>();
    for (const item of pending) {
      const list = byMailbox.get(item.request.mailbox) ?? [];
      list.push(item);
      byMailbox.set(item.request.mailbox, list);
    }
    const ordered = [...byMailbox.values()].flat();
    const chunks: Pending[][] = [];
    for (let i = 0; i < ordered.length; i += this.maxPerBatch) chunks.push(ordered.slice(i, i + this.maxPerBatch));
    return chunks;
  }

  private async runLimited(chunks: readonly Pending[][], work: (chunk: Pending[]) => Promise<void>): Promise<void> {
    const waiting = chunks.map((chunk) => ({ chunk, mailboxes: [...new Set(chunk.map((c) => c.request.mailbox))] }));
    const perMailbox = new Map<string, number>();
    const inFlight = new Set<Promise<void>>();
    while (waiting.length > 0 || inFlight.size > 0) {
      for (let i = 0; i < waiting.length && inFlight.size < this.maxInFlight; ) {
        const next = waiting[i]!;
        if (next.mailboxes.every((m) => (perMailbox.get(m) ?? 0) < this.maxPerMailbox)) {
          waiting.splice(i, 1);
          for (const m of next.mailboxes) perMailbox.set(m, (perMailbox.get(m) ?? 0) + 1);
          const running: Promise<void> = work(next.chunk).finally(() => {
            for (const m of next.mailboxes) perMailbox.set(m, perMailbox.get(m)! - 1);
            inFlight.delete(running);
          });
          inFlight.add(running);
        } else {
          i++;
        }
      }
      if (inFlight.size > 0) await Promise.race(inFlight);
    }
  }

  private async send(chunk: readonly Pending[], operation: string): Promise<SubOutcome[]> {
    const requests = chunk.map(({ index, request }) => {
      const headers = { ...(request.body !== undefined ? { 'Content-Type': 'application/json' } : {}), ...request.headers };
      return {
        id: String(index + 1),
        method: request.method,
        url: request.url,
        ...(Object.keys(headers).length > 0 ? { headers } : {}),
        ...(request.body !== undefined ? { body: request.body } : {}),
      };
    });
    let raw: unknown;
    try {
      raw = await this.client.api('/$batch').post({ requests });
    } catch (cause) {
      const failure = fromThrown(cause, operation);
      return chunk.map(() => failure);
    }
    const parsed = batchResponseSchema.safeParse(raw);
    if (!parsed.success) {
      const failure = graphInvalidResponse(operation, parsed.error.issues[0]?.message ?? 'batch response');
      return chunk.map(() => failure);
    }
    const byId = new Map(parsed.data.responses.map((r) => [r.id, r]));
    return chunk.map(({ index }) => {
      const response = byId.get(String(index + 1));
      if (!response) return graphInvalidResponse(operation, `batch response has no answer for request ${index + 1}`);
      return { ok: true as const, response: { status: response.status, headers: response.headers ?? {}, body: response.body } };
    });
  }
}
