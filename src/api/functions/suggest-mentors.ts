/** GET /api/mentors/suggestions: Ranked mentor suggestions for me, each with its reasons. */
import * as useCases from '../../core/usecases';
import { userFunction } from '../function-definition';
import { parseWith, queryObject, respond } from '../respond';
import * as schemas from '../request-schemas';
import { callOf, defined, depsOf } from './use-case-call';

export const suggestMentors = userFunction('suggestMentors', 'GET', 'mentors/suggestions', async (call, services) => {
  const query = parseWith(schemas.MentorSearchQuery, queryObject(call), 'query');
  if (!query.ok) return query;
  const { q, ...rest } = query.value;
  return respond(await useCases.suggestMentors(depsOf(services), callOf(call, defined({ ...rest, text: q }))));
});
