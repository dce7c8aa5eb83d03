import type { FeedEvent } from '../feed/feed-events';

/** A feed event waiting to be delivered, with its delivery state (as a bot DeliveryJob has). */
export interface FeedJob {
  readonly event: FeedEvent;
  /** This job instance: it owns the event key's reservation in the ledger across its retries. */
  readonly jobId: string;
  /** Tries that did not send so far (throttling included), for backoff. */
  readonly attempt: number;
  /** Of those, failures other than throttling: at MAX_FAILED_ATTEMPTS the job ends, recorded. */
  readonly failures?: number;
}

/**
 * Where feed events wait until they may be sent: a Storage queue the API and the bot's planning
 * write to and the bot's queue trigger reads. A job waits invisible until it is due; the ledger, not
 * the queue, makes delivery once-only, so a job queued twice still sends once.
 */
export interface FeedQueue {
  enqueue(jobs: readonly FeedJob[], delayMs?: number): Promise<void>;
  /** The jobs of a queue message as the trigger hands it over (text or parsed JSON); undefined when it is not ours. */
  read(message: unknown): readonly FeedJob[] | undefined;
}
