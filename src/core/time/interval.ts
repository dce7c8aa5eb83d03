/** Instants are UTC epoch milliseconds inside the core; ISO strings live at the edges (contracts). */
export type Instant = number;

/** Half-open interval [start, end) in epoch milliseconds. */
export interface Interval {
  readonly start: Instant;
  readonly end: Instant;
}

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
