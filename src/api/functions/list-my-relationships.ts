/** GET /api/relationships: My mentoring relationships, with my role and my partner. */
import { toRelationshipSummaryDto } from '../../contracts';
import * as useCases from '../../core/usecases';
import { userFunction } from '../function-definition';
import { respond } from '../respond';
import { callOf, depsOf } from './use-case-call';

export const listMyRelationships = userFunction('listMyRelationships', 'GET', 'relationships', async (call, services) => {
  return respond(await useCases.listMyRelationships(depsOf(services), callOf(call, undefined)), 200, (relationships) => ({
    relationships: relationships.map(toRelationshipSummaryDto),
  }));
});
