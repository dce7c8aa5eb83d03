/** POST /api/programmes: An owner creates a programme of their tenant. */
import { CreateProgrammeBody, toProgrammeDto } from '../../contracts';
import { createProgramme as create } from '../../core/programmes/programme-use-cases';
import { userFunction } from '../function-definition';
import { parseWith, respond } from '../respond';
import { callOf } from './use-case-call';
import { programmeDepsOf } from './programme-call';

export const createProgramme = userFunction('createProgramme', 'POST', 'programmes', async (call, services) => {
  const body = parseWith(CreateProgrammeBody, call.body, 'body');
  if (!body.ok) return body;
  return respond(await create(programmeDepsOf(services), callOf(call, body.value)), 201, toProgrammeDto);
});
