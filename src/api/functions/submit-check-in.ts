/** PUT /api/relationships/{relationshipId}/meetings/{meetingId}/checkin: Submit (or edit) my check-in for one meeting. */
import { CheckInParams, SubmitCheckInBody, toCheckInDto } from '../../contracts';
import * as useCases from '../../core/usecases';
import { userFunction } from '../function-definition';
import { parseWith, respond } from '../respond';
import { callOf, depsOf, withIfMatch } from './use-case-call';

export const submitCheckIn = userFunction('submitCheckIn', 'PUT', 'relationships/{relationshipId}/meetings/{meetingId}/checkin', async (call, services) => {
  const params = parseWith(CheckInParams, call.request.params, 'params');
  if (!params.ok) return params;
  const body = parseWith(SubmitCheckInBody, withIfMatch(call), 'body');
  if (!body.ok) return body;
  return respond(await useCases.submitCheckIn(depsOf(services), callOf(call, { ...params.value, ...body.value })), 200, toCheckInDto);
});
