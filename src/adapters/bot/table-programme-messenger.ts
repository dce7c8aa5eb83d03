/**
 * Programme messages into the bot's delivery pipeline. A campaign (an announcement, a programme's
 * invitations, one nudge) keeps one row per person in its own partition of the bot's table,
 * `t|{tenant}|botcampaign|{campaignId}`, row `{personId}`:
 *   status    planned → sent | waiting | unreachable (the delivery worker's latest word)
 *   reason    why unreachable (a stable code), `until` when waiting
 *   queued    false until the person's job is in the delivery queue
 * Planning lists the partition once, creates the missing rows (transactions of 100), queues the jobs
 * of every row not yet queued, then marks them queued. A crash between queueing and marking queues a
 * job twice at worst, and the delivery ledger (the job's idempotency key, reserved before the send)
 * sends it once; a crash before queueing leaves `queued` false, and the next planning queues it.
 * Progress is one partition query, counted: never who.
 */
import { RestError, type TableClient, odata } from '@azure/data-tables';
import { idempotencyKeys, type ProactiveMessage } from '../../core/delivery/bot-message';
import type { CampaignUpdate, DeliveryJob, DeliveryQueue } from '../../core/ports/delivery';
import type { ProgrammeMessenger } from '../../core/ports/programmes';
import { progressOf, type CampaignProgress, type UnreachableReason } from '../../core/programmes/campaign';
import { fail, ok, type Result } from '../../core/result';
import { key } from '../storage/table-keys';

const partition = (tenantId: string, campaignId: string) => key('t', tenantId, 'botcampaign', campaignId);
const MAX_TRANSACTION_OPERATIONS = 100;

export const campaignIds = {
  announcement: (programmeId: string, announcementId: string) => key('announcement', programmeId, announcementId),
  invitations: (programmeId: string) => key('invitations', programmeId),
  nudge: (programmeId: string, relationshipId: string, nudgeId: string) => key('nudge', programmeId, relationshipId, nudgeId),
};

type Status = 'planned' | 'sent' | 'waiting' | 'unreachable';
interface Row {
  readonly personId: string;
  readonly status: Status;
  readonly reason?: string;
  readonly queued: boolean;
}

/** The ledger's reasons as the owner reads them. */
export function unreachableReasonOf(reason: string): UnreachableReason {
  if (reason === 'NOT_INSTALLED') return 'NOT_INSTALLED';
  if (reason === 'NO_AGREEMENT') return 'NO_PROFILE';
  if (reason === 'EXPIRED') return 'EXPIRED';
  if (reason === 'NO_CONTACT_HOURS') return 'NO_CONTACT_HOURS';
  if (reason === 'HTTP_403' || reason === 'HTTP_404') return 'APP_REMOVED';
  return 'FAILED';
}

const unavailable = (error: unknown) =>
  fail('PROGRAMME.MESSAGES_UNAVAILABLE', 'The bot’s storage did not answer, so we cannot tell what was planned. Try again in a minute; nobody gets a message twice.', {
    details: { reason: error instanceof RestError ? `HTTP ${error.statusCode ?? '?'}` : error instanceof Error ? error.message : String(error) },
  });

export class TableProgrammeMessenger implements ProgrammeMessenger {
  constructor(
    private readonly table: TableClient,
    private readonly queue: DeliveryQueue,
    private readonly newJobId: () => string,
  ) {}

  announce(input: { tenantId: string; programmeId: string; announcementId: string; personIds: readonly string[]; now: number }): Promise<Result<CampaignProgress>> {
    const campaignId = campaignIds.announcement(input.programmeId, input.announcementId);
    return this.plan(input.tenantId, campaignId, input.personIds, (personId) => ({
      kind: 'announcement',
      tenantId: input.tenantId,
      personId,
      relationshipId: '',
      meetingId: '',
      idempotencyKey: idempotencyKeys.announcement(key(input.programmeId, input.announcementId), personId),
      notBefore: input.now,
      programmeId: input.programmeId,
      itemId: input.announcementId,
      campaignId,
    }));
  }

  async announcementProgress(tenantId: string, programmeId: string, announcementId: string): Promise<Result<CampaignProgress>> {
    try {
      return ok(progressOf(await this.rows(tenantId, campaignIds.announcement(programmeId, announcementId))));
    } catch (error) {
      return unavailable(error);
    }
  }

  invite(input: { tenantId: string; programmeId: string; personIds: readonly string[]; now: number }): Promise<Result<CampaignProgress>> {
    const campaignId = campaignIds.invitations(input.programmeId);
    return this.plan(input.tenantId, campaignId, input.personIds, (personId) => ({
      kind: 'programmeInvitation',
      tenantId: input.tenantId,
      personId,
      relationshipId: '',
      meetingId: '',
      idempotencyKey: idempotencyKeys.programmeInvitation(input.programmeId, personId),
      notBefore: input.now,
      programmeId: input.programmeId,
      campaignId,
    }));
  }

  nudge(input: { tenantId: string; programmeId: string; relationshipId: string; nudgeId: string; personIds: readonly string[]; now: number }): Promise<Result<CampaignProgress>> {
    const campaignId = campaignIds.nudge(input.programmeId, input.relationshipId, input.nudgeId);
    return this.plan(input.tenantId, campaignId, input.personIds, (personId) => ({
      kind: 'programmeNudge',
      tenantId: input.tenantId,
      personId,
      relationshipId: input.relationshipId,
      meetingId: '',
      idempotencyKey: idempotencyKeys.programmeNudge(input.relationshipId, input.nudgeId, personId),
      notBefore: input.now,
      programmeId: input.programmeId,
      campaignId,
    }));
  }

  /** The worker's word on one person's message (the delivery worker's `campaignProgress`). */
  async record(job: DeliveryJob, update: CampaignUpdate): Promise<void> {
    if (!job.campaignId) return;
    await this.table.upsertEntity(
      {
        partitionKey: partition(job.tenantId, job.campaignId),
        rowKey: key(job.personId),
        status: update.status,
        at: update.at,
        reason: update.status === 'unreachable' ? unreachableReasonOf(update.reason) : '',
        until: update.status === 'waiting' ? update.until : 0,
      },
      'Merge',
    );
  }

  private async rows(tenantId: string, campaignId: string): Promise<Row[]> {
    const out: Row[] = [];
    const filter = odata`PartitionKey eq ${partition(tenantId, campaignId)}`;
    for await (const e of this.table.listEntities<{ personId?: string; status?: string; reason?: string; queued?: boolean }>({
      queryOptions: { filter, select: ['personId', 'status', 'reason', 'queued'] },
    })) {
      const status = (['planned', 'sent', 'waiting', 'unreachable'] as const).find((s) => s === e.status) ?? 'planned';
      out.push({ personId: String(e.personId ?? ''), status, ...(e.reason ? { reason: e.reason } : {}), queued: e.queued === true });
    }
    return out;
  }

  private async plan(tenantId: string, campaignId: string, personIds: readonly string[], messageFor: (personId: string) => ProactiveMessage): Promise<Result<CampaignProgress>> {
    try {
      const pk = partition(tenantId, campaignId);
      let rows = await this.rows(tenantId, campaignId);
      const known = new Set(rows.map((r) => r.personId));
      const missing = [...new Set(personIds)].filter((p) => !known.has(p));
      for (let i = 0; i < missing.length; i += MAX_TRANSACTION_OPERATIONS) {
        const chunk = missing.slice(i, i + MAX_TRANSACTION_OPERATIONS);
        try {
          await this.table.submitTransaction(chunk.map((personId) => ['create', { partitionKey: pk, rowKey: key(personId), personId, status: 'planned', queued: false }] as const));
        } catch (error) {
          // Another planning of the same campaign wrote some of these meanwhile: the listing below sees them.
          if (!(error instanceof RestError && (error.statusCode === 409 || error.statusCode === 400))) throw error;
        }
      }
      if (missing.length > 0) rows = await this.rows(tenantId, campaignId);
      const wanted = new Set(personIds);
      const toQueue = rows.filter((r) => !r.queued && wanted.has(r.personId));
      if (toQueue.length > 0) {
        await this.queue.enqueue(toQueue.map((r) => ({ ...messageFor(r.personId), jobId: this.newJobId(), attempt: 0 })));
        for (let i = 0; i < toQueue.length; i += MAX_TRANSACTION_OPERATIONS) {
          const chunk = toQueue.slice(i, i + MAX_TRANSACTION_OPERATIONS);
          await this.table.submitTransaction(chunk.map((r) => ['upsert', { partitionKey: pk, rowKey: key(r.personId), queued: true }, 'Merge'] as const));
        }
      }
      return ok(progressOf(rows));
    } catch (error) {
      return unavailable(error);
    }
  }
}
