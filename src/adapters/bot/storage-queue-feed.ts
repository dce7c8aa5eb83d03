/**
 * The activity-feed queue (`feed-notifications`) on the bot's storage account: one message per
 * batch of jobs, hidden until the batch is due. A single queue: feed events are few (one per request,
 * proposal, check-in, move, invitation), far from one queue's 2,000 messages a second.
 */
import type { QueueClient } from '@azure/storage-queue';
import { z } from 'zod';
import { FEED_ACTIVITY_TYPES } from '../../core/feed/activity-feed';
import type { FeedJob, FeedQueue } from '../../core/ports/feed';

export const FEED_QUEUE_NAME = 'feed-notifications';

/** Azure Storage queues hide a message for at most seven days; a longer wait is re-decided when it shows. */
const MAX_VISIBILITY_S = 7 * 24 * 3600 - 60;
const JOBS_PER_MESSAGE = 50;

const detail = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('request'), requestId: z.string().min(1), note: z.string() }),
  z.object({ kind: z.literal('agreement'), version: z.number().int(), note: z.string() }),
  z.object({ kind: z.literal('checkIn'), meetingId: z.string().min(1), meetingStart: z.number() }),
  z.object({ kind: z.literal('moved'), meetingId: z.string().min(1), start: z.number(), end: z.number() }),
  z.object({ kind: z.literal('programme'), purpose: z.string(), startDate: z.string() }),
]);

const event = z.object({
  type: z.enum(FEED_ACTIVITY_TYPES),
  tenantId: z.string().min(1),
  personId: z.string().min(1),
  key: z.string().min(1),
  page: z.string().min(1),
  relationshipId: z.string().min(1).optional(),
  subject: z.string(),
  subjectPersonId: z.string().min(1).optional(),
  detail,
  notBefore: z.number(),
  expiresAt: z.number().optional(),
});

const batch = z.object({
  feedJobs: z
    .array(z.object({ event, jobId: z.string().min(1), attempt: z.number().int().min(0), failures: z.number().int().min(0).optional() }))
    .min(1),
});

export class StorageQueueFeedQueue implements FeedQueue {
  private created: Promise<void> | undefined;

  constructor(readonly queue: QueueClient) {}

  get name(): string {
    return this.queue.name;
  }

  /** Creates the queue once per process (the first writer, or the host at start); a failure is tried again next time. */
  ensure(): Promise<void> {
    this.created ??= this.queue.createIfNotExists().then(
      () => undefined,
      (error: unknown) => {
        this.created = undefined;
        throw error;
      },
    );
    return this.created;
  }

  async enqueue(jobs: readonly FeedJob[], delayMs = 0): Promise<void> {
    if (jobs.length === 0) return;
    await this.ensure();
    const visibilityTimeout = Math.min(MAX_VISIBILITY_S, Math.max(0, Math.ceil(delayMs / 1000)));
    for (let i = 0; i < jobs.length; i += JOBS_PER_MESSAGE) {
      // messageTimeToLive -1: a job leaves the queue only when delivered or recorded as final.
      await this.queue.sendMessage(JSON.stringify({ feedJobs: jobs.slice(i, i + JOBS_PER_MESSAGE) }), { visibilityTimeout, messageTimeToLive: -1 });
    }
  }

  read(message: unknown): readonly FeedJob[] | undefined {
    let value = message;
    if (typeof message === 'string') {
      try {
        value = JSON.parse(message);
      } catch {
        return undefined;
      }
    }
    const parsed = batch.safeParse(value);
    return parsed.success ? (parsed.data.feedJobs as readonly FeedJob[]) : undefined;
  }
}
