import type { Instant, Interval } from './interval';

/**
 * Availability as plain interval arithmetic. Every function takes sorted, non-overlapping arrays
 * (what `normalizeIntervals` returns) unless it says otherwise, returns a new array in the same form,
 * and never mutates its inputs.
 */

/** Any intervals (unsorted, overlapping, empty) → sorted, merged (touching ones joined), no empties. */
export function normalizeIntervals(intervals: readonly Interval[]): Interval[] {
  let sorted = true;
  for (let i = 1; i < intervals.length; i++) {
    if (intervals[i]!.start < intervals[i - 1]!.start) {
      sorted = false;
      break;
    }
  }
  const input = sorted ? intervals : [...intervals].sort((a, b) => a.start - b.start);
  const out: Interval[] = [];
  let curStart = 0;
  let curEnd = 0;
  let open = false;
  for (const { start, end } of input) {
    if (end <= start) continue;
    if (open && start <= curEnd) {
      if (end > curEnd) curEnd = end;
    } else {
      if (open) out.push({ start: curStart, end: curEnd });
      curStart = start;
      curEnd = end;
      open = true;
    }
  }
  if (open) out.push({ start: curStart, end: curEnd });
  return out;
}

/** Union of normalized arrays. */
export function unionIntervals(...arrays: readonly (readonly Interval[])[]): Interval[] {
  return normalizeIntervals(arrays.flat());
}

/** The time covered by both `a` and `b`. */
export function intersectIntervals(a: readonly Interval[], b: readonly Interval[]): Interval[] {
  const out: Interval[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!;
    const y = b[j]!;
    const start = x.start > y.start ? x.start : y.start;
    const end = x.end < y.end ? x.end : y.end;
    if (start < end) out.push({ start, end });
    if (x.end < y.end) i++;
    else j++;
  }
  return out;
}

/** The time in `a` not covered by `b`. */
export function subtractIntervals(a: readonly Interval[], b: readonly Interval[]): Interval[] {
  const out: Interval[] = [];
  let j = 0;
  for (const x of a) {
    let start = x.start;
    while (j < b.length && b[j]!.end <= start) j++;
    let k = j;
    while (k < b.length && b[k]!.start < x.end) {
      const y = b[k]!;
      if (y.start > start) out.push({ start, end: y.start });
      if (y.end > start) start = y.end;
      k++;
    }
    if (start < x.end) out.push({ start, end: x.end });
  }
  return out;
}

/** `a` cut to [from, to). */
export function clipIntervals(a: readonly Interval[], from: Instant, to: Instant): Interval[] {
  const out: Interval[] = [];
  for (const x of a) {
    if (x.end <= from) continue;
    if (x.start >= to) break;
    out.push({ start: x.start < from ? from : x.start, end: x.end > to ? to : x.end });
  }
  return out;
}

/** Each interval grown by `before` and `after` (any order accepted), merged. */
export function widenIntervals(a: readonly Interval[], before: number, after: number): Interval[] {
  if (before === 0 && after === 0) return normalizeIntervals(a);
  return normalizeIntervals(a.map((x) => ({ start: x.start - before, end: x.end + after })));
}

/** Only the intervals at least `length` long. */
export function keepAtLeast(a: readonly Interval[], length: number): Interval[] {
  return a.filter((x) => x.end - x.start >= length);
}

export function longestInterval(a: readonly Interval[]): number {
  let longest = 0;
  for (const x of a) if (x.end - x.start > longest) longest = x.end - x.start;
  return longest;
}

export function overlaps(a: Interval, b: Interval): boolean {
  return a.start < b.end && b.start < a.end;
}
