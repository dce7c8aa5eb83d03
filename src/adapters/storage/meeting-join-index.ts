/**
 * Which relationship a Teams join URL belongs to, so a meetingEnd event finds its meeting with one
 * point read instead of a query of the sender's relationships and then of each one's meetings.
 *
 *   PartitionKey  t|{tenant}|joinurl        (every key starts with the tenant, as in table-keys.ts)
 *   RowKey        sha256(joinUrl), hex      (a join URL can be longer than a key may be, and holds `/ ? #`)
 *   document      { relationshipId, meetingId }
 *
 * Written by the meetings decorator before the meeting itself (see meeting-moment-indexed.repository.ts),
 * last writer wins. A row is a hint, never trusted: the reader checks the relationship's members and
 * its meeting's join URL as stored, and falls back to the query when the hint does not hold.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { TableDocumentStore } from './table-document-store';
import { key } from './table-keys';

const JoinRow = z.object({ relationshipId: z.string(), meetingId: z.string() });

const partitionOf = (tenantId: string) => key('t', tenantId, 'joinurl');
const rowKeyOf = (joinUrl: string) => createHash('sha256').update(joinUrl, 'utf8').digest('hex');

export class MeetingJoinIndex {
  constructor(private readonly store: TableDocumentStore) {}

  /** Records the meeting's join URL (when it has one); a failure is thrown, as the moment index does. */
  async record(tenantId: string, relationshipId: string, meeting: { readonly id: string; readonly joinUrl?: string }): Promise<void> {
    if (!meeting.joinUrl) return;
    const written = await this.store.upsert(partitionOf(tenantId), rowKeyOf(meeting.joinUrl), 'meeting-join', { relationshipId, meetingId: meeting.id });
    if (!written.ok) throw new Error(`The join URL index was not written: ${written.error.code}`);
  }

  /** The relationship the join URL was last recorded for, or undefined (not recorded, or unreadable). */
  async relationshipOf(tenantId: string, joinUrl: string): Promise<string | undefined> {
    const row = await this.store.get(partitionOf(tenantId), rowKeyOf(joinUrl), JoinRow);
    return row.ok && row.value ? row.value.value.relationshipId : undefined;
  }
}
