/** POST /api/relationships/{relationshipId}/agreement: Propose (or counter-propose) a new version of the agreement. */
import { ProposeAgreementBody, RelationshipParams, toAgreementStateDto } from '../../contracts';
import * as useCases from '../../core/usecases';
import { userFunction } from '../function-definition';
import { parseWith, respond } from '../respond';
import { callOf, depsOf } from './use-case-call';

export const proposeAgreement = userFunction('proposeAgreement', 'POST', 'relationships/{relationshipId}/agreement', async (call, services) => {
  const params = parseWith(RelationshipParams, call.request.params, 'params');
  if (!params.ok) return params;
  const body = parseWith(ProposeAgreementBody, call.body, 'body');
  if (!body.ok) return body;
  return respond(await useCases.proposeAgreement(depsOf(services), callOf(call, { ...params.value, ...body.value })), 201, toAgreementStateDto);
});
