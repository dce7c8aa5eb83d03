/**
 * The local host's stand-in for `app.storageQueue`: polls each consumer's queue in Azurite about once
 * a second (Azure's trigger polls every 2 seconds at most, host.json), runs the consumer, deletes the
 * message when it succeeds and leaves it to reappear (30 s later) when the consumer throws.
 */
import { QueueClient } from '@azure/storage-queue';
import type { ApiLogger, ApiServices } from '../api/api-services';
import type { QueueDefinition } from '../api/function-definition';

const POLL_MS = 1_000;
const RETRY_AFTER_S = 30;

export interface QueueWorker {
  stop(): Promise<void>;
}

export function startQueueWorkers(options: {
  readonly connectionString: string;
  readonly queues: readonly QueueDefinition[];
  readonly services: ApiServices;
  readonly logger: ApiLogger;
  readonly now: () => number;
  readonly pollMs?: number;
  /** Queue names that differ from the definitions' (tests give each run its own). */
  readonly queueNames?: Readonly<Record<string, string | undefined>>;
}): QueueWorker {
  let stopped = false;
  let wake: (() => void) | undefined;
  const loops = options.queues.map(async (definition) => {
    const queue = new QueueClient(options.connectionString, options.queueNames?.[definition.name] ?? definition.queueName);
    while (!stopped) {
      try {
        await queue.createIfNotExists();
        const { receivedMessageItems } = await queue.receiveMessages({ numberOfMessages: 16, visibilityTimeout: RETRY_AFTER_S });
        for (const m of receivedMessageItems) {
          try {
            await definition.run(options.services, m.messageText, options.now(), options.logger);
            await queue.deleteMessage(m.messageId, m.popReceipt);
          } catch (error) {
            options.logger.error('queue consumer failed; the message comes back', { queue: definition.queueName, error: String(error) });
          }
        }
        if (receivedMessageItems.length > 0) continue;
      } catch (error) {
        if (!stopped) options.logger.error('queue worker could not read its queue', { queue: definition.queueName, error: String(error) });
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, options.pollMs ?? POLL_MS);
        timer.unref();
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
  });
  return {
    async stop() {
      stopped = true;
      wake?.();
      await Promise.allSettled(loops);
    },
  };
}
