import type { DeliveryJob, DeliveryQueue, QueueMessageSource } from '../../core/ports/delivery';
import type { FeedJob, FeedQueue } from '../../core/ports/feed';

export interface GroupCommitOptions {
  /** How long the first job of a group waits for others before the group is written. */
  readonly lingerMs: number;
  /** A group this large is written at once. */
  readonly maxJobs: number;
}

/**
 * Planning's defaults: a planning run plans 64 relationships side by side, two check-ins each, and
 * each relationship's reads take a few round trips; a quarter second gathers many of them.
 */
export const PLANNING_GROUP_COMMIT: GroupCommitOptions = { lingerMs: 250, maxJobs: 256 };

interface Group<J> {
  readonly jobs: J[];
  readonly waiters: { resolve: () => void; reject: (error: unknown) => void }[];
}

/** Where a group is written: a queue's own enqueue, which splits a large group into messages. */
type Enqueue<J> = (jobs: readonly J[], delayMs: number) => Promise<void>;

/**
 * Group commit for queue writes: jobs enqueued by relationships planned side by side (a planning
 * run, meetingEnd events arriving together) are written together, as a few queue messages of many
 * jobs instead of one message per relationship. Every caller's promise settles only when the write
 * that carries its jobs has settled, so "queued before claimed" still holds for each of them (see
 * planDeliveries). A message then carries up to the inner queue's jobs per message, so the queue
 * trigger's receive and delete are shared by many jobs too. The same for the delivery queue and the
 * activity feed's queue (planning raises a "check-in due" beside each new check-in).
 */
class GroupCommit<J> {
  /** Pending groups by delay (whole seconds, as the queue counts them). */
  private pending = new Map<number, Group<J>>();
  private pendingJobs = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly write: Enqueue<J>,
    private readonly options: GroupCommitOptions,
  ) {}

  enqueue(jobs: readonly J[], delayMs = 0): Promise<void> {
    if (jobs.length === 0) return Promise.resolve();
    const delay = Math.ceil(Math.max(0, delayMs) / 1000) * 1000;
    return new Promise<void>((resolve, reject) => {
      const group = this.pending.get(delay) ?? { jobs: [], waiters: [] };
      this.pending.set(delay, group);
      group.jobs.push(...jobs);
      group.waiters.push({ resolve, reject });
      this.pendingJobs += jobs.length;
      if (this.pendingJobs >= this.options.maxJobs) this.flush();
      else this.timer ??= setTimeout(() => this.flush(), this.options.lingerMs);
    });
  }

  private flush(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    const groups = [...this.pending];
    this.pending = new Map();
    this.pendingJobs = 0;
    for (const [delay, group] of groups) {
      this.write(group.jobs, delay).then(
        () => {
          for (const w of group.waiters) w.resolve();
        },
        (error: unknown) => {
          for (const w of group.waiters) w.reject(error);
        },
      );
    }
  }
}

/** The delivery queue with its writes group-committed (see GroupCommit). */
export class GroupCommitDeliveryQueue implements DeliveryQueue {
  private readonly group: GroupCommit<DeliveryJob>;

  constructor(
    private readonly inner: DeliveryQueue,
    options: GroupCommitOptions = PLANNING_GROUP_COMMIT,
  ) {
    this.group = new GroupCommit((jobs, delayMs) => inner.enqueue(jobs, delayMs), options);
  }

  enqueue(jobs: readonly DeliveryJob[], delayMs = 0): Promise<void> {
    return this.group.enqueue(jobs, delayMs);
  }

  read(message: unknown): readonly DeliveryJob[] | undefined {
    return this.inner.read(message);
  }

  poison(source: QueueMessageSource, body: string): Promise<void> {
    return this.inner.poison(source, body);
  }
}

/** The activity feed's queue with its writes group-committed (see GroupCommit). */
export class GroupCommitFeedQueue implements FeedQueue {
  private readonly group: GroupCommit<FeedJob>;

  constructor(
    private readonly inner: FeedQueue,
    options: GroupCommitOptions = PLANNING_GROUP_COMMIT,
  ) {
    this.group = new GroupCommit((jobs, delayMs) => inner.enqueue(jobs, delayMs), options);
  }

  enqueue(jobs: readonly FeedJob[], delayMs = 0): Promise<void> {
    return this.group.enqueue(jobs, delayMs);
  }

  read(message: unknown): readonly FeedJob[] | undefined {
    return this.inner.read(message);
  }
}
