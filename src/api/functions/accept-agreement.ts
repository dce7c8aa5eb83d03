/** POST /api/relationships/{relationshipId}/agreement/{version}/accept: Accept one version of the agreement; it is active once both accepted it. */
import { AcceptAgreementBody, AcceptAgreementParams, toAcceptAgreementInput, toAgreementStateDto } from '../../contracts';
import * as useCases from '../../core/usecases';
import { userFunction } from '../function-definition';
import { parseWith, respond } from '../respond';
import { callOf, depsOf, withIfMatch, hasVersion, versionRequired } from './use-case-call';

export const acceptAgreement = userFunction('acceptAgreement', 'POST', 'relationships/{relationshipId}/agreement/{version}/accept', async (call, services) => {
  const params = parseWith(AcceptAgreementParams, call.request.params, 'params');
  if (!params.ok) return params;
  if (!hasVersion(call)) return versionRequired();
  const body = parseWith(AcceptAgreementBody, withIfMatch(call, {}), 'body');
  if (!body.ok) return body;
  return respond(await useCases.acceptAgreement(depsOf(services), callOf(call, toAcceptAgreementInput(params.value, body.value))), 200, toAgreementStateDto);
});
