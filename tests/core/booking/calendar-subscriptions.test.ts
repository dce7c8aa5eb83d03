/**
 * Keeping Graph subscriptions and handling what notifications say, as pure use cases over a fake
 * subscription port (the Graph adapter has its own HTTP tests against recorded JSON).
 */
import { DELTA_ROUND_MAX_AGE, DELTA_WINDOW_BACK, handleCalendarChanges, keepCalendarSubscriptions, readOutlookChanges, RENEW_WHEN_LEFT, SUBSCRIPTION_LIFETIME, SUBSCRIPTION_MAX_MINUTES, watchMailbox } from '../../../src/core/booking';
import type { CalendarChangeFeed, CalendarDelta, CalendarSubscription, CalendarSubscriptionPort, CalendarSubscriptionRecords, DeltaCursor, DeltaCursorRecords } from '../../../src/core/ports/calendar-subscriptions';
import { fail, ok, type Result } from '../../../src/core/result';
import { HOUR, MINUTE } from '../../../src/core/time/interval';
import { InMemoryRepositories } from '../../fakes/in-memory-repositories';

const NOW = Date.UTC(2026, 10, 23, 9);
const T = 'tenant-a';

class FakeGraph implements CalendarSubscriptionPort {
  calls: string[] = [];
  dropped = new Set<string>();
  private n = 0;
  async subscribe(mailboxId: string, expiresAt: number): Promise<Result<CalendarSubscription>> {
    this.calls.push(`subscribe ${mailboxId}`);
    const n = ++this.n;
    return ok({ subscriptionId: `sub-${n}`, mailboxId, expiresAt, clientState: `state-${n}` });
  }
  async renew(s: CalendarSubscription, expiresAt: number): Promise<Result<CalendarSubscription>> {
    this.calls.push(`renew ${s.subscriptionId}`);
    return this.dropped.has(s.subscriptionId) ? fail('GRAPH.NOT_FOUND', 'gone') : ok({ ...s, expiresAt });
  }
  async remove(id: string): Promise<Result<void>> {
    this.calls.push(`remove ${id}`);
    return ok(undefined);
  }
}

class Records implements CalendarSubscriptionRecords {
  rows = new Map<string, CalendarSubscription>();
  async list(): Promise<Result<CalendarSubscription[]>> {
    return ok([...this.rows.values()]);
  }
  async get(_t: string, mailboxId: string): Promise<Result<CalendarSubscription | undefined>> {
    return ok(this.rows.get(mailboxId));
  }
  async find(_t: string, subscriptionId: string): Promise<Result<CalendarSubscription | undefined>> {
    return ok([...this.rows.values()].find((r) => r.subscriptionId === subscriptionId));
  }
  async create(_t: string, s: CalendarSubscription): Promise<Result<void>> {
    if (this.rows.has(s.mailboxId)) return fail('STORAGE.ALREADY_EXISTS', 'taken');
    this.rows.set(s.mailboxId, s);
    return ok(undefined);
  }
  async save(_t: string, s: CalendarSubscription): Promise<Result<void>> {
    this.rows.set(s.mailboxId, s);
    return ok(undefined);
  }
  async remove(_t: string, mailboxId: string): Promise<Result<void>> {
    this.rows.delete(mailboxId);
    return ok(undefined);
  }
}

function world() {
  const graph = new FakeGraph();
  const records = new Records();
  return { graph, records, deps: { repos: new InMemoryRepositories(), subscriptions: graph, records } };
}

it('asks for less than Graph’s 4,230 minutes and renews a day before expiry', () => {
  expect(SUBSCRIPTION_LIFETIME).toBeLessThan(SUBSCRIPTION_MAX_MINUTES * MINUTE);
  expect(SUBSCRIPTION_LIFETIME).toBeGreaterThan(3 * RENEW_WHEN_LEFT / 2);
});

it('subscribes each watched mailbox once, keeps fresh ones, renews those near expiry, removes the unwatched', async () => {
  const { graph, records, deps } = world();
  const first = await keepCalendarSubscriptions(deps, { tenantId: T, mailboxIds: ['m1', 'm2'] }, NOW);
  expect(first).toEqual({ ok: true, value: { created: ['m1', 'm2'], renewed: [], removed: [], kept: [], failed: [] } });
  expect(records.rows.get('m1')!.expiresAt).toBe(NOW + SUBSCRIPTION_LIFETIME);
  const later = NOW + SUBSCRIPTION_LIFETIME - RENEW_WHEN_LEFT + HOUR;
  const second = await keepCalendarSubscriptions(deps, { tenantId: T, mailboxIds: ['m1'] }, later);
  expect(second.ok && second.value).toEqual({ created: [], renewed: ['m1'], removed: ['m2'], kept: [], failed: [] });
  expect(records.rows.get('m1')!.expiresAt).toBe(later + SUBSCRIPTION_LIFETIME);
  // Each subscription has its own secret, and a renewal keeps it.
  expect(records.rows.get('m1')!.clientState).toBe('state-1');
  const third = await keepCalendarSubscriptions(deps, { tenantId: T, mailboxIds: ['m1'] }, later + HOUR);
  expect(third.ok && third.value.kept).toEqual(['m1']);
  expect(graph.calls).toEqual(['subscribe m1', 'subscribe m2', 'renew sub-1', 'remove sub-2']);
});

it('subscribes again when Graph dropped the subscription or it already lapsed', async () => {
  const { graph, records, deps } = world();
  await keepCalendarSubscriptions(deps, { tenantId: T, mailboxIds: ['m1', 'm2'] }, NOW);
  graph.dropped.add('sub-1');
  const nearExpiry = NOW + SUBSCRIPTION_LIFETIME - HOUR;
  await keepCalendarSubscriptions(deps, { tenantId: T, mailboxIds: ['m1'] }, nearExpiry);
  expect(records.rows.get('m1')!.subscriptionId).toBe('sub-3');
  const lapsed = NOW + 2 * SUBSCRIPTION_LIFETIME;
  await keepCalendarSubscriptions(deps, { tenantId: T, mailboxIds: ['m1'] }, lapsed);
  expect(graph.calls.slice(-1)).toEqual(['subscribe m1']);
});

it('a change or `missed` asks for a sync of the mailbox; lifecycle events renew or resubscribe; strangers are ignored', async () => {
  const { graph, records, deps } = world();
  await keepCalendarSubscriptions(deps, { tenantId: T, mailboxIds: ['m1', 'm2', 'm3'] }, NOW);
  graph.calls = [];
  const handled = await handleCalendarChanges(
    deps,
    T,
    [
      { kind: 'changed', tenantId: T, subscriptionId: 'sub-1', mailboxId: 'M1' },
      { kind: 'changed', tenantId: T, subscriptionId: 'sub-1', mailboxId: 'm1' },
      { kind: 'missed', tenantId: T, subscriptionId: 'sub-2' },
      { kind: 'reauthorizationRequired', tenantId: T, subscriptionId: 'sub-3' },
      { kind: 'changed', tenantId: T, subscriptionId: 'sub-1', mailboxId: 'someone-else' },
      { kind: 'changed', tenantId: T, subscriptionId: 'not-ours', mailboxId: 'm1' },
    ],
    NOW + HOUR,
  );
  expect(handled).toEqual({ ok: true, value: { syncMailboxes: ['m1', 'm2'], renewed: ['m3'], resubscribed: [], ignored: 2, failed: [] } });
  expect(records.rows.get('m3')!.expiresAt).toBe(NOW + HOUR + SUBSCRIPTION_LIFETIME);
  const removed = await handleCalendarChanges(deps, T, [{ kind: 'subscriptionRemoved', tenantId: T, subscriptionId: 'sub-2' }], NOW + 2 * HOUR);
  expect(removed.ok && removed.value).toEqual({ syncMailboxes: ['m2'], renewed: [], resubscribed: ['m2'], ignored: 0, failed: [] });
  expect(graph.calls).toEqual(['renew sub-3', 'subscribe m2']);
});

describe('watchMailbox (at booking time)', () => {
  it('subscribes a first booking’s mailbox at once; a retried booking keeps it and makes no second subscription', async () => {
    const { graph, records, deps } = world();
    expect(await watchMailbox(deps, { tenantId: T, mailboxId: 'm1' }, NOW)).toEqual({ ok: true, value: 'created' });
    expect(records.rows.get('m1')).toEqual({ subscriptionId: 'sub-1', mailboxId: 'm1', expiresAt: NOW + SUBSCRIPTION_LIFETIME, clientState: 'state-1' });
    expect(await watchMailbox(deps, { tenantId: T, mailboxId: 'm1' }, NOW + HOUR)).toEqual({ ok: true, value: 'kept' });
    expect(graph.calls).toEqual(['subscribe m1']);
    // The timer then finds it and keeps it too.
    const timer = await keepCalendarSubscriptions(deps, { tenantId: T, mailboxIds: ['m1'] }, NOW + 2 * HOUR);
    expect(timer.ok && timer.value.kept).toEqual(['m1']);
    expect(graph.calls).toEqual(['subscribe m1']);
  });

  it('two bookings at once leave one subscription: the one that recorded second removes its own from Graph', async () => {
    const { graph, records, deps } = world();
    const both = await Promise.all([watchMailbox(deps, { tenantId: T, mailboxId: 'm1' }, NOW), watchMailbox(deps, { tenantId: T, mailboxId: 'm1' }, NOW)]);
    expect(both.map((r) => r.ok && r.value).sort()).toEqual(['created', 'kept']);
    expect(graph.calls).toEqual(['subscribe m1', 'subscribe m1', 'remove sub-2']);
    expect(records.rows.get('m1')!.subscriptionId).toBe('sub-1');
  });

  it('renews one near expiry; replaces a record kept before per-subscription secrets and removes its subscription', async () => {
    const { graph, records, deps } = world();
    await watchMailbox(deps, { tenantId: T, mailboxId: 'm1' }, NOW);
    const nearExpiry = NOW + SUBSCRIPTION_LIFETIME - HOUR;
    expect(await watchMailbox(deps, { tenantId: T, mailboxId: 'm1' }, nearExpiry)).toEqual({ ok: true, value: 'renewed' });
    expect(records.rows.get('m1')).toMatchObject({ subscriptionId: 'sub-1', clientState: 'state-1', expiresAt: nearExpiry + SUBSCRIPTION_LIFETIME });
    records.rows.set('m2', { subscriptionId: 'legacy', mailboxId: 'm2', expiresAt: NOW + 2 * SUBSCRIPTION_LIFETIME, clientState: '' });
    expect(await watchMailbox(deps, { tenantId: T, mailboxId: 'm2' }, NOW)).toEqual({ ok: true, value: 'created' });
    expect(records.rows.get('m2')).toMatchObject({ subscriptionId: 'sub-2', clientState: 'state-2' });
    expect(graph.calls).toEqual(['subscribe m1', 'renew sub-1', 'subscribe m2', 'remove legacy']);
  });
});

describe('readOutlookChanges (the delta safety net)', () => {
  class FakeFeed implements CalendarChangeFeed {
    reads: (string | undefined)[] = [];
    next: { changed: string[]; removed: string[] } = { changed: [], removed: [] };
    expired = new Set<string>();
    private n = 0;
    async readChanges(_mailboxId: string, cursor: string | undefined): Promise<Result<CalendarDelta>> {
      this.reads.push(cursor);
      if (cursor && this.expired.has(cursor)) return fail('GRAPH.NOT_FOUND', 'sync state gone');
      const page = cursor ? this.next : { changed: ['e1', 'e2'], removed: [] };
      this.next = { changed: [], removed: [] };
      return ok({ ...page, cursor: `cursor-${++this.n}` });
    }
  }
  class Cursors implements DeltaCursorRecords {
    rows = new Map<string, DeltaCursor>();
    async list(): Promise<Result<DeltaCursor[]>> {
      return ok([...this.rows.values()]);
    }
    async save(_t: string, c: DeltaCursor): Promise<Result<void>> {
      this.rows.set(c.mailboxId, c);
      return ok(undefined);
    }
  }

  it('syncs a mailbox on its first round and when something changed, not when nothing did; restarts old or lost rounds', async () => {
    const feed = new FakeFeed();
    const cursors = new Cursors();
    const deps = { feed, cursors };
    const read = (now: number) => readOutlookChanges(deps, { tenantId: T, mailboxIds: ['m1'] }, now);
    expect(await read(NOW)).toEqual({ ok: true, value: { changedMailboxes: ['m1'], failed: [] } });
    expect(await read(NOW + HOUR)).toEqual({ ok: true, value: { changedMailboxes: [], failed: [] } });
    feed.next = { changed: [], removed: ['e2'] };
    expect(await read(NOW + 2 * HOUR)).toEqual({ ok: true, value: { changedMailboxes: ['m1'], failed: [] } });
    expect(feed.reads).toEqual([undefined, 'cursor-1', 'cursor-2']);
    // Graph lost the round: a new one starts at once.
    feed.expired.add('cursor-3');
    expect((await read(NOW + 3 * HOUR)).ok).toBe(true);
    expect(feed.reads.slice(-2)).toEqual(['cursor-3', undefined]);
    // A week on, the window moves: a new round over a new window.
    await read(NOW + DELTA_ROUND_MAX_AGE + 4 * HOUR);
    expect(feed.reads.at(-1)).toBeUndefined();
    expect(cursors.rows.get('m1')!.windowStart).toBe(NOW + DELTA_ROUND_MAX_AGE + 4 * HOUR - DELTA_WINDOW_BACK);
  });
});
