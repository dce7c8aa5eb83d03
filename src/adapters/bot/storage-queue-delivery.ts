import type { QueueClient } from '@azure/storage-queue';
import { z } from 'zod';
import type { DeliveryJob, DeliveryQueue, QueuedDelivery } from './delivery-ports';

/** Azure Storage queues hide a message for at most seven days; longer waits hop through several. */
const MAX_VISIBILITY_S = 7 * 24 * 3600 - 60;

const JobSchema = z.object({
  kind: z.enum(['checkin', 'checkinNudge', 'actionItemReminder', 'announcement']),
  tenantId: z.string().min(1),
  personId: z.string().min(1),
  idempotencyKey: z.string().min(1),
  notBefore: z.number(),
  expiresAt: z.number().optional(),
  relationshipId: z.string(),
  meetingId: z.string(),
});

const seconds = (ms: number) => Math.min(MAX_VISIBILITY_S, Math.max(0, Math.ceil(ms / 1000)));

export class StorageQueueDeliveryQueue implements DeliveryQueue {
  constructor(private readonly queue: QueueClient) {}

  async ensure(): Promise<void> {
    await this.queue.createIfNotExists();
  }

  async enqueue(job: DeliveryJob, delayMs = 0): Promise<void> {
    // messageTimeToLive -1: a job never expires out of the queue; only delivery or a final failure removes it.
    await this.queue.sendMessage(JSON.stringify(job), { visibilityTimeout: seconds(delayMs), messageTimeToLive: -1 });
  }

  async receive(max: number, leaseMs: number): Promise<QueuedDelivery[]> {
    const response = await this.queue.receiveMessages({ numberOfMessages: Math.min(32, max), visibilityTimeout: seconds(leaseMs) });
    const out: QueuedDelivery[] = [];
    for (const m of response.receivedMessageItems) {
      const parsed = JobSchema.safeParse(JSON.parse(m.messageText));
      if (!parsed.success) {
        // Not ours or from an incompatible version: keep it out of the way for a day, visible in the queue for a person to inspect.
        await this.queue.updateMessage(m.messageId, m.popReceipt, undefined, 24 * 3600);
        continue;
      }
      out.push({ job: parsed.data, messageId: m.messageId, popReceipt: m.popReceipt, dequeueCount: m.dequeueCount });
    }
    return out;
  }

  async defer(item: QueuedDelivery, delayMs: number): Promise<QueuedDelivery> {
    const updated = await this.queue.updateMessage(item.messageId, item.popReceipt, undefined, seconds(delayMs));
    return { ...item, popReceipt: updated.popReceipt ?? item.popReceipt };
  }

  async complete(item: QueuedDelivery): Promise<void> {
    await this.queue.deleteMessage(item.messageId, item.popReceipt);
  }
}
