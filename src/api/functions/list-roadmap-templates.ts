/** GET /api/roadmap-templates: Roadmap templates to start from (reverse=true: those for reverse mentoring). */
import * as useCases from '../../core/usecases';
import { userFunction } from '../function-definition';
import { parseWith, queryObject, respond } from '../respond';
import * as schemas from '../request-schemas';

export const listRoadmapTemplates = userFunction('listRoadmapTemplates', 'GET', 'roadmap-templates', async (call) => {
  const query = parseWith(schemas.TemplatesQuery, queryObject(call), 'query');
  if (!query.ok) return query;
  return respond({ ok: true, value: useCases.listRoadmapTemplates(query.value.reverse ? { reverseOnly: true } : {}) });
});
