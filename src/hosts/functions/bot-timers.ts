/**
 * The bot's timers, defined once: Azure registers them with `app.timer`, the local host runs them on
 * an interval. They take the bot from a getter because the bot is composed after the API host.
 */
import type { MeetingMoment, TableMeetingMomentIndex } from '../../adapters/storage/table-meeting-moment-index';
import type { BotHost } from './bot-composition';
import type { MentoringRepositories } from '../../core/ports/repositories';
import { STORAGE_NOT_FOUND } from '../../core/ports/repositories';
import type { ApiLogger } from '../../api/api-services';
import { timerFunction, type TimerDefinition } from '../../api/function-definition';

export interface BotRuntime {
  readonly host: BotHost;
  readonly meetingMoments: TableMeetingMomentIndex;
}

export const DELIVERY_EVERY_MS = 60_000;
/** A run stops taking new batches after this, so the next minute's run never overlaps it. */
const DELIVERY_BUDGET_MS = 45_000;
export const PLANNING_EVERY_MS = 60_000;
export const PLANNING_CURSOR = 'planned-moments';
/** The first run looks this far back. */
const FIRST_RUN_LOOKBACK_MS = 24 * 3_600_000;
/**
 * Each run looks again this far behind its cursor: a meeting written just after a run read its
 * hour, with an end before that run's `now`, is still found. Handled rows are not read again.
 */
const LATE_WRITE_GRACE_MS = 3_600_000;

/** Delivers due jobs from the queue until it is empty or the run's time budget is spent. */
export async function deliverDueMessages(host: BotHost, logger: ApiLogger, budgetMs = DELIVERY_BUDGET_MS): Promise<number> {
  const started = Date.now();
  let handled = 0;
  for (;;) {
    const done = await host.worker.runOnce();
    handled += done.length;
    if (done.length === 0 || Date.now() - started > budgetMs) break;
  }
  if (handled > 0) logger.info('bot deliveries', { handled });
  return handled;
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
  for (const group of byRelationship.values()) {
    const { tenantId, relationshipId } = group[0]!;
    const due: MeetingMoment[] = [];
    for (const entry of group) {
      const meeting = await deps.repos.relationships.meetings.get(tenantId, relationshipId, entry.meetingId);
      if (!meeting.ok && meeting.error.code !== STORAGE_NOT_FOUND) {
        failed++;
        nextCursor = Math.min(nextCursor, entry.dueAt - 1);
        continue;
      }
      if (meeting.ok && stillDue(entry, meeting.value)) due.push(entry);
      else {
        await deps.index.markHandled(entry, 'skipped', now);
        skipped++;
      }
    }
    if (due.length === 0) continue;
    const outcome = await deps.plan(tenantId, relationshipId);
    if (!outcome.ok && outcome.error.code !== STORAGE_NOT_FOUND) {
      logger.error('planning bot messages failed', { tenantId, relationshipId, code: outcome.error.code });
      failed++;
      nextCursor = Math.min(nextCursor, ...due.map((e) => e.dueAt - 1));
      continue;
    }
    for (const entry of due) await deps.index.markHandled(entry, outcome.ok ? 'planned' : 'skipped', now);
    if (outcome.ok) planned.push({ tenantId, relationshipId, queued: outcome.value.length });
    else skipped += due.length;
  }
  await deps.index.writeCursor(PLANNING_CURSOR, Math.max(cursor, nextCursor));
  if (planned.length > 0 || failed > 0) {
    logger.info('bot messages planned', { relationships: planned.length, queued: planned.reduce((n, p) => n + p.queued, 0), skipped, failed });
  }
  return { planned, skipped, failed };
}

/** Both bot timers, each every minute. */
export function botTimers(runtime: () => Promise<BotRuntime>): readonly TimerDefinition[] {
  return [
    timerFunction('deliverBotMessages', '0 * * * * *', DELIVERY_EVERY_MS, async (_services, _now, logger) => {
      await deliverDueMessages((await runtime()).host, logger);
    }),
    timerFunction('planBotMessages', '30 * * * * *', PLANNING_EVERY_MS, async (services, now, logger) => {
      const { host, meetingMoments } = await runtime();
      await planDueMessages({ index: meetingMoments, repos: services.repositories, plan: host.plan }, now, logger);
    }),
  ];
}
