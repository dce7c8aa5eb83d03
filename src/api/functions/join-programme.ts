/** PUT /api/programmes/{programmeId}/membership: Join a programme (again: change one's role and windows). */
import { JoinProgrammeBody, ProgrammeParams, toMembershipDto } from '../../contracts';
import { joinProgramme as join } from '../../core/programmes/programme-use-cases';
import { userFunction } from '../function-definition';
import { parseWith, respond } from '../respond';
import { callOf } from './use-case-call';
import { programmeDepsOf } from './programme-call';

export const joinProgramme = userFunction('joinProgramme', 'PUT', 'programmes/{programmeId}/membership', async (call, services) => {
  const params = parseWith(ProgrammeParams, call.request.params, 'params');
  if (!params.ok) return params;
  const body = parseWith(JoinProgrammeBody, call.body, 'body');
  if (!body.ok) return body;
  const { workingHours, ...rest } = body.value;
  return respond(await join(programmeDepsOf(services), callOf(call, { ...params.value, ...rest, ...(workingHours ? { workingHours } : {}) })), 200, toMembershipDto);
});
