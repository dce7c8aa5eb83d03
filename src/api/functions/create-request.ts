/** POST /api/requests: Ask someone to be my mentor, with a note and my pre-work. */
import { CreateRequestBody, toMentoringRequestDto } from '../../contracts';
import * as useCases from '../../core/usecases';
import { userFunction } from '../function-definition';
import { parseWith, respond } from '../respond';
import { callOf, depsOf } from './use-case-call';

export const createRequest = userFunction('createRequest', 'POST', 'requests', async (call, services) => {
  const body = parseWith(CreateRequestBody, call.body, 'body');
  if (!body.ok) return body;
  return respond(await useCases.createRequest(depsOf(services), callOf(call, body.value)), 201, toMentoringRequestDto);
});
