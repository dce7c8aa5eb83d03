/**
 * The queue between Graph's webhook and the calendar sync: the webhook only validates and enqueues
 * (Graph wants an answer within 3 seconds), the consumer (a queue trigger in Azure, the same
 * StorageQueuePoller as the bot's deliveries on the local host) syncs. One message holds one
 * notification batch of a tenant. A message that is not one goes to `{queue}-poison` at once; one
 * whose sync keeps failing goes there after the trigger's 5 tries.
 */
import type { TokenCredential } from '@azure/core-auth';
import { QueueClient } from '@azure/storage-queue';
import { z } from 'zod';
import type { CalendarChange, CalendarChangeQueue } from '../../core/ports/calendar-subscriptions';
import { fail, ok, type Result } from '../../core/result';
import { POISON_SUFFIX } from '../queue/storage-queue-poller';

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

/** A queued message's changes, or undefined for a message that is not a batch of changes (set aside by the consumer). */
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

export class StorageQueueCalendarChanges implements CalendarChangeQueue {
  private ready: Promise<unknown> | undefined;

  constructor(
    private readonly queue: QueueClient,
    private readonly poisonQueue: QueueClient,
  ) {}

  static fromConnectionString(connectionString: string, queueName = CALENDAR_CHANGES_QUEUE): StorageQueueCalendarChanges {
    return new StorageQueueCalendarChanges(new QueueClient(connectionString, queueName), new QueueClient(connectionString, queueName + POISON_SUFFIX));
  }

  static fromEndpoint(queueEndpoint: string, credential: TokenCredential): StorageQueueCalendarChanges {
    const base = queueEndpoint.replace(/\/$/, '');
    return new StorageQueueCalendarChanges(
      new QueueClient(`${base}/${CALENDAR_CHANGES_QUEUE}`, credential),
      new QueueClient(`${base}/${CALENDAR_CHANGES_QUEUE}${POISON_SUFFIX}`, credential),
    );
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

  async setAside(body: string): Promise<Result<string>> {
    try {
      await this.poisonQueue.createIfNotExists();
      // Kept until a person removes it (-1), like the trigger's own poison messages.
      await this.poisonQueue.sendMessage(body, { messageTimeToLive: -1 });
      return ok(this.poisonQueue.name);
    } catch {
      return fail('CALENDAR.CHANGE_QUEUE_UNAVAILABLE', 'The unreadable calendar change could not be set aside; the queue trigger retries it, then moves it to the poison queue.');
    }
  }
}
