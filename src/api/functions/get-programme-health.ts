/** GET /api/programmes/{programmeId}/health: The owner's dashboard — counters kept as pairs change, and the pairs at risk. */
import { ProgrammeParams, toHealthDto } from '../../contracts';
import { getProgrammeHealth as get } from '../../core/programmes/programme-use-cases';
import { userFunction } from '../function-definition';
import { parseWith, respond } from '../respond';
import { callOf } from './use-case-call';

export const getProgrammeHealth = userFunction('getProgrammeHealth', 'GET', 'programmes/{programmeId}/health', async (call, services) => {
  const params = parseWith(ProgrammeParams, call.request.params, 'params');
  if (!params.ok) return params;
  return respond(await get({ programmes: services.programmes, health: services.programmeHealth }, callOf(call, params.value)), 200, toHealthDto);
});
