/** POST /api/requests: Ask someone to be my mentor, with a note and my pre-work. */
import * as useCases from '../../core/usecases';
import { userFunction } from '../function-definition';
import { parseWith, respond } from '../respond';
import * as schemas from '../request-schemas';
import { callOf, depsOf } from './use-case-call';

export const createRequest = userFunction('createRequest', 'POST', 'requests', async (call, services) => {
  const body = parseWith(schemas.CreateRequestBody, call.body, 'body');
  if (!body.ok) return body;
  return respond(await useCases.createRequest(depsOf(services), callOf(call, body.value)), 201);
});
