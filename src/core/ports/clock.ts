import type { Instant } from '../time/interval';

/** Hosts pass `now` into the core; only hosts and adapters hold a clock. */
export interface Clock {
  now(): Instant;
}
