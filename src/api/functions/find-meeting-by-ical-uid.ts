/** GET /api/meetings/by-ical-uid/{iCalUId}: which of my mentoring meetings this invite is (the Outlook pane on an attendee's copy). */
import { MeetingByICalUIdParams } from '../../contracts/booking';
import { findMeetingByICalUId as findMeetingByICalUIdUseCase } from '../../core/booking';
import { userFunction } from '../function-definition';
import { parseWith, respond } from '../respond';
import { callOf, depsOf } from './use-case-call';

export const findMeetingByICalUId = userFunction('findMeetingByICalUId', 'GET', 'meetings/by-ical-uid/{iCalUId}', async (call, services) => {
  const params = parseWith(MeetingByICalUIdParams, call.request.params, 'params');
  if (!params.ok) return params;
  return respond(await findMeetingByICalUIdUseCase(depsOf(services), callOf(call, params.value)), 200, (found) => ({ ...found }));
});
