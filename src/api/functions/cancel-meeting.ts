/** DELETE /api/relationships/{relationshipId}/meetings/{meetingId}: cancel in Outlook with a comment; the meeting stays on record. */
import { CancelMeetingBody, MeetingParams } from '../../contracts/booking';
import { toMeetingDto } from '../../contracts/relationships';
import { cancelMeeting as cancelMeetingUseCase } from '../../core/booking';
import { userFunction } from '../function-definition';
import { parseWith, respond } from '../respond';
import { bookingDepsOf } from './booking-call';
import { callOf } from './use-case-call';

export const cancelMeeting = userFunction('cancelMeeting', 'DELETE', 'relationships/{relationshipId}/meetings/{meetingId}', async (call, services) => {
  const params = parseWith(MeetingParams, call.request.params, 'params');
  if (!params.ok) return params;
  const body = parseWith(CancelMeetingBody, call.body ?? {}, 'body');
  if (!body.ok) return body;
  const deps = bookingDepsOf(call, services);
  if (!deps.ok) return deps;
  return respond(await cancelMeetingUseCase(deps.value, callOf(call, { ...params.value, comment: body.value.comment })), 200, toMeetingDto);
});
