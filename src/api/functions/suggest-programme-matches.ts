/** POST /api/programmes/{programmeId}/matches: The owner runs "suggest matches" over the programme's members; the answer is kept as the draft. */
import { ProgrammeParams, SuggestProgrammeMatchesBody, toCohortViewDto } from '../../contracts';
import { suggestProgrammeMatches as suggest } from '../../core/programmes/cohort-use-cases';
import { userFunction } from '../function-definition';
import { parseWith, respond } from '../respond';
import { callOf } from './use-case-call';
import { programmeDepsOf } from './programme-call';

export const suggestProgrammeMatches = userFunction('suggestProgrammeMatches', 'POST', 'programmes/{programmeId}/matches', async (call, services) => {
  const params = parseWith(ProgrammeParams, call.request.params, 'params');
  if (!params.ok) return params;
  const body = parseWith(SuggestProgrammeMatchesBody, call.body ?? {}, 'body');
  if (!body.ok) return body;
  return respond(await suggest(programmeDepsOf(services), callOf(call, { ...params.value, ...body.value })), 200, toCohortViewDto);
});
