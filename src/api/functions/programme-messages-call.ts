/** Shared by the programme message functions: their ports from the API's services. */
import type { ProgrammeMessagesDeps } from '../../core/programmes/programme-messages';
import type { ApiServices } from '../api-services';

export const programmeMessagesDepsOf = (services: ApiServices): ProgrammeMessagesDeps => ({
  repos: services.repositories,
  programmes: services.programmes,
  health: services.programmeHealth,
  messenger: services.programmeMessenger,
});
