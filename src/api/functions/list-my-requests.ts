/** GET /api/requests: My mentoring requests, incoming and outgoing. */
import { toRequestViewDto } from '../../contracts';
import * as useCases from '../../core/usecases';
import { userFunction } from '../function-definition';
import { respond } from '../respond';
import { callOf, depsOf } from './use-case-call';

export const listMyRequests = userFunction('listMyRequests', 'GET', 'requests', async (call, services) => {
  return respond(await useCases.listMyRequests(depsOf(services), callOf(call, undefined)), 200, (requests) => ({ requests: requests.map(toRequestViewDto) }));
});
