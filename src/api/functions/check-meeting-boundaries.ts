/** POST /api/relationships/{relationshipId}/meetings/{meetingId}/boundary-check: would this time keep the agreement? */
import { BoundaryCheckBody, MeetingParams, toBoundaryCheckDto } from '../../contracts/booking';
import { fromIso } from '../../contracts';
import { checkMeetingBoundaries as checkMeetingBoundariesUseCase } from '../../core/booking';
import { userFunction } from '../function-definition';
import { parseWith, respond } from '../respond';
import { bookingDepsOf } from './booking-call';
import { callOf } from './use-case-call';

export const checkMeetingBoundaries = userFunction('checkMeetingBoundaries', 'POST', 'relationships/{relationshipId}/meetings/{meetingId}/boundary-check', async (call, services) => {
  const params = parseWith(MeetingParams, call.request.params, 'params');
  if (!params.ok) return params;
  const body = parseWith(BoundaryCheckBody, call.body, 'body');
  if (!body.ok) return body;
  const deps = bookingDepsOf(call, services);
  if (!deps.ok) return deps;
  const input = { ...params.value, start: fromIso(body.value.start), end: fromIso(body.value.end) };
  return respond(await checkMeetingBoundariesUseCase(deps.value, callOf(call, input)), 200, toBoundaryCheckDto);
});
