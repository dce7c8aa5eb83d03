/** GET /api/programmes/people?q=: Owners find people of their tenant to invite, by name or job title, whatever their mentoring capacity. */
import { PeopleSearchQuery, toPeopleFoundDto } from '../../contracts';
import { searchPeopleForOwner } from '../../core/programmes/member-programmes';
import { userFunction } from '../function-definition';
import { parseWith, queryObject, respond } from '../respond';
import { callOf } from './use-case-call';
import { programmeDepsOf } from './programme-call';

export const searchProgrammePeople = userFunction('searchProgrammePeople', 'GET', 'programmes/people', async (call, services) => {
  const query = parseWith(PeopleSearchQuery, queryObject(call), 'query');
  if (!query.ok) return query;
  return respond(await searchPeopleForOwner(programmeDepsOf(services), callOf(call, { query: query.value.q })), 200, toPeopleFoundDto);
});
