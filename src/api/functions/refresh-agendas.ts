/**
 * POST /api/relationships/{relationshipId}/agendas/refresh: after the pair edits goals, the roadmap
 * or action items, the invites of future meetings get the new agenda (unchanged ones are not sent).
 */
import { RelationshipParams } from '../../contracts';
import { refreshAgendas as refreshAgendasUseCase } from '../../core/booking';
import { loadMembership } from '../../core/usecases/relationship-access';
import { userFunction } from '../function-definition';
import { parseWith, respond } from '../respond';
import { bookingDepsOf } from './booking-call';

export const refreshAgendas = userFunction('refreshAgendas', 'POST', 'relationships/{relationshipId}/agendas/refresh', async (call, services) => {
  const params = parseWith(RelationshipParams, call.request.params, 'params');
  if (!params.ok) return params;
  const membership = await loadMembership({ repos: services.repositories }, call.principal, params.value.relationshipId);
  if (!membership.ok) return membership;
  const deps = bookingDepsOf(call, services);
  if (!deps.ok) return deps;
  const outcome = await refreshAgendasUseCase(deps.value, { tenantId: call.principal.tenantId, relationshipId: params.value.relationshipId }, call.now);
  return respond(outcome, 200, (o) => ({ updated: [...o.updated], unchanged: [...o.unchanged], failed: o.failed.map((f) => ({ ...f })) }));
});
