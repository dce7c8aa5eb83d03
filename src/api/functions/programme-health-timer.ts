/**
 * The programme health timer (hourly): time alone turns some pairs "at risk" (nothing held in two
 * cadence periods, no agreement seven days after the match) while nothing of theirs is written.
 * For every programme it reads the pairs' recorded facts (one partition query, off any request) and
 * records those whose risks changed with the time, which moves the counters by the difference.
 */
import { sameFacts, withRisksAsOf } from '../../core/programmes/programme-health';
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

export const programmeHealthTimer = timerFunction('programmeHealth', '0 0 * * * *', PROGRAMME_HEALTH_EVERY_MS, async (services, now, logger) => {
  const outcome = await refreshProgrammeRisks(services, now, logger);
  logger.info('programme health', outcome);
});
