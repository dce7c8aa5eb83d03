/** GET /api/programmes/{programmeId}/matches: The cohort's current matches, for review. */
import { ProgrammeParams, toCohortViewDto } from '../../contracts';
import { getProgrammeMatches as get } from '../../core/programmes/cohort-use-cases';
import { userFunction } from '../function-definition';
import { parseWith, respond } from '../respond';
import { callOf } from './use-case-call';
import { programmeDepsOf } from './programme-call';

export const getProgrammeMatches = userFunction('getProgrammeMatches', 'GET', 'programmes/{programmeId}/matches', async (call, services) => {
  const params = parseWith(ProgrammeParams, call.request.params, 'params');
  if (!params.ok) return params;
  return respond(await get(programmeDepsOf(services), callOf(call, params.value)), 200, toCohortViewDto);
});
