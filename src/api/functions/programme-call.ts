/** Shared by the programme functions: the programme use cases' ports from the API's services. */
import type { ProgrammeDeps } from '../../core/programmes/programme-use-cases';
import type { ApiServices } from '../api-services';

export const programmeDepsOf = (services: ApiServices): ProgrammeDeps => ({
  repos: services.repositories,
  programmes: services.programmes,
  ids: services.ids,
  groups: (tenantId) => services.booking.groupsFor(tenantId),
});
