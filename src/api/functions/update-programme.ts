/** PATCH /api/programmes/{programmeId}: An owner edits the programme; the version read is required. */
import { ProgrammeParams, UpdateProgrammeBody, toProgrammeDto } from '../../contracts';
import { updateProgramme as update } from '../../core/programmes/programme-use-cases';
import { userFunction } from '../function-definition';
import { parseWith, respond } from '../respond';
import { callOf, hasVersion, versionRequired, withIfMatch } from './use-case-call';
import { programmeDepsOf } from './programme-call';

export const updateProgramme = userFunction('updateProgramme', 'PATCH', 'programmes/{programmeId}', async (call, services) => {
  const params = parseWith(ProgrammeParams, call.request.params, 'params');
  if (!params.ok) return params;
  if (!hasVersion(call)) return versionRequired();
  const body = parseWith(UpdateProgrammeBody, withIfMatch(call), 'body');
  if (!body.ok) return body;
  return respond(await update(programmeDepsOf(services), callOf(call, { ...params.value, ...body.value })), 200, toProgrammeDto);
});
