/** GET /api/programmes/{programmeId}/announcements/{announcementId}: How far the announcement has gone out (counts only). */
import { AnnouncementParams, toAnnouncementDto } from '../../contracts';
import { getAnnouncement as get } from '../../core/programmes/programme-messages';
import { userFunction } from '../function-definition';
import { parseWith, respond } from '../respond';
import { callOf } from './use-case-call';
import { programmeMessagesDepsOf } from './programme-messages-call';

export const getProgrammeAnnouncement = userFunction('getProgrammeAnnouncement', 'GET', 'programmes/{programmeId}/announcements/{announcementId}', async (call, services) => {
  const params = parseWith(AnnouncementParams, call.request.params, 'params');
  if (!params.ok) return params;
  return respond(await get(programmeMessagesDepsOf(services), callOf(call, params.value)), 200, toAnnouncementDto);
});
