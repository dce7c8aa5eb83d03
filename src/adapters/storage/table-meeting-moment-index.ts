/**
 * A cross-tenant index of the moments when the bot has something to plan for a meeting, so one timer
 * can find them without scanning every tenant's partitions:
 *
 *   ended     the meeting's end                      check-ins
 *   nudge     its end + NUDGE_AFTER                  one nudge for a missing check-in
 *   reminder  its start - REMINDER_LEAD              reminders of open items due before it
 *
 * Its own table beside the data table (`{data table}meetingmoments`):
 *
 *   PartitionKey  due|{yyyyMMddHH}                                 the UTC hour of the moment
 *   RowKey        {tenant}|{relationship}|{meeting}|{kind}|{anchor}  escaped as in table-keys.ts
 *   cursor row    planned-moments                                  how far the timer has looked
 *
 * `anchor` is the meeting's end (ended, nudge) or start (reminder) when the row was written, so a
 * moved meeting gets new rows at its new moments and the reader recognises the old ones as stale
 * (the meeting's current end or start differs). Rows hold ids and instants only, nothing a person
 * wrote, and are insert-only apart from being marked handled: re-saving a meeting for another reason
 * never makes a moment due again.
 */
import { RestError, TableClient } from '@azure/data-tables';
import { NUDGE_AFTER, REMINDER_LEAD } from '../../core/delivery/select-proactive-messages';
import { escapeKeyPart, unescapeKeyPart } from './table-keys';

const HOUR = 3_600_000;
const CURSOR_PARTITION = 'cursor';
/** Table Storage's limit on the operations of one entity-group transaction. */
const MAX_TRANSACTION_OPERATIONS = 100;

/** Beside the data table it indexes (`mentoring` → `mentoringmeetingmoments`), so each store has its own. */
export const meetingMomentTableFor = (dataTableName: string): string => `${dataTableName.slice(0, 48)}meetingmoments`;

export type MeetingMomentKind = 'ended' | 'nudge' | 'reminder';
const KINDS: readonly MeetingMomentKind[] = ['ended', 'nudge', 'reminder'];

export interface MeetingMoment {
  readonly tenantId: string;
  readonly relationshipId: string;
  readonly meetingId: string;
  readonly kind: MeetingMomentKind;
  /** The meeting's end (ended, nudge) or start (reminder) the moment was computed from. */
  readonly anchor: number;
  readonly dueAt: number;
  /** Where the row lives, for `markHandled`. */
  readonly partitionKey: string;
  readonly rowKey: string;
}

/** What the meetings repository decorator writes to (the moment index, and beside it the join URL index). */
export interface MeetingMomentRecorder {
  record(tenantId: string, relationshipId: string, meeting: { readonly id: string; readonly start: number; readonly end: number; readonly joinUrl?: string }): Promise<void>;
}

const isStatus = (error: unknown, status: number): boolean => error instanceof RestError && error.statusCode === status;

export function hourBucketOf(instant: number): string {
  const d = new Date(Math.floor(instant / HOUR) * HOUR);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `due|${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}${pad(d.getUTCHours())}`;
}

/** The moments of one meeting as it is stored now. */
export function momentsOf(meeting: { readonly start: number; readonly end: number }): readonly { kind: MeetingMomentKind; anchor: number; dueAt: number }[] {
  return [
    { kind: 'ended', anchor: meeting.end, dueAt: meeting.end },
    { kind: 'nudge', anchor: meeting.end, dueAt: meeting.end + NUDGE_AFTER },
    { kind: 'reminder', anchor: meeting.start, dueAt: meeting.start - REMINDER_LEAD },
  ];
}

export class TableMeetingMomentIndex implements MeetingMomentRecorder {
  private constructor(private readonly table: TableClient) {}

  static async open(table: TableClient): Promise<TableMeetingMomentIndex> {
    try {
      await table.createTable();
    } catch (error) {
      if (!isStatus(error, 409)) throw error;
    }
    return new TableMeetingMomentIndex(table);
  }

  async record(tenantId: string, relationshipId: string, meeting: { readonly id: string; readonly start: number; readonly end: number }): Promise<void> {
    await Promise.all(
      momentsOf(meeting).map(async ({ kind, anchor, dueAt }) => {
        const rowKey = [tenantId, relationshipId, meeting.id, kind, String(anchor)].map(escapeKeyPart).join('|');
        try {
          await this.table.createEntity({ partitionKey: hourBucketOf(dueAt), rowKey, dueAt, handled: false });
        } catch (error) {
          // Already indexed with this very anchor: the row (and whether it was handled) stays as it is.
          if (!isStatus(error, 409)) throw error;
        }
      }),
    );
  }

  /** Rows not yet handled that fall due in (from, to], oldest hour first. */
  async unhandledDueBetween(from: number, to: number): Promise<MeetingMoment[]> {
    const moments: MeetingMoment[] = [];
    for (let hour = Math.floor(from / HOUR) * HOUR; hour <= to; hour += HOUR) {
      const rows = this.table.listEntities<{ dueAt: number }>({
        queryOptions: { filter: `PartitionKey eq '${hourBucketOf(hour)}' and handled eq false` },
      });
      for await (const row of rows) {
        const dueAt = Number(row.dueAt);
        if (!(dueAt > from && dueAt <= to)) continue;
        const parts = row.rowKey!.split('|').map(unescapeKeyPart);
        const [tenantId, relationshipId, meetingId, kind, anchor] = parts;
        if (parts.length !== 5 || !KINDS.includes(kind as MeetingMomentKind)) continue;
        moments.push({
          tenantId: tenantId!,
          relationshipId: relationshipId!,
          meetingId: meetingId!,
          kind: kind as MeetingMomentKind,
          anchor: Number(anchor),
          dueAt,
          partitionKey: row.partitionKey!,
          rowKey: row.rowKey!,
        });
      }
    }
    return moments;
  }

  async markHandled(moment: MeetingMoment, outcome: 'planned' | 'skipped', at: number): Promise<void> {
    await this.markAllHandled([{ moment, outcome }], at);
  }

  /**
   * Marks many rows handled: rows of one hour share a partition, so they are written in entity-group
   * transactions of up to 100 (one storage operation each), not one update per row.
   */
  async markAllHandled(rows: readonly { readonly moment: MeetingMoment; readonly outcome: 'planned' | 'skipped' }[], at: number): Promise<void> {
    const byPartition = new Map<string, { moment: MeetingMoment; outcome: string }[]>();
    for (const row of rows) byPartition.set(row.moment.partitionKey, [...(byPartition.get(row.moment.partitionKey) ?? []), row]);
    const writes: Promise<unknown>[] = [];
    for (const [partitionKey, list] of byPartition) {
      // A row listed twice is written once (a transaction may name each row only once).
      const unique = [...new Map(list.map((r) => [r.moment.rowKey, r])).values()];
      for (let i = 0; i < unique.length; i += MAX_TRANSACTION_OPERATIONS) {
        const chunk = unique.slice(i, i + MAX_TRANSACTION_OPERATIONS);
        writes.push(
          chunk.length === 1
            ? this.table.updateEntity({ partitionKey, rowKey: chunk[0]!.moment.rowKey, handled: true, outcome: chunk[0]!.outcome, handledAt: at }, 'Merge')
            : this.table.submitTransaction(chunk.map((r) => ['update', { partitionKey, rowKey: r.moment.rowKey, handled: true, outcome: r.outcome, handledAt: at }, 'Merge'] as const)),
        );
      }
    }
    await Promise.all(writes);
  }

  /** The instant the timer has looked up to, or undefined before its first run. */
  async readCursor(name: string): Promise<number | undefined> {
    try {
      const row = await this.table.getEntity<{ at: number }>(CURSOR_PARTITION, escapeKeyPart(name));
      return Number(row.at);
    } catch (error) {
      if (isStatus(error, 404)) return undefined;
      throw error;
    }
  }

  async writeCursor(name: string, at: number): Promise<void> {
    await this.table.upsertEntity({ partitionKey: CURSOR_PARTITION, rowKey: escapeKeyPart(name), at }, 'Replace');
  }
}
