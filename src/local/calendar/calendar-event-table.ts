/**
 * Events of the local calendar in Azurite (Table Storage), one partition per mailbox:
 *   event-{id}       the organizer's event (Graph JSON, split over properties when long)
 *   txn-{id}         transactionId → event id, written in the same transaction as the event, so a
 *                    retried create can never make a second event
 *   attends-{id}     the event's time in each attendee's partition, so their free/busy includes it
 */
import { TableClient, TableTransaction, RestError, type TableEntity } from '@azure/data-tables';
import { z } from 'zod';

const PART = 30_000;

export interface StoredEvent {
  readonly mailbox: string;
  readonly id: string;
  /** Graph event JSON as the local calendar serves it. */
  readonly doc: Record<string, unknown>;
  readonly start: number;
  readonly end: number;
  readonly isCancelled: boolean;
}

export interface Attendance {
  readonly mailbox: string;
  readonly eventId: string;
  readonly organizer: string;
  readonly subject: string;
  readonly start: number;
  readonly end: number;
  readonly isCancelled: boolean;
  readonly response: string;
}

const rowSchema = z.looseObject({
  partitionKey: z.string(),
  rowKey: z.string(),
  kind: z.enum(['event', 'txn', 'attends']),
  startMs: z.number().optional(),
  endMs: z.number().optional(),
  isCancelled: z.boolean().optional(),
  parts: z.number().int().optional(),
  eventId: z.string().optional(),
  organizer: z.string().optional(),
  subject: z.string().optional(),
  response: z.string().optional(),
});

/** Row keys may not contain / \ # ? ; mailbox ids and event ids are made safe the same way everywhere. */
const key = (s: string) => encodeURIComponent(s.toLowerCase()).replace(/%/g, '_');
const eventKey = (s: string) => encodeURIComponent(s).replace(/%/g, '_');

function splitDoc(doc: Record<string, unknown>): Record<string, string | number> {
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

  constructor(private readonly table: TableClient) {}

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
    return { partitionKey: key(e.mailbox), rowKey: `event-${eventKey(e.id)}`, kind: 'event', startMs: e.start, endMs: e.end, isCancelled: e.isCancelled, ...splitDoc(e.doc) };
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
    return { mailbox, id: String(doc.id), doc, start: row.startMs!, end: row.endMs!, isCancelled: row.isCancelled ?? false };
  }

  async replace(e: StoredEvent): Promise<void> {
    await this.ensure();
    await this.table.upsertEntity(this.eventEntity(e), 'Replace');
  }

  async remove(mailbox: string, id: string): Promise<void> {
    await this.ensure();
    await this.table.deleteEntity(key(mailbox), `event-${eventKey(id)}`);
  }

  async putAttendance(a: Attendance): Promise<void> {
    await this.ensure();
    await this.table.upsertEntity(
      {
        partitionKey: key(a.mailbox),
        rowKey: `attends-${eventKey(a.eventId)}`,
        kind: 'attends',
        eventId: a.eventId,
        organizer: a.organizer,
        subject: a.subject,
        startMs: a.start,
        endMs: a.end,
        isCancelled: a.isCancelled,
        response: a.response,
      },
      'Replace',
    );
  }

  /** The mailbox's own events and the events it attends that overlap [start, end). */
  async overlapping(mailbox: string, start: number, end: number): Promise<{ events: StoredEvent[]; attends: Attendance[] }> {
    await this.ensure();
    const events: StoredEvent[] = [];
    const attends: Attendance[] = [];
    const rows = this.table.listEntities({
      queryOptions: { filter: `PartitionKey eq '${key(mailbox)}' and (kind eq 'event' or kind eq 'attends') and startMs lt ${end} and endMs gt ${start}` },
    });
    for await (const raw of rows) {
      const row = rowSchema.parse(raw);
      if (row.kind === 'event') events.push(this.toEvent(mailbox, row));
      else
        attends.push({
          mailbox,
          eventId: row.eventId!,
          organizer: row.organizer!,
          subject: row.subject ?? '',
          start: row.startMs!,
          end: row.endMs!,
          isCancelled: row.isCancelled ?? false,
          response: row.response ?? 'none',
        });
    }
    return { events, attends };
  }

  /** Every event the mailbox organizes (for list endpoints and tests), oldest first. */
  async list(mailbox: string): Promise<StoredEvent[]> {
    await this.ensure();
    const events: StoredEvent[] = [];
    for await (const raw of this.table.listEntities({ queryOptions: { filter: `PartitionKey eq '${key(mailbox)}' and kind eq 'event'` } })) {
      events.push(this.toEvent(mailbox, rowSchema.parse(raw)));
    }
    return events.sort((a, b) => a.start - b.start);
  }
}
