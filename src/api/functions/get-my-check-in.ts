/** GET /api/relationships/{relationshipId}/meetings/{meetingId}/checkin: My check-in for one meeting. */
import { CheckInParams, toCheckInDto } from '../../contracts';
import * as useCases from '../../core/usecases';
import { userFunction } from '../function-definition';
import { parseWith, respond } from '../respond';
import { callOf, depsOf } from './use-case-call';

export const getMyCheckIn = userFunction('getMyCheckIn', 'GET', 'relationships/{relationshipId}/meetings/{meetingId}/checkin', async (call, services) => {
  const params = parseWith(CheckInParams, call.request.params, 'params');
  if (!params.ok) return params;
  return respond(await useCases.getMyCheckIn(depsOf(services), callOf(call, params.value)), 200, toCheckInDto);
});
