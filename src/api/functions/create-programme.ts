/** POST /api/programmes: An owner creates a programme of their tenant. */
import { CreateProgrammeBody, toProgrammeDto } from '../../contracts';
import { createProgramme as create } from '../../core/programmes/programme-use-cases';
import { userFunction } from '../function-definition';
import { parseWith, respond } from '../respond';
import { callOf } from './use-case-call';
import { programmeDepsOf } from './programme-call';
import { consoleLogger } from '../api-services';
import { raiseFeedEvent } from '../feed-services';
import { raiseProgrammeInvitations } from '../../core/feed/raise-feed-events';

export const createProgramme = userFunction('createProgramme', 'POST', 'programmes', async (call, services) => {
  const body = parseWith(CreateProgrammeBody, call.body, 'body');
  if (!body.ok) return body;
  const created = await create(programmeDepsOf(services), callOf(call, body.value));
  // Each person on an invited list hears of it in their activity feed.
  if (created.ok) await raiseFeedEvent(services.feed, consoleLogger, 'programmeInvitation', (feed) => raiseProgrammeInvitations(feed, call.principal.tenantId, created.value, undefined, call.now));
  return respond(created, 201, toProgrammeDto);
});
