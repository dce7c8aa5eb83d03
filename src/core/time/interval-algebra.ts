import type { Instant, Interval } from './interval';

/**
 * Availability as plain interval arithmetic. Every function takes sorted, non-overlapping arrays
 * (what `normalizeIntervals` returns) unless it says otherwise, returns a new array in the same form,
 * and never mutates its inputs.
 */

/** Any intervals (unsorted, overlapping, empty) → sorted, merged (touching ones joined), no empties. */
export function normalizeIntervals(intervals: readonly Interval[]): Interval[] {
  for (let i = 1; i < intervals.length; i++) {
    if (intervals[i]!.start < intervals[i - 1]!.start) return sweepUnion(intervals, 0, 0);
  }
  const out: Interval[] = [];
  let curStart = 0;
  let curEnd = 0;
  let open = false;
  for (const { start, end } of intervals) {
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

/**
 * The union of unsorted intervals, each grown by `before`/`after`. A union depends only on the sets of
 * starts and ends, so they are sorted separately as plain numbers (a typed-array sort, far cheaper
 * than sorting objects) and swept: covered wherever more intervals have started than ended.
 */
function sweepUnion(intervals: readonly Interval[], before: number, after: number): Interval[] {
  let n = 0;
  const starts = new Float64Array(intervals.length);
  const ends = new Float64Array(intervals.length);
  for (const x of intervals) {
    if (x.end <= x.start) continue;
    starts[n] = x.start - before;
    ends[n] = x.end + after;
    n++;
  }
  const s = starts.subarray(0, n).sort();
  const e = ends.subarray(0, n).sort();
  const out: Interval[] = [];
  let i = 0;
  let j = 0;
  let depth = 0;
  let curStart = 0;
  while (j < n) {
    // A start at the same instant as an end is taken first, so touching intervals join.
    if (i < n && s[i]! <= e[j]!) {
      if (depth === 0) curStart = s[i]!;
      depth++;
      i++;
    } else {
      depth--;
      if (depth === 0) out.push({ start: curStart, end: e[j]! });
      j++;
    }
  }
  return out;
}

/** Union of normalized arrays (a linear merge, no sort). */
export function unionIntervals(...arrays: readonly (readonly Interval[])[]): Interval[] {
  let result: readonly Interval[] = [];
  for (const next of arrays) {
    if (next.length === 0) continue;
    result = result.length === 0 ? next : mergeTwo(result, next);
  }
  return arrays.includes(result) ? [...result] : (result as Interval[]);
}

function mergeTwo(a: readonly Interval[], b: readonly Interval[]): Interval[] {
  const out: Interval[] = [];
  let i = 0;
  let j = 0;
  let curStart = 0;
  let curEnd = 0;
  let open = false;
  while (i < a.length || j < b.length) {
    const x = j >= b.length || (i < a.length && a[i]!.start <= b[j]!.start) ? a[i++]! : b[j++]!;
    if (open && x.start <= curEnd) {
      if (x.end > curEnd) curEnd = x.end;
    } else {
      if (open) out.push({ start: curStart, end: curEnd });
      curStart = x.start;
      curEnd = x.end;
      open = true;
    }
  }
  if (open) out.push({ start: curStart, end: curEnd });
  return out;
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

/** `a` cut to [from, to); finds the first overlapping interval by binary search. */
export function clipIntervals(a: readonly Interval[], from: Instant, to: Instant): Interval[] {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (a[mid]!.end <= from) lo = mid + 1;
    else hi = mid;
  }
  const out: Interval[] = [];
  for (let i = lo; i < a.length; i++) {
    const x = a[i]!;
    if (x.start >= to) break;
    out.push({ start: x.start < from ? from : x.start, end: x.end > to ? to : x.end });
  }
  return out;
}

/** Each non-empty interval grown by `before` and `after` (any order accepted), merged. */
export function widenIntervals(a: readonly Interval[], before: number, after: number): Interval[] {
  if (before === 0 && after === 0) return normalizeIntervals(a);
  for (let i = 1; i < a.length; i++) {
    if (a[i]!.start < a[i - 1]!.start) return sweepUnion(a, before, after);
  }
  // Calendars usually list events in order: then one pass merges them.
  const out: Interval[] = [];
  let curStart = 0;
  let curEnd = 0;
  let open = false;
  for (const x of a) {
    if (x.end <= x.start) continue;
    const start = x.start - before;
    const end = x.end + after;
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
