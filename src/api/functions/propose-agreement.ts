/** POST /api/relationships/{relationshipId}/agreement: Propose (or counter-propose) a new version of the agreement. */
import { ProposeAgreementBody, RelationshipParams, toAgreementStateDto } from '../../contracts';
import * as useCases from '../../core/usecases';
import { userFunction } from '../function-definition';
import { parseWith, respond } from '../respond';
import { callOf, depsOf } from './use-case-call';
import { consoleLogger } from '../api-services';
import { raiseFeedEvent } from '../feed-services';
import { raiseAgreementToAccept } from '../../core/feed/raise-feed-events';

export const proposeAgreement = userFunction('proposeAgreement', 'POST', 'relationships/{relationshipId}/agreement', async (call, services) => {
  const params = parseWith(RelationshipParams, call.request.params, 'params');
  if (!params.ok) return params;
  const body = parseWith(ProposeAgreementBody, call.body, 'body');
  if (!body.ok) return body;
  const proposed = await useCases.proposeAgreement(depsOf(services), callOf(call, { ...params.value, ...body.value }));
  // The partner's activity feed: the new version waits for them to accept it.
  const version = proposed.ok ? proposed.value.latest?.number : undefined;
  if (version !== undefined) await raiseFeedEvent(services.feed, consoleLogger, 'agreementToAccept', (feed) => raiseAgreementToAccept(feed, call.principal.tenantId, params.value.relationshipId, version, call.now));
  return respond(proposed, 201, toAgreementStateDto);
});
