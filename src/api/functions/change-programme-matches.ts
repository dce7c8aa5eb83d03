/** PUT /api/programmes/{programmeId}/matches: The owner's swaps: the whole assignment, each pair checked as a suggested one. */
import { ChangeProgrammeMatchesBody, ProgrammeParams, toCohortViewDto } from '../../contracts';
import { changeProgrammeMatches as change } from '../../core/programmes/cohort-use-cases';
import { userFunction } from '../function-definition';
import { parseWith, respond } from '../respond';
import { callOf, hasVersion, versionRequired, withIfMatch } from './use-case-call';
import { programmeDepsOf } from './programme-call';

export const changeProgrammeMatches = userFunction('changeProgrammeMatches', 'PUT', 'programmes/{programmeId}/matches', async (call, services) => {
  const params = parseWith(ProgrammeParams, call.request.params, 'params');
  if (!params.ok) return params;
  if (!hasVersion(call)) return versionRequired();
  const body = parseWith(ChangeProgrammeMatchesBody, withIfMatch(call), 'body');
  if (!body.ok) return body;
  return respond(await change(programmeDepsOf(services), callOf(call, { ...params.value, ...body.value })), 200, toCohortViewDto);
});
