/** GET /api/relationships/{relationshipId}/slots: ranked slots for the next meeting, or why none exists. */
import { RelationshipParams } from '../../contracts';
import { ProposeSlotsQuery, toSlotProposalDto } from '../../contracts/booking';
import { proposeMeetingSlots } from '../../core/booking';
import { userFunction } from '../function-definition';
import { parseWith, queryObject, respond } from '../respond';
import { bookingDepsOf } from './booking-call';
import { callOf } from './use-case-call';

export const proposeSlots = userFunction('proposeSlots', 'GET', 'relationships/{relationshipId}/slots', async (call, services) => {
  const params = parseWith(RelationshipParams, call.request.params, 'params');
  if (!params.ok) return params;
  const query = parseWith(ProposeSlotsQuery, queryObject(call), 'query');
  if (!query.ok) return query;
  const deps = bookingDepsOf(call, services);
  if (!deps.ok) return deps;
  const input = { relationshipId: params.value.relationshipId, ...(query.value.maxSlots !== undefined ? { maxSlots: query.value.maxSlots } : {}) };
  return respond(await proposeMeetingSlots(deps.value, callOf(call, input)), 200, toSlotProposalDto);
});
