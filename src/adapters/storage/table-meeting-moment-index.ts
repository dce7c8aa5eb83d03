/**
 * A cross-tenant index of when meetings end, so one timer can find "meetings that ended since I last
 * looked" without scanning every tenant's partitions. Its own table (`meetingends`):
 *
 *   PartitionKey  end|{yyyyMMddHH}                        the UTC hour the meeting ends in
 *   RowKey        {tenant}|{relationship}|{meeting}|{end}  escaped as in table-keys.ts
 *   cursor        meetings-ended                          how far the timer has looked
 *
 * Rows carry ids and the end only (nothing a person wrote). The end is part of the row key, so a
 * moved meeting gets a new row in its new hour and the old row is recognised as stale by the reader
 * (the meeting's current end differs); rows are insert-only apart from being marked handled, so
 * re-saving a meeting for another reason never makes it due again.
 */
import { RestError, TableClient } from '@azure/data-tables';
import { escapeKeyPart, unescapeKeyPart } from './table-keys';

/** Beside the data table it indexes (`mentoring` → `mentoringmeetingends`), so each store has its own. */
export const meetingEndTableFor = (dataTableName: string): string => `${dataTableName.slice(0, 51)}meetingends`;
const HOUR = 3_600_000;
const CURSOR_PARTITION = 'cursor';

export interface MeetingEndEntry {
  readonly tenantId: string;
  readonly relationshipId: string;
  readonly meetingId: string;
  readonly end: number;
  /** Where the row lives, for `markHandled`. */
  readonly partitionKey: string;
  readonly rowKey: string;
}

/** What the meetings repository decorator writes to. */
export interface MeetingEndRecorder {
  record(tenantId: string, relationshipId: string, meeting: { readonly id: string; readonly end: number }): Promise<void>;
}

const isStatus = (error: unknown, status: number): boolean => error instanceof RestError && error.statusCode === status;

export function hourBucketOf(instant: number): string {
  const d = new Date(Math.floor(instant / HOUR) * HOUR);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `end|${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}${pad(d.getUTCHours())}`;
}

export class TableMeetingEndIndex implements MeetingEndRecorder {
  private constructor(private readonly table: TableClient) {}

  static async open(table: TableClient): Promise<TableMeetingEndIndex> {
    try {
      await table.createTable();
    } catch (error) {
      if (!isStatus(error, 409)) throw error;
    }
    return new TableMeetingEndIndex(table);
  }

  async record(tenantId: string, relationshipId: string, meeting: { readonly id: string; readonly end: number }): Promise<void> {
    const rowKey = [tenantId, relationshipId, meeting.id, String(meeting.end)].map(escapeKeyPart).join('|');
    try {
      await this.table.createEntity({ partitionKey: hourBucketOf(meeting.end), rowKey, end: meeting.end, handled: false });
    } catch (error) {
      // Already indexed with this very end: the row (and whether it was handled) stays as it is.
      if (!isStatus(error, 409)) throw error;
    }
  }

  /** Rows not yet handled whose meeting ends in (from, to], oldest hour first. */
  async unhandledEndingBetween(from: number, to: number): Promise<MeetingEndEntry[]> {
    const entries: MeetingEndEntry[] = [];
    for (let hour = Math.floor(from / HOUR) * HOUR; hour <= to; hour += HOUR) {
      const rows = this.table.listEntities<{ end: number }>({
        queryOptions: { filter: `PartitionKey eq '${hourBucketOf(hour)}' and handled eq false` },
      });
      for await (const row of rows) {
        const end = Number(row.end);
        if (!(end > from && end <= to)) continue;
        const parts = row.rowKey!.split('|').map(unescapeKeyPart);
        if (parts.length !== 4) continue;
        const [tenantId, relationshipId, meetingId] = parts as [string, string, string, string];
        entries.push({ tenantId, relationshipId, meetingId, end, partitionKey: row.partitionKey!, rowKey: row.rowKey! });
      }
    }
    return entries;
  }

  async markHandled(entry: MeetingEndEntry, outcome: 'planned' | 'skipped', at: number): Promise<void> {
    await this.table.updateEntity({ partitionKey: entry.partitionKey, rowKey: entry.rowKey, handled: true, outcome, handledAt: at }, 'Merge');
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
