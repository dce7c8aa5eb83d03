/** POST /api/programmes/{programmeId}/matches/publish: Publish the reviewed matches; a retry makes only what is missing. */
import { ProgrammeParams, PublishProgrammeMatchesBody, toPublishOutcomeDto } from '../../contracts';
import { publishProgrammeMatches as publish } from '../../core/programmes/cohort-use-cases';
import { userFunction } from '../function-definition';
import { parseWith, respond } from '../respond';
import { callOf, hasVersion, versionRequired, withIfMatch } from './use-case-call';
import { programmeDepsOf } from './programme-call';

export const publishProgrammeMatches = userFunction('publishProgrammeMatches', 'POST', 'programmes/{programmeId}/matches/publish', async (call, services) => {
  const params = parseWith(ProgrammeParams, call.request.params, 'params');
  if (!params.ok) return params;
  if (!hasVersion(call)) return versionRequired();
  const body = parseWith(PublishProgrammeMatchesBody, withIfMatch(call), 'body');
  if (!body.ok) return body;
  return respond(await publish(programmeDepsOf(services), callOf(call, { ...params.value, ...body.value })), 200, toPublishOutcomeDto);
});
