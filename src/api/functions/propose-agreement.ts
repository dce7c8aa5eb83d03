/** POST /api/relationships/{relationshipId}/agreement: Propose (or counter-propose) a new version of the agreement. */
import * as useCases from '../../core/usecases';
import { userFunction } from '../function-definition';
import { parseWith, respond } from '../respond';
import * as schemas from '../request-schemas';
import { callOf, defined, depsOf } from './use-case-call';

export const proposeAgreement = userFunction('proposeAgreement', 'POST', 'relationships/{relationshipId}/agreement', async (call, services) => {
  const params = parseWith(schemas.RelationshipParams, call.request.params, 'params');
  if (!params.ok) return params;
  const body = parseWith(schemas.AgreementBody, call.body, 'body');
  if (!body.ok) return body;
  const { agreement, note, basedOnVersion } = body.value;
  return respond(
    await useCases.proposeAgreement(
      depsOf(services),
      callOf(call, { ...params.value, agreement: defined(agreement), note, ...(basedOnVersion !== undefined ? { basedOnVersion } : {}) }),
    ),
    201,
  );
});
