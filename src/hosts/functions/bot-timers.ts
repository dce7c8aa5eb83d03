/**
 * The bot's timer and queue functions, defined once: Azure registers them with `app.timer` and
 * `app.storageQueue`, the local host runs the timer on an interval and polls the queues with the
 * same handler. They take the bot from a getter because the bot is composed after the API host.
 */
import type { MeetingMoment, TableMeetingMomentIndex } from '../../adapters/storage/table-meeting-moment-index';
import type { BotHost } from './bot-composition';
import type { MentoringRepositories } from '../../core/ports/repositories';
import { STORAGE_NOT_FOUND } from '../../core/ports/repositories';
import type { ApiLogger } from '../../api/api-services';
import { timerFunction, type TimerDefinition } from '../../api/function-definition';
import { inParallel } from '../../core/booking/in-parallel';
import type { QueueMessageSource } from '../../core/ports/delivery';
import type { JobOutcome } from '../../bot/delivery/delivery-worker';
import { DELIVERY_QUEUE_NAMES } from './bot-composition';
import { ATTENDANCE_RETRY_QUEUE } from '../../adapters/bot/storage-queue-attendance-retry';
import { FEED_QUEUE_NAME } from '../../adapters/bot/storage-queue-feed';

export interface BotRuntime {
  readonly host: BotHost;
  readonly meetingMoments: TableMeetingMomentIndex;
}

export const PLANNING_EVERY_MS = 60_000;
export const PLANNING_CURSOR = 'planned-moments';
/** Relationships planned at once by one planning run (Table Storage and its queues take far more; Azurite, bound by latency rather than work, needs this many in flight). */
const PLANNING_CONCURRENCY = 64;
/** Handled index rows written together (rows of one hour are one partition: one transaction per 100). */
const MARK_BATCH = 200;
/** The first run looks this far back. */
const FIRST_RUN_LOOKBACK_MS = 24 * 3_600_000;
/**
 * Each run looks again this far behind its cursor: a meeting written just after a run read its
 * hour, with an end before that run's `now`, is still found. Handled rows are not read again.
 */
const LATE_WRITE_GRACE_MS = 3_600_000;

/**
 * A function run by a Storage queue trigger: Azure registers it with `app.storageQueue` on its queue,
 * the local host's poller (StorageQueuePoller) calls the same `handle` with each message.
 */
export interface QueueFunctionDefinition {
  readonly name: string;
  readonly queueName: string;
  readonly handle: (message: unknown, source: QueueMessageSource) => Promise<readonly JobOutcome[]>;
}

/** Delivery: one queue function per shard, each handing its messages to the delivery worker. */
export function botQueueFunctions(runtime: () => Promise<BotRuntime>): readonly QueueFunctionDefinition[] {
  return [
    ...DELIVERY_QUEUE_NAMES.map((queueName, shard) => ({
      name: `deliverBotMessages${shard}`,
      queueName,
      handle: async (message: unknown, source: QueueMessageSource) => (await runtime()).host.worker.handleMessage(message, source),
    })),
    // Teams activity-feed notifications (the API, the sync and planning raise them).
    {
      name: 'deliverFeedNotifications',
      queueName: FEED_QUEUE_NAME,
      handle: async (message: unknown, source: QueueMessageSource) => (await runtime()).host.feedWorker?.handleMessage(message, source) ?? [],
    },
    // Later reads of late attendance reports (see retryAttendance).
    // Azure's Node worker hands a JSON message over parsed; the local poller hands its text.
    {
      name: 'retryMeetingAttendance',
      queueName: ATTENDANCE_RETRY_QUEUE,
      handle: async (message: unknown) => (await runtime()).host.attendanceRetried(typeof message === 'string' ? message : JSON.stringify(message)),
    },
  ];
}

export interface PlanningOutcome {
  /** Relationships whose deliveries were planned (once each per run, for all their due moments). */
  readonly planned: readonly { readonly tenantId: string; readonly relationshipId: string; readonly queued: number }[];
  /** Index rows that needed no planning: cancelled, moved (newer rows exist), deleted meetings. */
  readonly skipped: number;
  /** Relationships whose planning failed; their rows stay unhandled and the cursor waits for them. */
  readonly failed: number;
}

/** The meeting still has the time the moment was computed from, and was not cancelled. */
const stillDue = (moment: MeetingMoment, meeting: { readonly start: number; readonly end: number; readonly status: string }): boolean =>
  meeting.status !== 'cancelled' && (moment.kind === 'reminder' ? meeting.start : meeting.end) === moment.anchor;

/**
 * "Meetings that ended" (and the later nudge and the day-before reminder moments): reads the
 * meeting-moment index since the last run, checks each meeting as it is stored now (same times, not
 * cancelled), and plans each relationship once. Planning is idempotent on its own (planned keys), and
 * each index row is marked handled once planned, so a moment is planned by exactly one run.
 */
export async function planDueMessages(
  deps: { readonly index: TableMeetingMomentIndex; readonly repos: MentoringRepositories; readonly plan: BotHost['plan'] },
  now: number,
  logger: ApiLogger,
): Promise<PlanningOutcome> {
  const cursor = (await deps.index.readCursor(PLANNING_CURSOR)) ?? now - FIRST_RUN_LOOKBACK_MS;
  const entries = await deps.index.unhandledDueBetween(cursor - LATE_WRITE_GRACE_MS, now);
  const byRelationship = new Map<string, MeetingMoment[]>();
  for (const entry of entries) {
    const k = JSON.stringify([entry.tenantId, entry.relationshipId]);
    byRelationship.set(k, [...(byRelationship.get(k) ?? []), entry]);
  }
  const planned: { tenantId: string; relationshipId: string; queued: number }[] = [];
  let skipped = 0;
  let failed = 0;
  let nextCursor = now;
  // Rows handled are marked in batches (rows of one hour share a partition: one transaction per 100).
  // A crash before a batch is written leaves its rows unhandled: the next run plans them again, and
  // the planned keys keep that from queuing anything twice.
  let handled: { moment: MeetingMoment; outcome: 'planned' | 'skipped' }[] = [];
  const marking: Promise<void>[] = [];
  let markFailure: { error: unknown } | undefined;
  const flushHandled = () => {
    const batch = handled;
    handled = [];
    if (batch.length === 0) return;
    marking.push(
      deps.index.markAllHandled(batch, now).catch((error: unknown) => {
        markFailure ??= { error };
      }),
    );
  };
  const markHandled = (moment: MeetingMoment, outcome: 'planned' | 'skipped') => {
    handled.push({ moment, outcome });
    if (handled.length >= MARK_BATCH) flushHandled();
  };
  // Relationships are planned side by side (each touches only its own rows): a cohort's meetings ending
  // in the same hour are thousands of relationships, which one at a time would take minutes.
  await inParallel([...byRelationship.values()], PLANNING_CONCURRENCY, async (group) => {
    const { tenantId, relationshipId } = group[0]!;
    // One read of the relationship as stored now (a partition read): its meetings say which moments
    // are still due, and planning selects from the same copy.
    const aggregate = await deps.repos.relationships.getAggregate(tenantId, relationshipId);
    if (!aggregate.ok && aggregate.error.code !== STORAGE_NOT_FOUND) {
      failed += group.length;
      nextCursor = Math.min(nextCursor, ...group.map((e) => e.dueAt - 1));
      return;
    }
    const due: MeetingMoment[] = [];
    for (const entry of group) {
      const meeting = aggregate.ok ? aggregate.value.meetings.find((m) => m.id === entry.meetingId) : undefined;
      if (meeting && stillDue(entry, meeting)) due.push(entry);
      else {
        markHandled(entry, 'skipped');
        skipped++;
      }
    }
    if (due.length === 0 || !aggregate.ok) return;
    const outcome = await deps.plan(tenantId, relationshipId, aggregate.value);
    if (!outcome.ok && outcome.error.code !== STORAGE_NOT_FOUND) {
      logger.error('planning bot messages failed', { tenantId, relationshipId, code: outcome.error.code });
      failed++;
      nextCursor = Math.min(nextCursor, ...due.map((e) => e.dueAt - 1));
      return;
    }
    for (const entry of due) markHandled(entry, outcome.ok ? 'planned' : 'skipped');
    if (outcome.ok) planned.push({ tenantId, relationshipId, queued: outcome.value.length });
    else skipped += due.length;
  });
  flushHandled();
  await Promise.all(marking);
  // Unmarked rows are planned again by the next run (harmless, see above); the cursor waits for them.
  if (markFailure) throw markFailure.error;
  await deps.index.writeCursor(PLANNING_CURSOR, Math.max(cursor, nextCursor));
  planned.sort((a, b) => a.tenantId.localeCompare(b.tenantId) || a.relationshipId.localeCompare(b.relationshipId));
  if (planned.length > 0 || failed > 0) {
    logger.info('bot messages planned', { relationships: planned.length, queued: planned.reduce((n, p) => n + p.queued, 0), skipped, failed });
  }
  return { planned, skipped, failed };
}

/** The bot's timer: planning, every minute (delivery runs on the queue triggers). */
export function botTimers(runtime: () => Promise<BotRuntime>): readonly TimerDefinition[] {
  return [
    timerFunction('planBotMessages', '30 * * * * *', PLANNING_EVERY_MS, async (services, now, logger) => {
      const { host, meetingMoments } = await runtime();
      await planDueMessages({ index: meetingMoments, repos: services.repositories, plan: host.plan }, now, logger);
    }),
  ];
}
