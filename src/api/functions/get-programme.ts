/** GET /api/programmes/{programmeId}: The programme with every field, for its owners. */
import { ProgrammeParams, toProgrammeDto } from '../../contracts';
import { getProgrammeAsOwner } from '../../core/programmes/programme-use-cases';
import { userFunction } from '../function-definition';
import { parseWith, respond } from '../respond';
import { callOf } from './use-case-call';
import { programmeDepsOf } from './programme-call';

export const getProgramme = userFunction('getProgramme', 'GET', 'programmes/{programmeId}', async (call, services) => {
  const params = parseWith(ProgrammeParams, call.request.params, 'params');
  if (!params.ok) return params;
  return respond(await getProgrammeAsOwner(programmeDepsOf(services), callOf(call, params.value)), 200, toProgrammeDto);
});
