import fc from 'fast-check';
import type { Interval } from '../../../src/core/time/interval';
import {
  clipIntervals,
  intersectIntervals,
  keepAtLeast,
  normalizeIntervals,
  subtractIntervals,
  unionIntervals,
  widenIntervals,
} from '../../../src/core/time/interval-algebra';

const iv = (start: number, end: number): Interval => ({ start, end });

/** The plain model: the set of covered unit cells. */
const cells = (a: readonly Interval[]): Set<number> => {
  const s = new Set<number>();
  for (const x of a) for (let t = x.start; t < x.end; t++) s.add(t);
  return s;
};
const fromCells = (s: Set<number>): Interval[] => {
  const sorted = [...s].sort((a, b) => a - b);
  const out: Interval[] = [];
  for (const t of sorted) {
    const last = out[out.length - 1];
    if (last && last.end === t) out[out.length - 1] = iv(last.start, t + 1);
    else out.push(iv(t, t + 1));
  }
  return out;
};

const rawArb = fc.array(fc.tuple(fc.integer({ min: 0, max: 200 }), fc.integer({ min: -5, max: 40 })).map(([s, l]) => iv(s, s + l)), { maxLength: 20 });
const normArb = rawArb.map(normalizeIntervals);

describe('interval algebra', () => {
  it.each([
    ['merges overlapping and touching, drops empty', [iv(5, 7), iv(0, 2), iv(2, 3), iv(6, 9), iv(4, 4)], [iv(0, 3), iv(5, 9)]],
    ['keeps gaps', [iv(0, 1), iv(2, 3)], [iv(0, 1), iv(2, 3)]],
  ])('normalize %s', (_n, input, expected) => {
    expect(normalizeIntervals(input)).toEqual(expected);
  });

  it('intersects, subtracts and clips (table)', () => {
    const a = [iv(0, 10), iv(20, 30)];
    const b = [iv(5, 25)];
    expect(intersectIntervals(a, b)).toEqual([iv(5, 10), iv(20, 25)]);
    expect(subtractIntervals(a, b)).toEqual([iv(0, 5), iv(25, 30)]);
    expect(clipIntervals(a, 8, 22)).toEqual([iv(8, 10), iv(20, 22)]);
    expect(widenIntervals([iv(10, 12), iv(14, 16)], 1, 1)).toEqual([iv(9, 17)]);
    expect(keepAtLeast(a, 11)).toEqual([]);
  });

  it('matches the cell model and never mutates its inputs', () => {
    fc.assert(
      fc.property(rawArb, normArb, normArb, fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 5 }), (raw, a, b, before, after) => {
        const frozen = JSON.stringify([raw, a, b]);
        expect(normalizeIntervals(raw)).toEqual(fromCells(cells(raw)));
        expect(unionIntervals(a, b)).toEqual(fromCells(new Set([...cells(a), ...cells(b)])));
        expect(intersectIntervals(a, b)).toEqual(fromCells(new Set([...cells(a)].filter((t) => cells(b).has(t)))));
        // Subtraction keeps pieces split where b touched; compare the covered cells.
        expect(cells(subtractIntervals(a, b))).toEqual(new Set([...cells(a)].filter((t) => !cells(b).has(t))));
        expect(widenIntervals(raw, before, after)).toEqual(
          fromCells(cells(raw.filter((x) => x.end > x.start).map((x) => iv(x.start - before, x.end + after)))),
        );
        const sorted = [...raw].sort((x, y) => x.start - y.start);
        expect(widenIntervals(sorted, before, after)).toEqual(widenIntervals(raw, before, after));
        expect(cells(clipIntervals(a, 50, 120))).toEqual(new Set([...cells(a)].filter((t) => t >= 50 && t < 120)));
        expect(JSON.stringify([raw, a, b])).toBe(frozen);
      }),
      { numRuns: 300, seed: 5 },
    );
  });
});
