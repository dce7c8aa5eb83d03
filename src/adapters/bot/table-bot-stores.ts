import { RestError, type TableClient } from '@azure/data-tables';
import { z } from 'zod';
import { key } from '../storage/table-keys';
import type {
  CheckInCardIssue,
  CheckInCardIssueStore,
  ConversationReferenceLookup,
  ConversationReferenceStore,
  StoredConversationReference,
} from '../../core/ports/bot-stores';
import { fail, ok, type Result } from '../../core/result';
import { STORAGE_UNAVAILABLE } from '../../core/ports/repositories';

/**
 * Layout (in the bot's table; every partition starts with the tenant):
 *   t|{tenant}|botref                 {aadObjectId}                 conversation reference
 *   t|{tenant}|botcard                nonce|{nonce}                 one issued check-in card
 *                                     current|{userId}|{meetingId}  the nonce that is current
 */
const referencePartition = (tenantId: string) => key('t', tenantId, 'botref');
const cardPartition = (tenantId: string) => key('t', tenantId, 'botcard');

const ReferenceRow = z.object({
  serviceUrl: z.string(),
  channelId: z.string(),
  conversationId: z.string(),
  botId: z.string(),
  userId: z.string(),
  userAadObjectId: z.string(),
  tenantId: z.string(),
  locale: z.string().optional(),
});

const IssueRow = z.object({ userId: z.string(), relationshipId: z.string(), meetingId: z.string() });
const CurrentRow = z.object({ nonce: z.string() });

const isStatus = (err: unknown, status: number): boolean => err instanceof RestError && err.statusCode === status;

export async function ensureTable(client: TableClient): Promise<void> {
  try {
    await client.createTable();
  } catch (err) {
    if (!isStatus(err, 409)) throw err;
  }
}

export class TableConversationReferenceStore implements ConversationReferenceStore, ConversationReferenceLookup {
  constructor(private readonly table: TableClient) {}

  async save(reference: StoredConversationReference): Promise<void> {
    const { locale, ...rest } = reference;
    await this.table.upsertEntity(
      {
        partitionKey: referencePartition(reference.tenantId),
        rowKey: key(reference.userAadObjectId),
        ...rest,
        ...(locale ? { locale } : {}),
      },
      'Replace',
    );
  }

  async get(tenantId: string, userAadObjectId: string): Promise<StoredConversationReference | undefined> {
    try {
      const row = await this.table.getEntity(referencePartition(tenantId), key(userAadObjectId));
      const parsed = ReferenceRow.parse(row);
      // A row under one tenant's partition that names another tenant is corrupt, never served.
      return parsed.tenantId === tenantId ? parsed : undefined;
    } catch (err) {
      if (isStatus(err, 404)) return undefined;
      throw err;
    }
  }

  async has(tenantId: string, userAadObjectId: string): Promise<Result<boolean>> {
    try {
      return ok((await this.get(tenantId, userAadObjectId)) !== undefined);
    } catch (err) {
      // Refused, throttled, down, or a row we cannot read: a read, so nothing changed; worth trying again.
      const reason = err instanceof RestError ? `HTTP ${err.statusCode ?? '?'} ${err.code ?? ''}`.trim() : err instanceof Error ? err.name : String(err);
      return fail(STORAGE_UNAVAILABLE, 'We could not check whether the bot can reach you in Teams: the data store did not answer. Nothing was changed; try again in a minute.', {
        details: { reason },
      });
    }
  }
}

export class TableCheckInCardIssueStore implements CheckInCardIssueStore {
  constructor(private readonly table: TableClient) {}

  private currentKey(userId: string, meetingId: string): string {
    return `current|${key(userId)}|${key(meetingId)}`;
  }

  async issue(card: CheckInCardIssue): Promise<void> {
    const partitionKey = cardPartition(card.tenantId);
    await this.table.submitTransaction([
      ['create', { partitionKey, rowKey: `nonce|${key(card.nonce)}`, userId: card.userId, relationshipId: card.relationshipId, meetingId: card.meetingId }],
      ['upsert', { partitionKey, rowKey: this.currentKey(card.userId, card.meetingId), nonce: card.nonce }, 'Replace'],
    ]);
  }

  async findByNonce(tenantId: string, nonce: string): Promise<CheckInCardIssue | undefined> {
    try {
      const row = IssueRow.parse(await this.table.getEntity(cardPartition(tenantId), `nonce|${key(nonce)}`));
      return { nonce, tenantId, ...row };
    } catch (err) {
      if (isStatus(err, 404)) return undefined;
      throw err;
    }
  }

  async currentNonce(tenantId: string, userId: string, meetingId: string): Promise<string | undefined> {
    try {
      return CurrentRow.parse(await this.table.getEntity(cardPartition(tenantId), this.currentKey(userId, meetingId))).nonce;
    } catch (err) {
      if (isStatus(err, 404)) return undefined;
      throw err;
    }
  }

  async replaceCurrent(expectedNonce: string, next: CheckInCardIssue): Promise<boolean> {
    const partitionKey = cardPartition(next.tenantId);
    const rowKey = this.currentKey(next.userId, next.meetingId);
    let etag: string;
    try {
      const row = await this.table.getEntity(partitionKey, rowKey);
      if (CurrentRow.parse(row).nonce !== expectedNonce) return false;
      etag = row.etag;
    } catch (err) {
      if (isStatus(err, 404)) return false;
      throw err;
    }
    // Both rows share a partition, so the new issue and the swap commit together or not at all.
    try {
      await this.table.submitTransaction([
        ['create', { partitionKey, rowKey: `nonce|${key(next.nonce)}`, userId: next.userId, relationshipId: next.relationshipId, meetingId: next.meetingId }],
        ['update', { partitionKey, rowKey, nonce: next.nonce }, 'Replace', { etag }],
      ]);
      return true;
    } catch (err) {
      if (isStatus(err, 412) || isStatus(err, 409)) return false;
      throw err;
    }
  }
}
