import { QueueClient } from '@azure/storage-queue';
import { z } from 'zod';
import type { DeliveryJob, DeliveryQueue, QueuedBatch, RemainingJob } from '../../core/ports/delivery';

/** Azure Storage queues hide a message for at most seven days; longer waits hop through several. */
const MAX_VISIBILITY_S = 7 * 24 * 3600 - 60;

const JobSchema = z.object({
  jobId: z.string().min(1),
  attempt: z.number().int().min(0),
  kind: z.enum(['checkin', 'checkinNudge', 'actionItemReminder', 'announcement']),
  tenantId: z.string().min(1),
  personId: z.string().min(1),
  idempotencyKey: z.string().min(1),
  notBefore: z.number(),
  expiresAt: z.number().optional(),
  relationshipId: z.string(),
  meetingId: z.string(),
});

const BatchSchema = z.object({ jobs: z.array(JobSchema).min(1) });

/** Storage queue messages hold 64 KB; a job is about 300 bytes of JSON. */
export const JOBS_PER_MESSAGE = 100;

const seconds = (ms: number) => Math.min(MAX_VISIBILITY_S, Math.max(0, Math.ceil(ms / 1000)));

/** FNV-1a: a stable, well-spread shard choice for a person. */
function shardOf(value: string, shards: number): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < value.length; i++) {
    hash ^= value.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash % shards;
}

/**
 * The delivery queue, spread over several Storage queues by person. One Azure queue takes about
 * 2,000 messages per second and a post-meeting fan-out touches each message four times (send,
 * receive, hide/delete), so shards keep a cohort's check-ins well under that; Azurite, whose queue
 * operations slow down with the number of messages held, is kept fast by the same split.
 */
export class StorageQueueDeliveryQueue implements DeliveryQueue {
  private readonly queues: readonly QueueClient[];
  private next = 0;

  constructor(queues: QueueClient | readonly QueueClient[]) {
    this.queues = Array.isArray(queues) ? queues : [queues as QueueClient];
    if (this.queues.length === 0) throw new Error('StorageQueueDeliveryQueue needs at least one queue');
  }

  private byName(name: string): QueueClient {
    const queue = this.queues.find((q) => q.name === name);
    if (!queue) throw new Error(`No delivery queue named ${name}`);
    return queue;
  }

  async ensure(): Promise<void> {
    for (const queue of this.queues) await queue.createIfNotExists();
  }

  async enqueue(jobs: readonly DeliveryJob[], delayMs = 0): Promise<void> {
    // One message per shard and chunk; messageTimeToLive -1: a job never expires out of the queue,
    // only delivery or a recorded final failure removes it.
    const byShard = new Map<number, DeliveryJob[]>();
    for (const job of jobs) {
      const shard = shardOf(`${job.tenantId}|${job.personId}`, this.queues.length);
      byShard.set(shard, [...(byShard.get(shard) ?? []), job]);
    }
    await Promise.all(
      [...byShard.entries()].flatMap(([shard, list]) => {
        const chunks: DeliveryJob[][] = [];
        for (let i = 0; i < list.length; i += JOBS_PER_MESSAGE) chunks.push(list.slice(i, i + JOBS_PER_MESSAGE));
        return chunks.map((chunk) =>
          this.queues[shard]!.sendMessage(JSON.stringify({ jobs: chunk }), { visibilityTimeout: seconds(delayMs), messageTimeToLive: -1 }),
        );
      }),
    );
  }

  /** Takes from the shards in turn, moving on when one has nothing due. */
  async receive(maxBatches: number, leaseMs: number): Promise<QueuedBatch[]> {
    for (let tried = 0; tried < this.queues.length; tried++) {
      const queue = this.queues[this.next++ % this.queues.length]!;
      const response = await queue.receiveMessages({ numberOfMessages: Math.min(32, maxBatches), visibilityTimeout: seconds(leaseMs) });
      const out: QueuedBatch[] = [];
      for (const m of response.receivedMessageItems) {
        let parsed;
        try {
          parsed = BatchSchema.safeParse(JSON.parse(m.messageText));
        } catch {
          parsed = undefined;
        }
        if (!parsed?.success) {
          // Not ours or from an incompatible version: kept out of the way for a day, visible in the queue for a person to inspect.
          await queue.updateMessage(m.messageId, m.popReceipt, undefined, 24 * 3600);
          continue;
        }
        out.push({ jobs: parsed.data.jobs, queueName: queue.name, messageId: m.messageId, popReceipt: m.popReceipt });
      }
      if (out.length > 0) return out;
    }
    return [];
  }

  async settle(batch: QueuedBatch, remaining: readonly RemainingJob[]): Promise<void> {
    const queue = this.byName(batch.queueName);
    const groups = new Map<number, DeliveryJob[]>();
    for (const r of remaining) {
      const delay = seconds(r.delayMs);
      groups.set(delay, [...(groups.get(delay) ?? []), r.job]);
    }
    // Everything waits equally long: hide the same message again (one operation instead of two).
    const only = [...groups.entries()];
    if (only.length === 1 && only[0]![1].length === batch.jobs.length) {
      await queue.updateMessage(batch.messageId, batch.popReceipt, JSON.stringify({ jobs: only[0]![1] }), only[0]![0]);
      return;
    }
    for (const [delay, jobs] of groups) await this.enqueue(jobs, delay * 1000);
    await queue.deleteMessage(batch.messageId, batch.popReceipt);
  }
}

/** The delivery queues of one storage account: `{prefix}-0` … `{prefix}-{n-1}`. */
export function deliveryQueues(connectionString: string, prefix: string, shards: number): QueueClient[] {
  return Array.from({ length: shards }, (_, i) => new QueueClient(connectionString, `${prefix}-${i}`));
}
