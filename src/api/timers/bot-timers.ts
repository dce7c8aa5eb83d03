/**
 * The bot's timers, defined once: Azure registers them with `app.timer`, the local host runs them on
 * an interval. They take the bot from a getter because the bot is composed after the API host.
 */
import type { MeetingEndEntry, TableMeetingEndIndex } from '../../adapters/storage/table-meeting-end-index';
import type { BotHost } from '../../bot/host/bot-composition';
import type { MentoringRepositories } from '../../core/ports/repositories';
import { STORAGE_NOT_FOUND } from '../../core/ports/repositories';
import type { ApiLogger } from '../api-services';
import { timerFunction, type TimerDefinition } from '../function-definition';

export interface BotRuntime {
  readonly host: BotHost;
  readonly meetingEnds: TableMeetingEndIndex;
}

export const DELIVERY_EVERY_MS = 60_000;
/** A run stops taking new batches after this, so the next minute's run never overlaps it. */
const DELIVERY_BUDGET_MS = 45_000;
export const MEETINGS_ENDED_EVERY_MS = 60_000;
export const MEETINGS_ENDED_CURSOR = 'meetings-ended';
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

export interface MeetingsEndedOutcome {
  /** Relationships whose deliveries were planned (once each per run, for all their ended meetings). */
  readonly planned: readonly { readonly tenantId: string; readonly relationshipId: string; readonly queued: number }[];
  /** Index rows that needed no planning: cancelled, moved (a newer row exists), deleted meetings. */
  readonly skipped: number;
  /** Relationships whose planning failed; their rows stay unhandled and the cursor waits for them. */
  readonly failed: number;
}

/**
 * "Meetings that ended": reads the meeting-end index since the last run, checks each meeting as it is
 * stored now (still ending then, not cancelled), and plans each relationship once. Planning is
 * idempotent on its own (planned keys), and each index row is marked handled once planned, so a
 * meeting is planned by exactly one run.
 */
export async function planEndedMeetings(
  deps: { readonly index: TableMeetingEndIndex; readonly repos: MentoringRepositories; readonly plan: BotHost['plan'] },
  now: number,
  logger: ApiLogger,
): Promise<MeetingsEndedOutcome> {
  const cursor = (await deps.index.readCursor(MEETINGS_ENDED_CURSOR)) ?? now - FIRST_RUN_LOOKBACK_MS;
  const entries = await deps.index.unhandledEndingBetween(cursor - LATE_WRITE_GRACE_MS, now);
  const byRelationship = new Map<string, MeetingEndEntry[]>();
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
    const due: MeetingEndEntry[] = [];
    for (const entry of group) {
      const meeting = await deps.repos.relationships.meetings.get(tenantId, relationshipId, entry.meetingId);
      if (!meeting.ok && meeting.error.code !== STORAGE_NOT_FOUND) {
        failed++;
        nextCursor = Math.min(nextCursor, entry.end - 1);
        continue;
      }
      if (meeting.ok && meeting.value.status !== 'cancelled' && meeting.value.end === entry.end) due.push(entry);
      else {
        await deps.index.markHandled(entry, 'skipped', now);
        skipped++;
      }
    }
    if (due.length === 0) continue;
    const outcome = await deps.plan(tenantId, relationshipId);
    if (!outcome.ok && outcome.error.code !== STORAGE_NOT_FOUND) {
      logger.error('planning check-ins for ended meetings failed', { tenantId, relationshipId, code: outcome.error.code });
      failed++;
      nextCursor = Math.min(nextCursor, ...due.map((e) => e.end - 1));
      continue;
    }
    for (const entry of due) await deps.index.markHandled(entry, outcome.ok ? 'planned' : 'skipped', now);
    if (outcome.ok) planned.push({ tenantId, relationshipId, queued: outcome.value.length });
    else skipped += due.length;
  }
  await deps.index.writeCursor(MEETINGS_ENDED_CURSOR, Math.max(cursor, nextCursor));
  if (planned.length > 0 || failed > 0) {
    logger.info('meetings ended', { relationships: planned.length, queued: planned.reduce((n, p) => n + p.queued, 0), skipped, failed });
  }
  return { planned, skipped, failed };
}

/** Both bot timers, each every minute. */
export function botTimers(runtime: () => Promise<BotRuntime>): readonly TimerDefinition[] {
  return [
    timerFunction('deliverBotMessages', '0 * * * * *', DELIVERY_EVERY_MS, async (_services, _now, logger) => {
      await deliverDueMessages((await runtime()).host, logger);
    }),
    timerFunction('planEndedMeetings', '30 * * * * *', MEETINGS_ENDED_EVERY_MS, async (services, now, logger) => {
      const { host, meetingEnds } = await runtime();
      await planEndedMeetings({ index: meetingEnds, repos: services.repositories, plan: host.plan }, now, logger);
    }),
  ];
}
