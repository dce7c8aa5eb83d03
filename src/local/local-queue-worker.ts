/**
 * The local host's stand-in for `app.storageQueue` for the API's queue consumers (calendar changes):
 * the same StorageQueuePoller the bot's delivery queues run on, with host.json's settings. A message
 * is deleted when its consumer returns, comes back after the visibility timeout when it throws, and
 * goes to `{queue}-poison` at its 5th failure, as the Functions runtime does in Azure.
 */
import { QueueClient } from '@azure/storage-queue';
import { QUEUE_TRIGGER_SETTINGS, StorageQueuePoller } from '../adapters/queue/storage-queue-poller';
import type { ApiLogger, ApiServices } from '../api/api-services';
import type { QueueDefinition } from '../api/function-definition';

export interface QueueWorker {
  /** One receive on every queue, each message handled (tests run the consumer this way, without the loop). */
  runOnce(): Promise<void>;
  stop(): Promise<void>;
}

export function startQueueWorkers(options: {
  readonly connectionString: string;
  readonly queues: readonly QueueDefinition[];
  readonly services: ApiServices;
  readonly logger: ApiLogger;
  readonly now: () => number;
  /** Queue names that differ from the definitions' (tests give each run its own). */
  readonly queueNames?: Readonly<Record<string, string | undefined>>;
  /** Tests shorten the visibility timeout; hosts keep the trigger's. */
  readonly settings?: { readonly [K in keyof typeof QUEUE_TRIGGER_SETTINGS]: number };
  /** False: no polling loop, only `runOnce` (tests). */
  readonly poll?: boolean;
}): QueueWorker {
  const queueClient = (name: string) => new QueueClient(options.connectionString, name);
  const targets = options.queues.map((definition) => ({
    queue: queueClient(options.queueNames?.[definition.name] ?? definition.queueName),
    handle: async (message: string): Promise<readonly never[]> => {
      await definition.run(options.services, message, options.now(), options.logger);
      return [];
    },
  }));
  const poller = new StorageQueuePoller<never>(targets, queueClient, (event, details) => options.logger.error(event, details), options.settings);
  let stopped = false;
  const ready = Promise.all(targets.map((t) => t.queue.createIfNotExists())).then(
    () => {
      if (!stopped && options.poll !== false) poller.start();
    },
    (error: unknown) => options.logger.error('queue worker could not create its queues', { error: String(error) }),
  );
  return {
    async runOnce() {
      await ready;
      await poller.runOnce();
    },
    async stop() {
      stopped = true;
      await ready;
      await poller.stop();
    },
  };
}
