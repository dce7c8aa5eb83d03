/** GET /api/mentors/suggestions: Ranked mentor suggestions for me, each with its reasons. */
import { MentorSuggestionQuery, toMentorQuery, toMentorSuggestionDto } from '../../contracts';
import * as useCases from '../../core/usecases';
import { userFunction } from '../function-definition';
import { parseWith, queryObject, respond } from '../respond';
import { callOf, depsOf } from './use-case-call';

export const suggestMentors = userFunction('suggestMentors', 'GET', 'mentors/suggestions', async (call, services) => {
  const query = parseWith(MentorSuggestionQuery, queryObject(call), 'query');
  if (!query.ok) return query;
  return respond(await useCases.suggestMentors(depsOf(services), callOf(call, toMentorQuery(query.value))), 200, (suggestions) => ({
    suggestions: suggestions.map(toMentorSuggestionDto),
  }));
});
