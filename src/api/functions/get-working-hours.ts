/** GET /api/relationships/{relationshipId}/working-hours: both people's Outlook working hours, the defaults of a new agreement. */
import { RelationshipParams } from '../../contracts';
import { toPairWorkingHoursDto } from '../../contracts/agreement';
import { readPairWorkingHours } from '../../core/booking';
import { userFunction } from '../function-definition';
import { parseWith, respond } from '../respond';
import { callOf } from './use-case-call';

export const getWorkingHours = userFunction('getWorkingHours', 'GET', 'relationships/{relationshipId}/working-hours', async (call, services) => {
  const params = parseWith(RelationshipParams, call.request.params, 'params');
  if (!params.ok) return params;
  const deps = services.booking.workingHoursFor(call.principal.tenantId);
  if (!deps.ok) return deps;
  return respond(await readPairWorkingHours({ ...deps.value, repos: services.repositories }, callOf(call, params.value)), 200, toPairWorkingHoursDto);
});
