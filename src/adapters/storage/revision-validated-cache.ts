/**
 * A per-process cache of values read from storage, each kept under the revision stamp that was
 * current when it was read. A reader presents the stamp it has just read from storage; an entry
 * whose stamp differs is never served, so freshness comes from storage, not from expiry. The TTL
 * is only a safety net for a write that could not touch the stamp (see the relationship repository),
 * and the size bound keeps memory flat however many partitions a process sees.
 *
 * A value is copied once when it is stored and then deeply frozen, and every reader gets that same
 * frozen value: nobody can change what the next caller is served (a write to it throws), and a read
 * costs no copy — copying a grown relationship (1,000 action items) took ~5 ms, more CPU than the
 * rest of the read at 300 req/s. The domain's types are readonly, so no caller needs to write to it.
 */

export interface RevisionValidatedCacheOptions {
  /** Most entries kept; the least recently used one goes first. */
  readonly maxEntries: number;
  /** An entry older than this is not served even under the current stamp. */
  readonly ttlMs: number;
  /**
   * Each entry lives a random span between (1 - ttlJitter) × ttlMs and ttlMs, so entries filled
   * together (a process warming up) do not all expire and refetch together. 0 to 1; default 0.
   */
  readonly ttlJitter?: number;
  /** Milliseconds since the epoch; injected by tests that age entries. */
  readonly now?: () => number;
}

export interface Entry<T> {
  readonly stamp: string;
  readonly value: T;
  readonly expiresAt: number;
}

export class RevisionValidatedCache<T> {
  private readonly entries = new Map<string, Entry<T>>();
  private readonly now: () => number;

  constructor(private readonly options: RevisionValidatedCacheOptions) {
    if (!Number.isInteger(options.maxEntries) || options.maxEntries < 1) throw new Error('maxEntries must be a positive integer');
    if (!(options.ttlMs > 0)) throw new Error('ttlMs must be positive');
    const jitter = options.ttlJitter ?? 0;
    if (!(jitter >= 0 && jitter <= 1)) throw new Error('ttlJitter must be between 0 and 1');
    this.now = options.now ?? Date.now;
  }

  get size(): number {
    return this.entries.size;
  }

  /** The value kept under exactly this stamp, if it is still young enough. */
  get(key: string, stamp: string): T | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.stamp !== stamp || this.now() >= entry.expiresAt) {
      this.entries.delete(key);
      return undefined;
    }
    // Map keeps insertion order: re-inserting makes this the most recently used entry.
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.value;
  }

  /**
   * The entry for `key` with the stamp it was kept under, if it is still young enough, whatever the
   * current stamp is: for a writer that guards its write on that stamp (the write only lands if the
   * stamp is still current) and then carries the value forward with `setDerived`.
   */
  peek(key: string): Entry<T> | undefined {
    const entry = this.entries.get(key);
    if (!entry || this.now() >= entry.expiresAt) return undefined;
    return entry;
  }

  set(key: string, stamp: string, value: T): void {
    this.keep(key, stamp, deepFreeze(structuredClone(value)));
  }

  /**
   * Keeps a value built from one this cache served (whose parts are already frozen) plus parts the
   * caller has just made and holds no other reference to: only the new parts are frozen, nothing is
   * copied, so carrying a grown aggregate forward past one write costs the write, not the aggregate.
   * It expires when the entry it was derived from would have: only a read from storage starts a new
   * lifetime, so the TTL still bounds how long anything not re-read from storage is served.
   */
  setDerived(key: string, from: Entry<T>, stamp: string, value: T): void {
    this.keep(key, stamp, deepFreeze(value), from.expiresAt);
  }

  private keep(key: string, stamp: string, value: T, expiresAt?: number): void {
    this.entries.delete(key);
    const lifetime = this.options.ttlMs * (1 - (this.options.ttlJitter ?? 0) * Math.random());
    this.entries.set(key, { stamp, value, expiresAt: expiresAt ?? this.now() + lifetime });
    while (this.entries.size > this.options.maxEntries) {
      const oldest = this.entries.keys().next();
      if (oldest.done) break;
      this.entries.delete(oldest.value);
    }
  }

  delete(key: string): void {
    this.entries.delete(key);
  }
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value as Record<string, unknown>)) deepFreeze(child);
  }
  return value;
}
