/** POST /api/relationships/{relationshipId}/agreement/preview: the overlap of a draft agreement, in the caller's zone (writes nothing). */
import { PreviewAgreementBody, RelationshipParams, toAgreementPreviewDto } from '../../contracts';
import * as useCases from '../../core/usecases';
import { userFunction } from '../function-definition';
import { parseWith, respond } from '../respond';
import { callOf, depsOf } from './use-case-call';

export const previewAgreement = userFunction('previewAgreement', 'POST', 'relationships/{relationshipId}/agreement/preview', async (call, services) => {
  const params = parseWith(RelationshipParams, call.request.params, 'params');
  if (!params.ok) return params;
  const body = parseWith(PreviewAgreementBody, call.body, 'body');
  if (!body.ok) return body;
  return respond(await useCases.previewAgreementDraft(depsOf(services), callOf(call, { relationshipId: params.value.relationshipId, agreement: body.value.agreement })), 200, toAgreementPreviewDto);
});
