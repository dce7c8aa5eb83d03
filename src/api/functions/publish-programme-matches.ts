/** POST /api/programmes/{programmeId}/matches/publish: Publish the reviewed matches; a retry makes only what is missing. */
import { ProgrammeParams, PublishProgrammeMatchesBody, toPublishOutcomeDto } from '../../contracts';
import { publishProgrammeMatches as publish } from '../../core/programmes/cohort-use-cases';
import { userFunction } from '../function-definition';
import { parseWith, respond } from '../respond';
import { callOf, hasVersion, versionRequired, withIfMatch } from './use-case-call';
import { programmeDepsOf } from './programme-call';
import { consoleLogger } from '../api-services';
import { raiseFeedEvent } from '../feed-services';
import { raisePublishedInvitations } from '../../core/feed/raise-feed-events';

export const publishProgrammeMatches = userFunction('publishProgrammeMatches', 'POST', 'programmes/{programmeId}/matches/publish', async (call, services) => {
  const params = parseWith(ProgrammeParams, call.request.params, 'params');
  if (!params.ok) return params;
  if (!hasVersion(call)) return versionRequired();
  const body = parseWith(PublishProgrammeMatchesBody, withIfMatch(call), 'body');
  if (!body.ok) return body;
  const published = await publish(programmeDepsOf(services), callOf(call, { ...params.value, ...body.value }));
  // Pairs published as invitations are requests waiting for their mentors (pairs published accepted ask nobody).
  if (published.ok) await raiseFeedEvent(services.feed, consoleLogger, 'requestWaiting', (feed) => raisePublishedInvitations(feed, call.principal.tenantId, params.value.programmeId, published.value.cohort, call.now));
  return respond(published, 200, toPublishOutcomeDto);
});
