/** POST /api/programmes/cohort-matches: A programme owner's optimal, schedulable cohort assignment to review. */
import { CohortMatchBody, PROGRAMME_OWNER_ROLE, toCohortInput, toCohortMatchDto } from '../../contracts';
import { matchCohort } from '../../core/matching/match-cohort';
import { fail } from '../../core/result';
import { userFunction } from '../function-definition';
import { parseWith, respond } from '../respond';

export const suggestCohortMatches = userFunction('suggestCohortMatches', 'POST', 'programmes/cohort-matches', async (call) => {
  if (!call.principal.roles.includes(PROGRAMME_OWNER_ROLE)) {
    return fail('PROGRAMME.OWNER_ROLE_REQUIRED', `Only programme owners (the ${PROGRAMME_OWNER_ROLE} app role) can match a cohort; ask your Teams admin for the role.`);
  }
  const body = parseWith(CohortMatchBody, call.body, 'body');
  if (!body.ok) return body;
  const { mentees, mentors, rules } = toCohortInput(body.value);
  return respond(matchCohort(mentees, mentors, rules), 200, toCohortMatchDto);
});
