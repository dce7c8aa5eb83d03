import { QueueClient } from '@azure/storage-queue';
import { z } from 'zod';
import type { DeliveryJob, DeliveryQueue, QueueMessageSource } from '../../core/ports/delivery';

/** Azure Storage queues hide a message for at most seven days; longer waits hop through several. */
const MAX_VISIBILITY_S = 7 * 24 * 3600 - 60;

const JobSchema = z.object({
  jobId: z.string().min(1),
  attempt: z.number().int().min(0),
  kind: z.enum(['checkin', 'checkinNudge', 'actionItemReminder', 'announcement', 'missedMeeting', 'missedYou']),
  tenantId: z.string().min(1),
  personId: z.string().min(1),
  idempotencyKey: z.string().min(1),
  notBefore: z.number(),
  expiresAt: z.number().optional(),
  relationshipId: z.string(),
  meetingId: z.string(),
  failures: z.number().int().min(0).optional(),
  lastError: z
    .object({ code: z.enum(['DELIVERY.CONNECTOR_ERROR', 'DELIVERY.UNEXPECTED_ERROR']), status: z.number().int().optional() })
    .optional(),
});

const BatchSchema = z.object({ jobs: z.array(JobSchema).min(1) });

/** Azure Functions moves a message its trigger failed on to `{queue}-poison`; ours go there too. */
export const POISON_SUFFIX = '-poison';

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
  readonly queues: readonly QueueClient[];
  private readonly poisonQueues = new Map<string, QueueClient>();

  /** `poisonQueue` reaches a queue of the same account by name (the shards' clients know their own only). */
  constructor(
    queues: QueueClient | readonly QueueClient[],
    private readonly makePoisonQueue: (name: string) => QueueClient,
  ) {
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

  read(message: unknown): readonly DeliveryJob[] | undefined {
    let value = message;
    if (typeof message === 'string') {
      try {
        value = JSON.parse(message);
      } catch {
        return undefined;
      }
    }
    const parsed = BatchSchema.safeParse(value);
    return parsed.success ? parsed.data.jobs : undefined;
  }

  /** The same name the Functions runtime gives a shard's poison queue, so everything set aside is in one place per shard. */
  async poison(source: QueueMessageSource, body: string): Promise<void> {
    const poison = this.byName(source.queueName).name + POISON_SUFFIX;
    const client = this.poisonQueues.get(poison) ?? this.poisonQueueFor(poison);
    await client.createIfNotExists();
    await client.sendMessage(body, { messageTimeToLive: -1 });
  }

  private poisonQueueFor(name: string): QueueClient {
    const client = this.makePoisonQueue(name);
    this.poisonQueues.set(name, client);
    return client;
  }
}

/** The delivery queue names: `{prefix}-0` … `{prefix}-{n-1}`. */
export function deliveryQueueNames(prefix: string, shards: number): string[] {
  return Array.from({ length: shards }, (_, i) => `${prefix}-${i}`);
}
