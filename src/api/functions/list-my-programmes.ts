/** GET /api/me/programmes: The programmes open to me (everyone, my invitation, my Entra group) or that I joined; what a member may see only. */
import { toMemberProgrammeDto } from '../../contracts';
import { listMemberProgrammes } from '../../core/programmes/member-programmes';
import { userFunction } from '../function-definition';
import { respond } from '../respond';
import { callOf } from './use-case-call';
import { programmeDepsOf } from './programme-call';

export const listMyProgrammes = userFunction('listMyProgrammes', 'GET', 'me/programmes', async (call, services) =>
  respond(await listMemberProgrammes(programmeDepsOf(services), callOf(call, undefined)), 200, (views) => ({ programmes: views.map(toMemberProgrammeDto) })),
);
