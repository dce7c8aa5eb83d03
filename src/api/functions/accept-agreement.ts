/** POST /api/relationships/{relationshipId}/agreement/{versionNumber}/accept: Accept one version of the agreement; it is active once both accepted it. */
import * as useCases from '../../core/usecases';
import { userFunction } from '../function-definition';
import { expectedVersion, parseWith, respond } from '../respond';
import * as schemas from '../request-schemas';
import { callOf, depsOf } from './use-case-call';

export const acceptAgreement = userFunction('acceptAgreement', 'POST', 'relationships/{relationshipId}/agreement/{versionNumber}/accept', async (call, services) => {
  const params = parseWith(schemas.AgreementVersionParams, call.request.params, 'params');
  if (!params.ok) return params;
  const body = parseWith(schemas.AcceptAgreementBody, call.body ?? {}, 'body');
  if (!body.ok) return body;
  const version = expectedVersion(call, body.value.version);
  return respond(await useCases.acceptAgreement(depsOf(services), callOf(call, { ...params.value, ...(version ? { version } : {}) })));
});
