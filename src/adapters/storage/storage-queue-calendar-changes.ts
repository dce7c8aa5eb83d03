/**
 * The queue between Graph's webhook and the calendar sync: the webhook only validates and enqueues
 * (Graph wants an answer within 3 seconds), the consumer (a queue trigger in Azure, a polling
 * worker on the local host) syncs. One message holds one notification batch of a tenant.
 */
import type { TokenCredential } from '@azure/core-auth';
import { QueueClient } from '@azure/storage-queue';
import { z } from 'zod';
import type { CalendarChange, CalendarChangeQueue } from '../../core/ports/calendar-subscriptions';
import { fail, ok, type Result } from '../../core/result';

export const CALENDAR_CHANGES_QUEUE = 'calendar-changes';
/** A queue message holds 64 KB; a change is about 200 bytes of JSON. */
const CHANGES_PER_MESSAGE = 200;

const ChangeSchema = z.object({
  kind: z.enum(['changed', 'missed', 'reauthorizationRequired', 'subscriptionRemoved']),
  tenantId: z.string().min(1),
  subscriptionId: z.string().min(1),
  mailboxId: z.string().min(1).optional(),
});
const MessageSchema = z.object({ changes: z.array(ChangeSchema).min(1) });

/** A queued message's changes, or undefined for a message that is not ours (dropped by the consumer). */
export function parseCalendarChangeMessage(body: unknown): CalendarChange[] | undefined {
  let value = body;
  if (typeof body === 'string') {
    try {
      value = JSON.parse(body);
    } catch {
      return undefined;
    }
  }
  const parsed = MessageSchema.safeParse(value);
  return parsed.success ? parsed.data.changes.map((c) => ({ kind: c.kind, tenantId: c.tenantId, subscriptionId: c.subscriptionId, ...(c.mailboxId ? { mailboxId: c.mailboxId } : {}) })) : undefined;
}

export interface ReceivedChanges {
  readonly changes: CalendarChange[] | undefined;
  done(): Promise<void>;
}

export class StorageQueueCalendarChanges implements CalendarChangeQueue {
  private ready: Promise<unknown> | undefined;

  constructor(private readonly queue: QueueClient) {}

  static fromConnectionString(connectionString: string, queueName = CALENDAR_CHANGES_QUEUE): StorageQueueCalendarChanges {
    return new StorageQueueCalendarChanges(new QueueClient(connectionString, queueName));
  }

  static fromEndpoint(queueEndpoint: string, credential: TokenCredential): StorageQueueCalendarChanges {
    return new StorageQueueCalendarChanges(new QueueClient(`${queueEndpoint.replace(/\/$/, '')}/${CALENDAR_CHANGES_QUEUE}`, credential));
  }

  private ensure(): Promise<unknown> {
    this.ready ??= this.queue.createIfNotExists().catch((error: unknown) => {
      this.ready = undefined;
      throw error;
    });
    return this.ready;
  }

  async enqueue(changes: readonly CalendarChange[]): Promise<Result<void>> {
    try {
      await this.ensure();
      for (let i = 0; i < changes.length; i += CHANGES_PER_MESSAGE) {
        await this.queue.sendMessage(JSON.stringify({ changes: changes.slice(i, i + CHANGES_PER_MESSAGE) }));
      }
      return ok(undefined);
    } catch {
      return fail('CALENDAR.CHANGE_QUEUE_UNAVAILABLE', 'The calendar change could not be queued; Graph will send it again.');
    }
  }

  /** The local host's consumer: up to `max` messages, hidden for `visibilitySeconds` until done. */
  async receive(max = 32, visibilitySeconds = 60): Promise<ReceivedChanges[]> {
    await this.ensure();
    const { receivedMessageItems } = await this.queue.receiveMessages({ numberOfMessages: Math.min(32, max), visibilityTimeout: visibilitySeconds });
    return receivedMessageItems.map((m) => ({
      changes: parseCalendarChangeMessage(m.messageText),
      done: async () => {
        await this.queue.deleteMessage(m.messageId, m.popReceipt);
      },
    }));
  }
}
