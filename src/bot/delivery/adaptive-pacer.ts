/**
 * Paces sends to the Bot Connector across one process: additive increase while sends succeed,
 * halving on each 429 (AIMD), so a worker settles just under whatever rate Teams allows instead of
 * hammering it. Per-message retries still go back through the queue.
 */
export class AdaptivePacer {
  private rate: number;
  private nextSlot = 0;
  private lastCut = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly options: { initialPerSecond: number; minPerSecond: number; maxPerSecond: number; increasePerSuccess: number },
    private readonly clock: () => number = () => performance.now(),
  ) {
    this.rate = options.initialPerSecond;
  }

  get perSecond(): number {
    return this.rate;
  }

  /** Waits for this caller's slot. */
  async acquire(): Promise<void> {
    const now = this.clock();
    const slot = Math.max(now, this.nextSlot);
    this.nextSlot = slot + 1000 / this.rate;
    const wait = slot - now;
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
  }

  succeeded(): void {
    this.rate = Math.min(this.options.maxPerSecond, this.rate + this.options.increasePerSuccess);
  }

  /**
   * Halves the rate at most once a second: the sends already in flight when the first 429 came back
   * answer 429 too, and each of them halving again would collapse the rate far below the limit.
   */
  throttled(): void {
    const now = this.clock();
    if (now - this.lastCut < 1000) return;
    this.lastCut = now;
    this.rate = Math.max(this.options.minPerSecond, this.rate / 2);
    // Let the window that refused us drain before the next attempt.
    this.nextSlot = Math.max(this.nextSlot, this.clock() + 1000 / this.rate);
  }
}

/** Exponential backoff with full jitter (as Teams recommends for 429), capped; honours Retry-After when given. */
export function retryDelayMs(attempt: number, retryAfterMs: number | undefined, random: () => number = Math.random): number {
  if (retryAfterMs !== undefined) return retryAfterMs;
  const ceiling = Math.min(5 * 60_000, 1000 * 2 ** Math.max(0, attempt - 1));
  return Math.max(250, Math.round(ceiling * (0.5 + random() / 2)));
}

/** One pacer per key (tenant), created on first use with the same options. */
export function pacerPerKey(options: ConstructorParameters<typeof AdaptivePacer>[0]): (key: string) => AdaptivePacer {
  const pacers = new Map<string, AdaptivePacer>();
  return (key) => {
    let pacer = pacers.get(key);
    if (!pacer) {
      pacer = new AdaptivePacer(options);
      pacers.set(key, pacer);
    }
    return pacer;
  };
}
