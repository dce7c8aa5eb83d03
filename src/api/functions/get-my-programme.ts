/** GET /api/me/programmes/{programmeId}: One programme as a person it is open to sees it (an invitation's landing). */
import { ProgrammeParams, toMemberProgrammeDto } from '../../contracts';
import { getMemberProgramme } from '../../core/programmes/member-programmes';
import { userFunction } from '../function-definition';
import { parseWith, respond } from '../respond';
import { callOf } from './use-case-call';
import { programmeDepsOf } from './programme-call';

export const getMyProgramme = userFunction('getMyProgramme', 'GET', 'me/programmes/{programmeId}', async (call, services) => {
  const params = parseWith(ProgrammeParams, call.request.params, 'params');
  if (!params.ok) return params;
  return respond(await getMemberProgramme(programmeDepsOf(services), callOf(call, params.value)), 200, toMemberProgrammeDto);
});
