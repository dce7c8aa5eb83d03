/**
 * The subscription records on Table Storage (Azurite): one row per mailbox with the subscription's
 * own clientState, and an index row per subscription id written in the same transaction, so the
 * webhook checks a notification with point reads; a row kept before per-subscription secrets reads
 * with an empty secret (it validates nothing) until the next run replaces it.
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { TableSubscriptionRecords } from '../../../src/api/booking-services';
import { storageFromConnectionString } from '../../../src/adapters/storage/storage-connection';
import { TableDocumentStore } from '../../../src/adapters/storage/table-document-store';
import { testStorageConnectionString, uniqueTableName } from '../../support/azurite';

let store: TableDocumentStore;
let records: TableSubscriptionRecords;
beforeAll(async () => {
  store = await TableDocumentStore.open(storageFromConnectionString(testStorageConnectionString()), uniqueTableName('subs'));
  records = new TableSubscriptionRecords(store);
});

const T = randomUUID();
const sub = (id: string, mailboxId: string, clientState = `state-of-${id}`) => ({ subscriptionId: id, mailboxId, expiresAt: 1_800_000_000_000, clientState });

it('creates a mailbox’s first record once, finds it by subscription id, and only within its tenant', async () => {
  expect(await records.create(T, sub('s1', 'm1'))).toEqual({ ok: true, value: undefined });
  const second = await records.create(T, sub('s2', 'm1'));
  expect(!second.ok && second.error.code).toBe('STORAGE.ALREADY_EXISTS');
  expect(await records.find(T, 's1')).toEqual({ ok: true, value: sub('s1', 'm1') });
  expect(await records.find(T, 's2')).toEqual({ ok: true, value: undefined });
  expect(await records.find(randomUUID(), 's1')).toEqual({ ok: true, value: undefined });
  expect(await records.get(T, 'm1')).toEqual({ ok: true, value: sub('s1', 'm1') });
  expect(await records.list(T)).toEqual({ ok: true, value: [sub('s1', 'm1')] });
});

it('a replacing save moves the index to the new subscription; remove clears both rows', async () => {
  expect((await records.create(T, sub('a1', 'm2'))).ok).toBe(true);
  expect((await records.save(T, sub('a2', 'm2'))).ok).toBe(true);
  expect(await records.find(T, 'a1')).toEqual({ ok: true, value: undefined });
  expect(await records.find(T, 'a2')).toEqual({ ok: true, value: sub('a2', 'm2') });
  expect((await records.remove(T, 'm2')).ok).toBe(true);
  expect(await records.find(T, 'a2')).toEqual({ ok: true, value: undefined });
  expect(await records.get(T, 'm2')).toEqual({ ok: true, value: undefined });
  const indexRows = await store.list('calendar-subscriptions', z.unknown(), `id|${T}|a`);
  expect(indexRows.ok && indexRows.value).toEqual([]);
});

it('a row from before per-subscription secrets reads with an empty secret and is replaced in place', async () => {
  expect((await store.upsert('calendar-subscriptions', `${T}|m3`, 'calendarSubscription', { tenantId: T, subscriptionId: 'old', mailboxId: 'm3', expiresAt: 1_800_000_000_000 })).ok).toBe(true);
  expect(await records.get(T, 'm3')).toEqual({ ok: true, value: { subscriptionId: 'old', mailboxId: 'm3', expiresAt: 1_800_000_000_000, clientState: '' } });
  // It has no index row, so a notification naming it finds nothing.
  expect(await records.find(T, 'old')).toEqual({ ok: true, value: undefined });
  expect((await records.save(T, sub('new', 'm3'))).ok).toBe(true);
  expect(await records.find(T, 'new')).toEqual({ ok: true, value: sub('new', 'm3') });
});
