/** GET /api/relationships/{relationshipId}/unbooked-meetings: the series' deferred and unplaced meetings, as the last booking left them. */
import { RelationshipParams } from '../../contracts';
import { toUnbookedMeetingsDto } from '../../contracts/booking';
import { readUnbookedMeetings as readUnbookedMeetingsUseCase } from '../../core/booking';
import { userFunction } from '../function-definition';
import { parseWith, respond } from '../respond';
import { callOf } from './use-case-call';

export const readUnbookedMeetings = userFunction('readUnbookedMeetings', 'GET', 'relationships/{relationshipId}/unbooked-meetings', async (call, services) => {
  const params = parseWith(RelationshipParams, call.request.params, 'params');
  if (!params.ok) return params;
  return respond(await readUnbookedMeetingsUseCase(services.booking.records, callOf(call, params.value)), 200, toUnbookedMeetingsDto);
});
