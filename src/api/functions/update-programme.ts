/** PATCH /api/programmes/{programmeId}: An owner edits the programme; the version read is required. */
import { ProgrammeParams, UpdateProgrammeBody, toProgrammeDto } from '../../contracts';
import { updateProgramme as update } from '../../core/programmes/programme-use-cases';
import { userFunction } from '../function-definition';
import { parseWith, respond } from '../respond';
import { callOf, hasVersion, versionRequired, withIfMatch } from './use-case-call';
import { programmeDepsOf } from './programme-call';
import { consoleLogger } from '../api-services';
import { raiseFeedEvent } from '../feed-services';
import { raiseProgrammeInvitations } from '../../core/feed/raise-feed-events';

export const updateProgramme = userFunction('updateProgramme', 'PATCH', 'programmes/{programmeId}', async (call, services) => {
  const params = parseWith(ProgrammeParams, call.request.params, 'params');
  if (!params.ok) return params;
  if (!hasVersion(call)) return versionRequired();
  const body = parseWith(UpdateProgrammeBody, withIfMatch(call), 'body');
  if (!body.ok) return body;
  const updated = await update(programmeDepsOf(services), callOf(call, { ...params.value, ...body.value }));
  // Everyone on the invited list is raised again: those told before have the event's key delivered and hear nothing new.
  if (updated.ok) await raiseFeedEvent(services.feed, consoleLogger, 'programmeInvitation', (feed) => raiseProgrammeInvitations(feed, call.principal.tenantId, updated.value, undefined, call.now));
  return respond(updated, 200, toProgrammeDto);
});
