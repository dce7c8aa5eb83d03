/** POST /api/programmes/{programmeId}/announcements: The owner's announcement, planned as one bot message per member (a retry with the same clientKey plans nothing twice). */
import { ProgrammeParams, SendAnnouncementBody, toAnnouncementDto } from '../../contracts';
import { sendAnnouncement as send } from '../../core/programmes/programme-messages';
import { userFunction } from '../function-definition';
import { parseWith, respond } from '../respond';
import { callOf } from './use-case-call';
import { programmeMessagesDepsOf } from './programme-messages-call';

export const sendProgrammeAnnouncement = userFunction('sendProgrammeAnnouncement', 'POST', 'programmes/{programmeId}/announcements', async (call, services) => {
  const params = parseWith(ProgrammeParams, call.request.params, 'params');
  if (!params.ok) return params;
  const body = parseWith(SendAnnouncementBody, call.body, 'body');
  if (!body.ok) return body;
  return respond(await send(programmeMessagesDepsOf(services), callOf(call, { ...params.value, ...body.value })), 202, toAnnouncementDto);
});
