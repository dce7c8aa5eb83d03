/** GET /api/programmes: Owners see every programme of the tenant; others those open to them or joined. */
import { toProgrammeViewDto } from '../../contracts';
import { isProgrammeOwner, listProgrammes as list } from '../../core/programmes/programme-use-cases';
import { userFunction } from '../function-definition';
import { respond } from '../respond';
import { callOf } from './use-case-call';
import { programmeDepsOf } from './programme-call';

export const listProgrammes = userFunction('listProgrammes', 'GET', 'programmes', async (call, services) =>
  respond(await list(programmeDepsOf(services), callOf(call, undefined)), 200, (views) => ({ asOwner: isProgrammeOwner(call.principal), programmes: views.map(toProgrammeViewDto) })),
);
