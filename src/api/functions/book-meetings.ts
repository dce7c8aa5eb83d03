/**
 * POST /api/relationships/{relationshipId}/meetings: book the next meeting (at a chosen `start`, or
 * where booking picks) or the series. Safe to retry: the body states how many meetings should be
 * planned ahead (and when the next one is), not how many to add.
 */
import { RelationshipParams } from '../../contracts';
import { fromIso } from '../../contracts/common';
import { BookMeetingsBody, toBookingOutcomeDto } from '../../contracts/booking';
import { bookMeetings as bookMeetingsUseCase } from '../../core/booking';
import { userFunction } from '../function-definition';
import { parseWith, respond } from '../respond';
import { bookingDepsOf } from './booking-call';
import { callOf } from './use-case-call';

export const bookMeetings = userFunction('bookMeetings', 'POST', 'relationships/{relationshipId}/meetings', async (call, services) => {
  const params = parseWith(RelationshipParams, call.request.params, 'params');
  if (!params.ok) return params;
  const body = parseWith(BookMeetingsBody, call.body ?? {}, 'body');
  if (!body.ok) return body;
  const deps = bookingDepsOf(call, services);
  if (!deps.ok) return deps;
  const input = {
    relationshipId: params.value.relationshipId,
    scope: body.value.scope,
    ...(body.value.count !== undefined ? { count: body.value.count } : {}),
    ...(body.value.start !== undefined ? { start: fromIso(body.value.start) } : {}),
  };
  // The use case records the pair for the sync timer before its first calendar call.
  return respond(await bookMeetingsUseCase(deps.value, callOf(call, input)), 200, toBookingOutcomeDto);
});
