import { RevisionValidatedCache } from '../../../src/adapters/storage/revision-validated-cache';

describe('RevisionValidatedCache', () => {
  it('serves a value only under the stamp it was stored with', () => {
    const cache = new RevisionValidatedCache<{ n: number }>({ maxEntries: 10, ttlMs: 1_000, now: () => 0 });
    cache.set('k', 'stamp-1', { n: 1 });
    expect(cache.get('k', 'stamp-1')).toEqual({ n: 1 });
    expect(cache.get('k', 'stamp-2')).toBeUndefined();
    // A mismatch drops the entry: the old stamp never comes back into use.
    expect(cache.get('k', 'stamp-1')).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it('spreads lifetimes over (1 - jitter) × ttl .. ttl, so entries filled together expire apart', () => {
    let now = 0;
    const cache = new RevisionValidatedCache<number>({ maxEntries: 1_000, ttlMs: 1_000, ttlJitter: 0.25, now: () => now });
    for (let i = 0; i < 500; i++) cache.set(`k${i}`, 's', i);
    const alive = (at: number) => {
      now = at;
      let n = 0;
      for (let i = 0; i < 500; i++) if (cache.get(`k${i}`, 's') !== undefined) n++;
      return n;
    };
    expect(alive(749)).toBe(500);
    const midway = alive(875);
    expect(midway).toBeGreaterThan(100);
    expect(midway).toBeLessThan(400);
    expect(alive(1_000)).toBe(0);
  });

  it('keeps at most maxEntries, evicting the least recently used', () => {
    const cache = new RevisionValidatedCache<number>({ maxEntries: 2, ttlMs: 1_000, now: () => 0 });
    cache.set('a', 's', 1);
    cache.set('b', 's', 2);
    cache.get('a', 's');
    cache.set('c', 's', 3);
    expect(cache.size).toBe(2);
    expect(cache.get('b', 's')).toBeUndefined();
    expect(cache.get('a', 's')).toBe(1);
    expect(cache.get('c', 's')).toBe(3);
  });

  it('refuses nonsensical options', () => {
    expect(() => new RevisionValidatedCache({ maxEntries: 0, ttlMs: 1 })).toThrow('maxEntries');
    expect(() => new RevisionValidatedCache({ maxEntries: 1, ttlMs: 0 })).toThrow('ttlMs');
    expect(() => new RevisionValidatedCache({ maxEntries: 1, ttlMs: 1, ttlJitter: 2 })).toThrow('ttlJitter');
  });
});

describe('what readers get', () => {
  it('is one frozen copy: a reader cannot change what the next one is served, and the writer’s object stays its own', () => {
    const cache = new RevisionValidatedCache<{ items: { title: string }[] }>({ maxEntries: 2, ttlMs: 60_000 });
    const original = { items: [{ title: 'a' }] };
    cache.set('p', 's1', original);
    original.items[0]!.title = 'changed by the writer';
    const first = cache.get('p', 's1')!;
    expect(first.items[0]!.title).toBe('a');
    expect(() => {
      first.items[0]!.title = 'changed by a reader';
    }).toThrow(/read.only/);
    expect(() => first.items.push({ title: 'b' })).toThrow(/not extensible/);
    expect(cache.get('p', 's1')).toBe(first);
    expect(cache.get('p', 's1')!.items).toEqual([{ title: 'a' }]);
  });
});
