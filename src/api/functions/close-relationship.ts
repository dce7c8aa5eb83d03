/**
 * POST /api/relationships/{relationshipId}/close: Close the relationship with my closing reflection (or
 * add mine after my partner closed it). Closing cancels the pair's future meetings in Outlook with a
 * comment to both people (app-only, as the sync timer does; what Outlook refuses now, the timer finishes).
 */
import { CloseRelationshipBody, RelationshipParams, toClosingOutlookDto, toRelationshipDto, type ClosedRelationshipDto } from '../../contracts';
import { cancelMeetingsAfterClosing } from '../../core/booking';
import * as useCases from '../../core/usecases';
import { userFunction } from '../function-definition';
import { parseWith, respond } from '../respond';
import { callOf, depsOf, withIfMatch, hasVersion, versionRequired } from './use-case-call';

export const closeRelationship = userFunction('closeRelationship', 'POST', 'relationships/{relationshipId}/close', async (call, services) => {
  const params = parseWith(RelationshipParams, call.request.params, 'params');
  if (!params.ok) return params;
  if (!hasVersion(call)) return versionRequired();
  const body = parseWith(CloseRelationshipBody, withIfMatch(call), 'body');
  if (!body.ok) return body;
  const closed = await useCases.closeRelationship(depsOf(services), callOf(call, { ...params.value, ...body.value }));
  if (!closed.ok || closed.value.status !== 'closed') return respond(closed, 200, toRelationshipDto);
  // The answer says what Outlook did: a close is never reported as a finished clean-up it was not.
  const calendar = services.booking.forTenant(call.principal.tenantId);
  const cleanup = calendar.ok ? await cancelMeetingsAfterClosing(calendar.value, call.principal.tenantId, params.value.relationshipId, call.now) : calendar;
  return respond(closed, 200, (r): ClosedRelationshipDto => ({ ...toRelationshipDto(r), outlook: toClosingOutlookDto(cleanup) }));
});
