/** POST /api/requests: Ask someone to be my mentor, with a note and my pre-work. */
import { CreateRequestBody, toMentoringRequestDto } from '../../contracts';
import * as useCases from '../../core/usecases';
import { userFunction } from '../function-definition';
import { parseWith, respond } from '../respond';
import { callOf, depsOf } from './use-case-call';
import { consoleLogger } from '../api-services';
import { raiseFeedEvent } from '../feed-services';
import { raiseRequestWaiting } from '../../core/feed/raise-feed-events';

export const createRequest = userFunction('createRequest', 'POST', 'requests', async (call, services) => {
  const body = parseWith(CreateRequestBody, call.body, 'body');
  if (!body.ok) return body;
  const created = await useCases.createRequest(depsOf(services), callOf(call, body.value));
  // The mentor's activity feed: a request is waiting for them.
  if (created.ok) await raiseFeedEvent(services.feed, consoleLogger, 'requestWaiting', (feed) => raiseRequestWaiting(feed, call.principal.tenantId, created.value, call.now));
  return respond(created, 201, toMentoringRequestDto);
});
