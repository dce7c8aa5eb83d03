/** GET /api/me/teams-app: whether the bot can reach me in Teams chat, and if not why (the tab says what to do). */
import { myReach } from '../../core/reach/reach-people';
import { ok } from '../../core/result';
import { userFunction } from '../function-definition';
import { respond } from '../respond';

export const getMyTeamsApp = userFunction('getMyTeamsApp', 'GET', 'me/teams-app', async (call, services) => {
  if (!services.reachRecords) return respond(ok('unknown' as const), 200, (reach) => ({ reach }));
  return respond(await myReach(services.reachRecords, call.principal.tenantId, call.principal.userId), 200, (reach) => ({ reach }));
});
