/** Shared by the programme functions: the programme use cases' ports from the API's services. */
import type { ProgrammeDeps } from '../../core/programmes/programme-use-cases';
import { planInvitations } from '../../core/programmes/programme-messages';
import type { ApiServices } from '../api-services';

export const programmeDepsOf = (services: ApiServices): ProgrammeDeps => ({
  repos: services.repositories,
  programmes: services.programmes,
  ids: services.ids,
  groups: (tenantId) => services.booking.groupsFor(tenantId),
  managers: (tenantId) => services.booking.managersFor(tenantId),
  // Best effort on the request: the hourly programme timer plans whatever this could not.
  invite: async (tenantId, programme, now) => {
    const messenger = await services.programmeMessenger();
    if (messenger.ok) await planInvitations(messenger.value, tenantId, programme, now);
  },
  ...(services.reach ? { reach: services.reach } : {}),
});
