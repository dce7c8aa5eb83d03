/**
 * The programme health timer (hourly): time alone turns some pairs "at risk" (nothing held in two
 * cadence periods, no agreement seven days after the match) while nothing of theirs is written.
 * For every programme it reads the pairs' recorded facts (one partition query, off any request) and
 * records those whose risks changed with the time, which moves the counters by the difference.
 */
import { sameFacts, withRisksAsOf } from '../../core/programmes/programme-health';
import { planInvitations } from '../../core/programmes/programme-messages';
import type { ApiLogger, ApiServices } from '../api-services';
import { timerFunction } from '../function-definition';

export const PROGRAMME_HEALTH_EVERY_MS = 60 * 60_000;

export async function refreshProgrammeRisks(services: ApiServices, now: number, logger: ApiLogger): Promise<{ programmes: number; changed: number }> {
  const all = await services.programmes.listAll();
  if (!all.ok) {
    logger.error('programme health timer could not read its register', { code: all.error.code });
    return { programmes: 0, changed: 0 };
  }
  let changed = 0;
  for (const { tenantId, programmeId } of all.value) {
    const pairs = await services.programmeHealth.listPairs(tenantId, programmeId);
    if (!pairs.ok) {
      logger.error('programme health timer could not read the pairs', { tenantId, programmeId, code: pairs.error.code });
      continue;
    }
    for (const pair of pairs.value) {
      const later = withRisksAsOf(pair, now);
      if (sameFacts(later, pair)) continue;
      const recorded = await services.programmeHealth.recordPair(tenantId, programmeId, later);
      if (recorded.ok) changed += 1;
      else logger.error('programme health timer could not record a pair', { tenantId, programmeId, relationshipId: pair.relationshipId, code: recorded.error.code });
    }
  }
  return { programmes: all.value.length, changed };
}

/**
 * Invitation cards not yet planned (the owner's save could not reach the bot's queues): every
 * invited-list programme's campaign planned again, which plans only who is missing.
 */
export async function planMissingInvitations(services: ApiServices, now: number, logger: ApiLogger): Promise<{ programmes: number; failed: number }> {
  const all = await services.programmes.listAll();
  if (!all.ok) return { programmes: 0, failed: 0 };
  const messenger = await services.programmeMessenger();
  if (!messenger.ok) {
    logger.info('programme invitations not planned: no bot on this host', { code: messenger.error.code });
    return { programmes: 0, failed: 0 };
  }
  let programmes = 0;
  let failed = 0;
  for (const { tenantId, programmeId } of all.value) {
    const programme = await services.programmes.get(tenantId, programmeId);
    if (!programme.ok || programme.value.joinPolicy.kind !== 'invited') continue;
    programmes += 1;
    const planned = await planInvitations(messenger.value, tenantId, programme.value, now);
    if (!planned.ok) {
      failed += 1;
      logger.error('programme invitations not planned', { tenantId, programmeId, code: planned.error.code });
    }
  }
  return { programmes, failed };
}

export const programmeHealthTimer = timerFunction('programmeHealth', '0 0 * * * *', PROGRAMME_HEALTH_EVERY_MS, async (services, now, logger) => {
  const outcome = await refreshProgrammeRisks(services, now, logger);
  logger.info('programme health', outcome);
  logger.info('programme invitations', await planMissingInvitations(services, now, logger));
});
