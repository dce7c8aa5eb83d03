import { TableClient } from '@azure/data-tables';
import { z } from 'zod';
import { storageFromConnectionString } from '../../../src/adapters/storage/storage-connection';
import { TableDocumentStore } from '../../../src/adapters/storage/table-document-store';
import { entityLimitBreach, entitySizeBytes, MAX_ENTITY_BYTES } from '../../../src/adapters/storage/entity-limits';
import { escapeKeyPart, key, unescapeKeyPart } from '../../../src/adapters/storage/table-keys';
import { testStorageConnectionString, uniqueTableName } from '../../support/azurite';

const Goal = z.object({ title: z.string(), progress: z.number() });

async function openStore(): Promise<TableDocumentStore> {
  return TableDocumentStore.open(storageFromConnectionString(testStorageConnectionString()), uniqueTableName('docs'));
}

describe('TableDocumentStore on Azurite', () => {
  it('inserts, reads back with an ETag, and replaces with that ETag', async () => {
    const store = await openStore();
    const inserted = await store.insert('p', 'goal|1', 'goal', { title: 'Learn Power BI', progress: 0 });
    expect(inserted.ok).toBe(true);
    const read = await store.get('p', 'goal|1', Goal);
    if (!read.ok || !read.value) throw new Error('expected the goal');
    expect(read.value.value).toEqual({ title: 'Learn Power BI', progress: 0 });
    const replaced = await store.replace('p', 'goal|1', 'goal', { title: 'Learn Power BI', progress: 50 }, read.value.etag);
    expect(replaced.ok).toBe(true);
    const again = await store.get('p', 'goal|1', Goal);
    expect(again.ok && again.value?.value.progress).toBe(50);
  });

  it('answers a stale write with STORAGE.CONFLICT and keeps the newer value', async () => {
    const store = await openStore();
    await store.insert('p', 'g', 'goal', { title: 'a', progress: 0 });
    const first = await store.get('p', 'g', Goal);
    if (!first.ok || !first.value) throw new Error('expected the goal');
    const winner = await store.replace('p', 'g', 'goal', { title: 'a', progress: 10 }, first.value.etag);
    expect(winner.ok).toBe(true);
    const loser = await store.replace('p', 'g', 'goal', { title: 'a', progress: 20 }, first.value.etag);
    expect(loser).toMatchObject({ ok: false, error: { code: 'STORAGE.CONFLICT' } });
    const stored = await store.get('p', 'g', Goal);
    expect(stored.ok && stored.value?.value.progress).toBe(10);
  });

  it('treats a made-up ETag as a conflict, not a crash', async () => {
    const store = await openStore();
    await store.insert('p', 'g', 'goal', { title: 'a', progress: 0 });
    const result = await store.replace('p', 'g', 'goal', { title: 'a', progress: 1 }, 'not-an-etag');
    expect(result).toMatchObject({ ok: false, error: { code: 'STORAGE.CONFLICT' } });
  });

  it('answers a second insert of the same row with STORAGE.ALREADY_EXISTS', async () => {
    const store = await openStore();
    await store.insert('p', 'g', 'goal', { title: 'a', progress: 0 });
    const again = await store.insert('p', 'g', 'goal', { title: 'b', progress: 0 });
    expect(again).toMatchObject({ ok: false, error: { code: 'STORAGE.ALREADY_EXISTS' } });
  });

  it('reports a corrupt row as STORAGE.CORRUPT_ROW naming the row, instead of crashing', async () => {
    const tableName = uniqueTableName('corrupt');
    const store = await TableDocumentStore.open(storageFromConnectionString(testStorageConnectionString()), tableName);
    const raw = TableClient.fromConnectionString(testStorageConnectionString(), tableName, { allowInsecureConnection: true });
    await raw.createEntity({ partitionKey: 'p', rowKey: 'bad-json', kind: 'goal', chunks: 1, d0: '{not json' });
    await raw.createEntity({ partitionKey: 'p', rowKey: 'bad-shape', kind: 'goal', chunks: 1, d0: '{"title":3}' });
    await raw.createEntity({ partitionKey: 'p', rowKey: 'no-chunks', kind: 'goal' });
    for (const rowKey of ['bad-json', 'bad-shape', 'no-chunks']) {
      const result = await store.get('p', rowKey, Goal);
      expect(result).toMatchObject({ ok: false, error: { code: 'STORAGE.CORRUPT_ROW', details: { rowKey } } });
    }
  });

  it('splits a large document over several properties and reads it back whole', async () => {
    const store = await openStore();
    const title = 'x'.repeat(100_000);
    await store.insert('p', 'big', 'goal', { title, progress: 1 });
    const read = await store.get('p', 'big', Goal);
    expect(read.ok && read.value?.value.title.length).toBe(100_000);
  });

  it('refuses a document too large for one row with a value, not an exception', async () => {
    const store = await openStore();
    const result = await store.insert('p', 'huge', 'goal', { title: 'x'.repeat(700_000), progress: 1 });
    expect(result).toMatchObject({ ok: false, error: { code: 'STORAGE.DOCUMENT_TOO_LARGE', details: { limit: 'entity' } } });
  });

  describe('at Table Storage’s entity limit (1 MiB, counted as the service counts it)', () => {
    /** The entity a document of `n` title characters becomes, as the store writes it. */
    const sizeWith = (rowKey: string, n: number) => {
      const json = JSON.stringify({ title: 'x'.repeat(n), progress: 1 });
      const chunks = Math.ceil(json.length / 32_000);
      const row: Record<string, unknown> & { partitionKey: string; rowKey: string } = { partitionKey: 'p', rowKey, kind: 'goal', chunks };
      for (let i = 0; i < chunks; i++) row[`d${i}`] = json.slice(i * 32_000, (i + 1) * 32_000);
      return entitySizeBytes(row);
    };
    /** The longest title whose entity still fits. */
    function largestFitting(rowKey: string): number {
      let lo = 0;
      let hi = MAX_ENTITY_BYTES;
      while (lo < hi) {
        const mid = Math.ceil((lo + hi) / 2);
        if (sizeWith(rowKey, mid) <= MAX_ENTITY_BYTES) lo = mid;
        else hi = mid - 1;
      }
      return lo;
    }

    it('stores a document whose entity is exactly at the limit and reads it back whole', async () => {
      const store = await openStore();
      const n = largestFitting('edge');
      expect(sizeWith('edge', n)).toBeGreaterThan(MAX_ENTITY_BYTES - 80);
      expect(await store.insert('p', 'edge', 'goal', { title: 'x'.repeat(n), progress: 1 })).toMatchObject({ ok: true });
      const read = await store.get('p', 'edge', Goal);
      expect(read.ok && read.value?.value.title.length).toBe(n);
    });

    it('refuses one character more with STORAGE.DOCUMENT_TOO_LARGE, before the service is asked, for insert, replace and a transaction', async () => {
      const store = await openStore();
      const n = largestFitting('edge') + 1;
      const tooLarge = { title: 'x'.repeat(n), progress: 1 };
      const inserted = await store.insert('p', 'edge', 'goal', tooLarge);
      expect(inserted).toMatchObject({ ok: false, error: { code: 'STORAGE.DOCUMENT_TOO_LARGE', details: { limit: 'entity', bytes: MAX_ENTITY_BYTES + 2 } } });
      if (!inserted.ok) expect(inserted.error.message).toMatch(/too large to save \(about 1025 KiB; one stored item holds at most 1024 KiB\)/);
      await store.insert('p', 'edge', 'goal', { title: 'small', progress: 0 });
      const current = await store.get('p', 'edge', Goal);
      if (!current.ok || !current.value) throw new Error('expected the row');
      expect(await store.replace('p', 'edge', 'goal', tooLarge, current.value.etag)).toMatchObject({ ok: false, error: { code: 'STORAGE.DOCUMENT_TOO_LARGE' } });
      expect(
        await store.transact('p', [{ type: 'replace', rowKey: 'edge', kind: 'goal', value: tooLarge, etag: current.value.etag }], 'goal'),
      ).toMatchObject({ ok: false, error: { code: 'STORAGE.DOCUMENT_TOO_LARGE' } });
      const after = await store.get('p', 'edge', Goal);
      expect(after.ok && after.value?.value).toEqual({ title: 'small', progress: 0 });
    });

    it('counts a string property against its own 64 KiB and an entity against 252 properties of ours', () => {
      expect(entityLimitBreach({ partitionKey: 'p', rowKey: 'r', d0: 'x'.repeat(32_768) })).toBeUndefined();
      expect(entityLimitBreach({ partitionKey: 'p', rowKey: 'r', d0: 'x'.repeat(32_769) })).toEqual({ limit: 'string-property', property: 'd0', bytes: 65_538 });
      const many = (count: number) => Object.fromEntries(Array.from({ length: count }, (_, i) => [`p${i}`, 'v']));
      expect(entityLimitBreach({ partitionKey: 'p', rowKey: 'r', ...many(252) })).toBeUndefined();
      expect(entityLimitBreach({ partitionKey: 'p', rowKey: 'r', ...many(253) })).toEqual({ limit: 'properties', count: 253 });
    });
  });

  it('lists a partition by row-key prefix and a mixed partition by kind', async () => {
    const store = await openStore();
    await store.insert('rel', 'goal|1', 'goal', { title: 'a', progress: 0 });
    await store.insert('rel', 'goal|2', 'goal', { title: 'b', progress: 0 });
    await store.insert('rel', 'goals', 'note', { text: 'not a goal' });
    await store.insert('other', 'goal|3', 'goal', { title: 'c', progress: 0 });
    const goals = await store.list('rel', Goal, 'goal|');
    expect(goals.ok && goals.value.map((g) => g.value.title)).toEqual(['a', 'b']);
    const mixed = await store.listMixed('rel', { goal: Goal, note: z.object({ text: z.string() }) });
    expect(mixed.ok && mixed.value.map((r) => r.rowKey)).toEqual(['goals', 'goal|1', 'goal|2']);
  });

  it('commits a transaction whole or not at all', async () => {
    const store = await openStore();
    await store.insert('rel', 'relationship', 'goal', { title: 'r', progress: 0 });
    const current = await store.get('rel', 'relationship', Goal);
    if (!current.ok || !current.value) throw new Error('expected the row');
    const committed = await store.transact('rel', [
      { type: 'replace', rowKey: 'relationship', kind: 'goal', value: { title: 'r', progress: 1 }, etag: current.value.etag },
      { type: 'insert', rowKey: 'goal|1', kind: 'goal', value: { title: 'g', progress: 0 } },
    ], 'relationship');
    expect(committed.ok && [...committed.value.keys()].sort()).toEqual(['goal|1', 'relationship']);
    const stale = await store.transact('rel', [
      { type: 'replace', rowKey: 'relationship', kind: 'goal', value: { title: 'r', progress: 2 }, etag: current.value.etag },
      { type: 'insert', rowKey: 'goal|2', kind: 'goal', value: { title: 'g2', progress: 0 } },
    ], 'relationship');
    expect(stale).toMatchObject({ ok: false, error: { code: 'STORAGE.CONFLICT' } });
    const goal2 = await store.get('rel', 'goal|2', Goal);
    expect(goal2).toEqual({ ok: true, value: undefined });
  });

  it('escapes ids from URLs so that any string is a valid key part, reversibly', async () => {
    const nasty = "a/b\\c#d?e|f'g\u0001ż😀~";
    expect(escapeKeyPart(nasty)).toMatch(/^[A-Za-z0-9._@~-]+$/);
    expect(unescapeKeyPart(escapeKeyPart(nasty))).toBe(nasty);
    const store = await openStore();
    const pk = key('t', nasty);
    await store.insert(pk, key(nasty), 'goal', { title: 'odd', progress: 0 });
    const read = await store.get(pk, key(nasty), Goal);
    expect(read.ok && read.value?.value.title).toBe('odd');
  });
});

describe('ids too long for a key', () => {
  it('are simply not found on reads and refused with a code on writes, never sent to the service', async () => {
    const store = await openStore();
    const long = key('t', '😀'.repeat(100));
    expect(long.length).toBeGreaterThan(1024);
    expect(await store.get(long, 'r', Goal)).toEqual({ ok: true, value: undefined });
    expect(await store.list(long, Goal)).toEqual({ ok: true, value: [] });
    expect(await store.insert(long, 'r', 'goal', { title: 'a', progress: 0 })).toMatchObject({ ok: false, error: { code: 'STORAGE.ID_TOO_LONG' } });
    expect(await store.replace('p', long, 'goal', { title: 'a', progress: 0 }, 'W/"x"')).toMatchObject({ ok: false, error: { code: 'STORAGE.NOT_FOUND' } });
  });
});
