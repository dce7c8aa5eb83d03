/** GET /api/programmes/{programmeId}/members: Who joined, for the programme's owners. */
import { ProgrammeParams, toMemberListDto } from '../../contracts';
import { listProgrammeMembers as list } from '../../core/programmes/programme-use-cases';
import { userFunction } from '../function-definition';
import { parseWith, respond } from '../respond';
import { callOf } from './use-case-call';
import { programmeDepsOf } from './programme-call';

export const listProgrammeMembers = userFunction('listProgrammeMembers', 'GET', 'programmes/{programmeId}/members', async (call, services) => {
  const params = parseWith(ProgrammeParams, call.request.params, 'params');
  if (!params.ok) return params;
  return respond(await list(programmeDepsOf(services), callOf(call, params.value)), 200, toMemberListDto);
});
