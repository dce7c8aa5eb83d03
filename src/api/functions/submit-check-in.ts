/** PUT /api/relationships/{relationshipId}/meetings/{meetingId}/checkin: Submit (or edit) my check-in for one meeting. */
import * as useCases from '../../core/usecases';
import { userFunction } from '../function-definition';
import { expectedVersion, parseWith, respond } from '../respond';
import * as schemas from '../request-schemas';
import { callOf, defined, depsOf } from './use-case-call';

export const submitCheckIn = userFunction('submitCheckIn', 'PUT', 'relationships/{relationshipId}/meetings/{meetingId}/checkin', async (call, services) => {
  const params = parseWith(schemas.MeetingParams, call.request.params, 'params');
  if (!params.ok) return params;
  const body = parseWith(schemas.CheckInBody, call.body, 'body');
  if (!body.ok) return body;
  const { version: bodyVersion, newActionItems, ...rest } = body.value;
  const version = expectedVersion(call, bodyVersion);
  return respond(
    await useCases.submitCheckIn(
      depsOf(services),
      callOf(call, { ...params.value, ...defined(rest), newActionItems: newActionItems.map((i) => defined(i)), ...(version ? { version } : {}) }),
    ),
  );
});
