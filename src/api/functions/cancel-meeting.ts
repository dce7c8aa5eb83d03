/**
 * DELETE /api/relationships/{relationshipId}/meetings/{meetingId}: cancel in Outlook with a comment; the meeting stays on record.
 * The version read is required (If-Match or "version"), so a meeting moved meanwhile is not cancelled unseen.
 */
import { CancelMeetingBody, MeetingParams } from '../../contracts/booking';
import { toMeetingDto } from '../../contracts/relationships';
import { cancelMeeting as cancelMeetingUseCase } from '../../core/booking';
import { userFunction } from '../function-definition';
import { parseWith, respond } from '../respond';
import { bookingDepsOf } from './booking-call';
import { callOf, hasVersion, versionRequired, withIfMatch } from './use-case-call';

export const cancelMeeting = userFunction('cancelMeeting', 'DELETE', 'relationships/{relationshipId}/meetings/{meetingId}', async (call, services) => {
  const params = parseWith(MeetingParams, call.request.params, 'params');
  if (!params.ok) return params;
  const body = parseWith(CancelMeetingBody, withIfMatch(call, {}), 'body');
  if (!body.ok) return body;
  if (!hasVersion(call)) return versionRequired();
  const deps = bookingDepsOf(call, services);
  if (!deps.ok) return deps;
  const input = { ...params.value, comment: body.value.comment, ...(body.value.version !== undefined ? { version: body.value.version } : {}) };
  return respond(await cancelMeetingUseCase(deps.value, callOf(call, input)), 200, toMeetingDto);
});
