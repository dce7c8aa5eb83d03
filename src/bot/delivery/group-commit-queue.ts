import type { DeliveryJob, DeliveryQueue, QueueMessageSource } from '../../core/ports/delivery';

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

interface Group {
  readonly jobs: DeliveryJob[];
  readonly waiters: { resolve: () => void; reject: (error: unknown) => void }[];
}

/**
 * Group commit for queue writes: jobs enqueued by relationships planned side by side (a planning
 * run, meetingEnd events arriving together) are written together, as a few queue messages of many
 * jobs instead of one message per relationship. Every caller's promise settles only when the write
 * that carries its jobs has settled, so "queued before claimed" still holds for each of them (see
 * planDeliveries). A message then carries up to the inner queue's jobs per message, so the queue
 * trigger's receive and delete are shared by many jobs too.
 */
export class GroupCommitDeliveryQueue implements DeliveryQueue {
  /** Pending groups by delay (whole seconds, as the queue counts them). */
  private pending = new Map<number, Group>();
  private pendingJobs = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly inner: DeliveryQueue,
    private readonly options: GroupCommitOptions = PLANNING_GROUP_COMMIT,
  ) {}

  enqueue(jobs: readonly DeliveryJob[], delayMs = 0): Promise<void> {
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

  read(message: unknown): readonly DeliveryJob[] | undefined {
    return this.inner.read(message);
  }

  poison(source: QueueMessageSource, body: string): Promise<void> {
    return this.inner.poison(source, body);
  }

  private flush(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    const groups = [...this.pending];
    this.pending = new Map();
    this.pendingJobs = 0;
    for (const [delay, group] of groups) {
      this.inner.enqueue(group.jobs, delay).then(
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
