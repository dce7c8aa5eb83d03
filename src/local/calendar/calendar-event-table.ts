/**
 * The local calendar's mailboxes in Azurite (Table Storage), one partition per mailbox:
 *   event-{id}        an event in the mailbox: the organizer's own, or an attendee's copy of it (Graph
 *                     JSON, split over properties when long); copies point at the organizer's event
 *   txn-{id}          transactionId → event id, written in the same transaction as the event, so a
 *                     retried create can never make a second event
 *   removed-{id}      a deleted event's tombstone, so a delta query can report `@removed`
 *   mailboxSettings   what PATCH /mailboxSettings stored
 * Every event and tombstone carries `seq`, the mailbox-independent change sequence delta tokens use.
 */
import { TableClient, TableTransaction, RestError, type TableEntity } from '@azure/data-tables';
import { z } from 'zod';
import type { StoredMailboxSettings } from './mailbox-settings';

const PART = 30_000;

export interface EventLink {
  readonly mailbox: string;
  readonly id: string;
}

export interface StoredEvent {
  readonly mailbox: string;
  readonly id: string;
  /** Graph event JSON as the local calendar serves it. */
  readonly doc: Record<string, unknown>;
  readonly start: number;
  readonly end: number;
  readonly isCancelled: boolean;
  /** On an attendee's copy: the organizer's event it copies. */
  readonly copyOf?: EventLink;
  /** On an organizer's event: the attendees' copies. */
  readonly copies?: readonly EventLink[];
  /** When it last changed (the change sequence). */
  readonly seq?: number;
}

export interface Tombstone {
  readonly mailbox: string;
  readonly id: string;
  readonly start: number;
  readonly end: number;
  readonly seq: number;
}

const rowSchema = z.looseObject({
  partitionKey: z.string(),
  rowKey: z.string(),
  kind: z.enum(['event', 'txn', 'removed', 'settings']),
  startMs: z.number().optional(),
  endMs: z.number().optional(),
  isCancelled: z.boolean().optional(),
  parts: z.number().int().optional(),
  eventId: z.string().optional(),
  copyOfMailbox: z.string().optional(),
  copyOfId: z.string().optional(),
  copies: z.string().optional(),
  seq: z.number().optional(),
});
const linksSchema = z.array(z.object({ mailbox: z.string(), id: z.string() }));

/** Row keys may not contain / \ # ? ; mailbox ids and event ids are made safe the same way everywhere. */
const key = (s: string) => encodeURIComponent(s.toLowerCase()).replace(/%/g, '_');
const eventKey = (s: string) => encodeURIComponent(s).replace(/%/g, '_');

function splitDoc(doc: unknown): Record<string, string | number> {
  const text = JSON.stringify(doc);
  const props: Record<string, string | number> = { parts: Math.max(1, Math.ceil(text.length / PART)) };
  for (let i = 0; i * PART < text.length || i === 0; i++) props[`doc${i}`] = text.slice(i * PART, (i + 1) * PART);
  return props;
}

function joinDoc(row: Record<string, unknown>, parts: number): Record<string, unknown> {
  let text = '';
  for (let i = 0; i < parts; i++) text += String(row[`doc${i}`] ?? '');
  return JSON.parse(text) as Record<string, unknown>;
}

export class CalendarEventTable {
  private ready: Promise<void> | undefined;
  private lastSeq = 0;

  constructor(
    private readonly table: TableClient,
    private readonly now: () => number = Date.now,
  ) {}

  /** Strictly increasing, and after any sequence stored before a restart (it follows the clock). */
  nextSeq(): number {
    this.lastSeq = Math.max(this.lastSeq + 1, this.now() * 1000);
    return this.lastSeq;
  }

  private ensure(): Promise<void> {
    this.ready ??= this.table.createTable().then(
      () => undefined,
      (error: unknown) => {
        this.ready = undefined;
        throw error;
      },
    );
    return this.ready;
  }

  private eventEntity(e: StoredEvent): TableEntity {
    return {
      partitionKey: key(e.mailbox),
      rowKey: `event-${eventKey(e.id)}`,
      kind: 'event',
      startMs: e.start,
      endMs: e.end,
      isCancelled: e.isCancelled,
      seq: e.seq ?? this.nextSeq(),
      ...(e.copyOf ? { copyOfMailbox: e.copyOf.mailbox, copyOfId: e.copyOf.id } : {}),
      ...(e.copies ? { copies: JSON.stringify(e.copies) } : {}),
      ...splitDoc(e.doc),
    };
  }

  /**
   * Creates the event unless the mailbox already has one with this transactionId; either way
   * returns the event that now stands for it.
   */
  async create(e: StoredEvent, transactionId: string | undefined): Promise<{ event: StoredEvent; created: boolean }> {
    await this.ensure();
    if (!transactionId) {
      await this.table.createEntity(this.eventEntity(e));
      return { event: e, created: true };
    }
    const tx = new TableTransaction();
    tx.createEntity({ partitionKey: key(e.mailbox), rowKey: `txn-${eventKey(transactionId)}`, kind: 'txn', eventId: e.id });
    tx.createEntity(this.eventEntity(e));
    try {
      await this.table.submitTransaction(tx.actions);
      return { event: e, created: true };
    } catch (error) {
      if (!(error instanceof RestError) || error.statusCode !== 409) throw error;
      const txn = rowSchema.parse(await this.table.getEntity(key(e.mailbox), `txn-${eventKey(transactionId)}`));
      const existing = await this.get(e.mailbox, txn.eventId!);
      if (!existing) throw new Error(`transaction ${transactionId} points at a missing event`);
      return { event: existing, created: false };
    }
  }

  async get(mailbox: string, id: string): Promise<StoredEvent | undefined> {
    await this.ensure();
    try {
      const row = rowSchema.parse(await this.table.getEntity(key(mailbox), `event-${eventKey(id)}`));
      return this.toEvent(mailbox, row);
    } catch (error) {
      if (error instanceof RestError && error.statusCode === 404) return undefined;
      throw error;
    }
  }

  private toEvent(mailbox: string, row: z.infer<typeof rowSchema>): StoredEvent {
    const doc = joinDoc(row, row.parts ?? 1);
    return {
      mailbox,
      id: String(doc.id),
      doc,
      start: row.startMs!,
      end: row.endMs!,
      isCancelled: row.isCancelled ?? false,
      ...(row.seq !== undefined ? { seq: row.seq } : {}),
      ...(row.copyOfMailbox && row.copyOfId ? { copyOf: { mailbox: row.copyOfMailbox, id: row.copyOfId } } : {}),
      ...(row.copies ? { copies: linksSchema.parse(JSON.parse(row.copies)) } : {}),
    };
  }

  /** Writes the event as it now is, with a new change sequence. */
  async replace(e: StoredEvent): Promise<StoredEvent> {
    await this.ensure();
    const updated: StoredEvent = { ...e, seq: this.nextSeq() };
    await this.table.upsertEntity(this.eventEntity(updated), 'Replace');
    return updated;
  }

  /** Deletes the event and leaves a tombstone for delta queries. */
  async remove(e: StoredEvent): Promise<void> {
    await this.ensure();
    const tx = new TableTransaction();
    tx.deleteEntity(key(e.mailbox), `event-${eventKey(e.id)}`);
    tx.upsertEntity({ partitionKey: key(e.mailbox), rowKey: `removed-${eventKey(e.id)}`, kind: 'removed', eventId: e.id, startMs: e.start, endMs: e.end, seq: this.nextSeq() }, 'Replace');
    await this.table.submitTransaction(tx.actions);
  }

  /** The mailbox's events (own and copies) that overlap [start, end). */
  async overlapping(mailbox: string, start: number, end: number): Promise<StoredEvent[]> {
    await this.ensure();
    const events: StoredEvent[] = [];
    const rows = this.table.listEntities({ queryOptions: { filter: `PartitionKey eq '${key(mailbox)}' and kind eq 'event' and startMs lt ${end} and endMs gt ${start}` } });
    for await (const raw of rows) events.push(this.toEvent(mailbox, rowSchema.parse(raw)));
    return events.sort((a, b) => a.start - b.start || a.id.localeCompare(b.id));
  }

  /** For free/busy: the mailbox's events overlapping [start, end) and its stored settings, in one query. */
  async schedule(mailbox: string, start: number, end: number): Promise<{ events: StoredEvent[]; settings: StoredMailboxSettings }> {
    await this.ensure();
    const events: StoredEvent[] = [];
    let settings: StoredMailboxSettings = {};
    const rows = this.table.listEntities({
      queryOptions: { filter: `PartitionKey eq '${key(mailbox)}' and ((kind eq 'event' and startMs lt ${end} and endMs gt ${start}) or kind eq 'settings')` },
    });
    for await (const raw of rows) {
      const row = rowSchema.parse(raw);
      if (row.kind === 'settings') settings = joinDoc(row, row.parts ?? 1) as StoredMailboxSettings;
      else events.push(this.toEvent(mailbox, row));
    }
    return { events: events.sort((a, b) => a.start - b.start), settings };
  }

  /** Events and tombstones of the mailbox that changed after `afterSeq` (for delta queries). */
  async changedSince(mailbox: string, afterSeq: number): Promise<{ events: StoredEvent[]; removed: Tombstone[] }> {
    await this.ensure();
    const events: StoredEvent[] = [];
    const removed: Tombstone[] = [];
    const rows = this.table.listEntities({ queryOptions: { filter: `PartitionKey eq '${key(mailbox)}' and (kind eq 'event' or kind eq 'removed') and seq gt ${afterSeq}` } });
    for await (const raw of rows) {
      const row = rowSchema.parse(raw);
      if (row.kind === 'event') events.push(this.toEvent(mailbox, row));
      else removed.push({ mailbox, id: row.eventId!, start: row.startMs!, end: row.endMs!, seq: row.seq ?? 0 });
    }
    return { events, removed };
  }

  /** Every event in the mailbox (own and copies), oldest first. */
  async list(mailbox: string): Promise<StoredEvent[]> {
    await this.ensure();
    const events: StoredEvent[] = [];
    for await (const raw of this.table.listEntities({ queryOptions: { filter: `PartitionKey eq '${key(mailbox)}' and kind eq 'event'` } })) {
      events.push(this.toEvent(mailbox, rowSchema.parse(raw)));
    }
    return events.sort((a, b) => a.start - b.start || a.id.localeCompare(b.id));
  }

  /** What PATCH /mailboxSettings stored for the mailbox ({} before any update). */
  async settings(mailbox: string): Promise<StoredMailboxSettings> {
    await this.ensure();
    try {
      const row = rowSchema.parse(await this.table.getEntity(key(mailbox), 'mailboxSettings'));
      return joinDoc(row, row.parts ?? 1) as StoredMailboxSettings;
    } catch (error) {
      if (error instanceof RestError && error.statusCode === 404) return {};
      throw error;
    }
  }

  async saveSettings(mailbox: string, settings: StoredMailboxSettings): Promise<void> {
    await this.ensure();
    await this.table.upsertEntity({ partitionKey: key(mailbox), rowKey: 'mailboxSettings', kind: 'settings', ...splitDoc(settings) }, 'Replace');
  }
}
