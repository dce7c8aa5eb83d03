/** PATCH /api/relationships/{relationshipId}/meetings/{meetingId}: move a meeting inside the boundaries. */
import { MeetingParams, RescheduleMeetingBody } from '../../contracts/booking';
import { toMeetingDto } from '../../contracts/relationships';
import { fromIso } from '../../contracts';
import { rescheduleMeeting as rescheduleMeetingUseCase } from '../../core/booking';
import { userFunction } from '../function-definition';
import { parseWith, respond } from '../respond';
import { bookingDepsOf } from './booking-call';
import { callOf, withIfMatch, hasVersion, versionRequired } from './use-case-call';

export const rescheduleMeeting = userFunction('rescheduleMeeting', 'PATCH', 'relationships/{relationshipId}/meetings/{meetingId}', async (call, services) => {
  const params = parseWith(MeetingParams, call.request.params, 'params');
  if (!params.ok) return params;
  if (!hasVersion(call)) return versionRequired();
  const body = parseWith(RescheduleMeetingBody, withIfMatch(call), 'body');
  if (!body.ok) return body;
  const deps = bookingDepsOf(call, services);
  if (!deps.ok) return deps;
  const input = { ...params.value, start: fromIso(body.value.start), ...(body.value.version !== undefined ? { version: body.value.version } : {}) };
  return respond(await rescheduleMeetingUseCase(deps.value, callOf(call, input)), 200, toMeetingDto);
});
