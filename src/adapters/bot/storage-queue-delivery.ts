import { QueueClient } from '@azure/storage-queue';
import { z } from 'zod';
import type { DeliveryJob, DeliveryQueue, QueueMessageSource } from '../../core/ports/delivery';
import { POISON_SUFFIX } from '../queue/storage-queue-poller';

/** Azure Storage queues hide a message for at most seven days; longer waits hop through several. */
const MAX_VISIBILITY_S = 7 * 24 * 3600 - 60;

const JobSchema = z.object({
  jobId: z.string().min(1),
  attempt: z.number().int().min(0),
  kind: z.enum(['checkin', 'checkinNudge', 'actionItemReminder', 'announcement', 'missedMeeting', 'missedYou', 'meetingEndingSoon', 'programmeInvitation', 'programmeNudge']),
  tenantId: z.string().min(1),
  personId: z.string().min(1),
  idempotencyKey: z.string().min(1),
  notBefore: z.number(),
  expiresAt: z.number().optional(),
  relationshipId: z.string(),
  meetingId: z.string(),
  programmeId: z.string().optional(),
  itemId: z.string().optional(),
  campaignId: z.string().optional(),
  failures: z.number().int().min(0).optional(),
  lastError: z
    .object({ code: z.enum(['DELIVERY.CONNECTOR_ERROR', 'DELIVERY.UNEXPECTED_ERROR']), status: z.number().int().optional() })
    .optional(),
});

const BatchSchema = z.object({ jobs: z.array(JobSchema).min(1) });

/** Storage queue messages hold 64 KB; a job is about 300 bytes of JSON. */
export const JOBS_PER_MESSAGE = 100;
/** A batch is split over more shards only while each message keeps at least this many jobs. */
export const MIN_JOBS_PER_MESSAGE = 8;

const seconds = (ms: number) => Math.min(MAX_VISIBILITY_S, Math.max(0, Math.ceil(ms / 1000)));

/** FNV-1a: a well-spread starting shard. */
function shardOf(value: string, shards: number): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < value.length; i++) {
    hash ^= value.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash % shards;
}

/**
 * The delivery queue, spread over several Storage queues. One Azure queue takes about 2,000
 * messages per second and the trigger touches each message three times (send, receive, delete);
 * a message carries a batch of jobs (planning writes relationships planned side by side together,
 * see GroupCommitDeliveryQueue), split over the shards so that every shard's trigger has work while
 * each message still carries several jobs. Azurite, whose queue operations slow down with the
 * number of messages held, is kept fast by the same split. Jobs of one person may travel in
 * different shards: the ledger, not the queue, keeps their sends apart (two a day, each key once).
 */
export class StorageQueueDeliveryQueue implements DeliveryQueue {
  readonly queues: readonly QueueClient[];
  private readonly poisonQueues = new Map<string, QueueClient>();
  private sent = 0;

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
    if (jobs.length === 0) return;
    // As few messages as keep the shards busy: up to one per shard while each still carries at least
    // MIN_JOBS_PER_MESSAGE jobs, never more than JOBS_PER_MESSAGE in one. The queue trigger's receive
    // and delete are then shared by the jobs of a message. messageTimeToLive -1: a job never expires
    // out of the queue, only delivery or a recorded final failure removes it.
    const messages = Math.max(
      Math.ceil(jobs.length / JOBS_PER_MESSAGE),
      Math.min(this.queues.length, Math.ceil(jobs.length / MIN_JOBS_PER_MESSAGE)),
    );
    const perMessage = Math.ceil(jobs.length / messages);
    // Spread over the shards from a starting shard that moves with every call.
    const first = shardOf(`${jobs[0]!.tenantId}|${jobs[0]!.idempotencyKey}|${this.sent++}`, this.queues.length);
    await Promise.all(
      Array.from({ length: messages }, (_, i) => {
        const chunk = jobs.slice(i * perMessage, (i + 1) * perMessage);
        if (chunk.length === 0) return Promise.resolve();
        const queue = this.queues[(first + i) % this.queues.length]!;
        return queue.sendMessage(JSON.stringify({ jobs: chunk }), { visibilityTimeout: seconds(delayMs), messageTimeToLive: -1 });
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
