/**
 * The one Storage queue trigger of every host without the Functions runtime (`npm start`, the tenant
 * stack, tests, benchmarks), for every queue: the bot's delivery shards and the calendar changes alike.
 */
import type { QueueClient } from '@azure/storage-queue';
import type { QueueMessageSource } from '../../core/ports/delivery';

/** Azure Functions moves a message its trigger failed on to `{queue}-poison`; every queue of ours uses the same name. */
export const POISON_SUFFIX = '-poison';

/**
 * How Azure Functions' Storage queue trigger takes messages, as `host.json` (extensions.queues) sets
 * it; the local poller below uses the same numbers, and a test keeps the two equal.
 */
export const QUEUE_TRIGGER_SETTINGS = {
  /** Messages taken per receive, handled side by side. */
  batchSize: 16,
  /** A message whose handler failed this many times goes to `{queue}-poison`. */
  maxDequeueCount: 5,
  /** A failed message is visible again after this long. */
  visibilityTimeoutMs: 30_000,
  /** An idle queue is polled at least this often. */
  maxPollingIntervalMs: 2_000,
} as const;

/** While a handler runs, its message stays hidden this long (the Functions runtime renews it; ours finish well within). */
const LEASE_MS = 10 * 60_000;

export interface QueueTriggerTarget<T> {
  readonly queue: QueueClient;
  /** The same handler Azure's queue trigger calls; it gets the message text. */
  readonly handle: (message: string, source: QueueMessageSource) => Promise<readonly T[]>;
}

/**
 * The Storage queue trigger for a host without the Functions runtime: the same handler, the same
 * semantics (host.json). A message is deleted when its handler returns; when the handler throws it
 * becomes visible again after `visibilityTimeoutMs`, and at its `maxDequeueCount`-th failure it is
 * moved to `{queue}-poison`, logged with its queue, id and the last error.
 */
export class StorageQueuePoller<T> {
  private running = false;
  private loops: Promise<void>[] = [];
  private wake: (() => void)[] = [];

  constructor(
    private readonly targets: readonly QueueTriggerTarget<T>[],
    private readonly makeQueue: (name: string) => QueueClient,
    private readonly log: (event: string, details: Record<string, unknown>) => void = () => undefined,
    /** Tests shorten the visibility timeout; hosts keep the trigger's settings. */
    private readonly settings: { readonly [K in keyof typeof QUEUE_TRIGGER_SETTINGS]: number } = QUEUE_TRIGGER_SETTINGS,
  ) {}

  /** One receive on every queue, each message handled; what the handlers returned. */
  async runOnce(): Promise<T[]> {
    const results = await Promise.all(this.targets.map((target) => this.receiveAndHandle(target)));
    return results.flat();
  }

  /** Polls every queue in its own loop until `stop()`: at once while there is work, backing off to the polling interval when idle. */
  start(): void {
    if (this.running) return;
    this.running = true;
    this.loops = this.targets.map(async (target) => {
      let idleMs = 100;
      while (this.running) {
        let handled: T[] = [];
        try {
          handled = await this.receiveAndHandle(target);
        } catch (error) {
          this.log('queue poll failed', { queueName: target.queue.name, error: String(error) });
        }
        if (handled.length > 0) {
          idleMs = 100;
          continue;
        }
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, idleMs);
          timer.unref?.();
          this.wake.push(() => {
            clearTimeout(timer);
            resolve();
          });
        });
        idleMs = Math.min(this.settings.maxPollingIntervalMs, idleMs * 2);
      }
    });
  }

  /** Polls again now (e.g. after queuing something a person is waiting for). */
  poke(): void {
    const waiting = this.wake;
    this.wake = [];
    for (const resolve of waiting) resolve();
  }

  /** Stops polling and waits for the handlers in flight. */
  async stop(): Promise<void> {
    this.running = false;
    this.poke();
    await Promise.allSettled(this.loops);
    this.loops = [];
  }

  private async receiveAndHandle(target: QueueTriggerTarget<T>): Promise<T[]> {
    const { queue } = target;
    const received = await queue.receiveMessages({
      numberOfMessages: this.settings.batchSize,
      visibilityTimeout: LEASE_MS / 1000,
    });
    const results = await Promise.all(
      received.receivedMessageItems.map(async (message): Promise<readonly T[]> => {
        const source = { queueName: queue.name, messageId: message.messageId };
        try {
          const outcome = await target.handle(message.messageText, source);
          await queue.deleteMessage(message.messageId, message.popReceipt);
          return outcome;
        } catch (error) {
          const poisoned = message.dequeueCount >= this.settings.maxDequeueCount;
          this.log('queue message failed', { ...source, dequeueCount: message.dequeueCount, poisoned, error: String(error) });
          if (poisoned) {
            const poison = this.makeQueue(queue.name + POISON_SUFFIX);
            await poison.createIfNotExists();
            await poison.sendMessage(message.messageText, { messageTimeToLive: -1 });
            await queue.deleteMessage(message.messageId, message.popReceipt);
          } else {
            await queue.updateMessage(message.messageId, message.popReceipt, undefined, this.settings.visibilityTimeoutMs / 1000);
          }
          return [];
        }
      }),
    );
    return results.flat();
  }
}
