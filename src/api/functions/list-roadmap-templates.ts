/** GET /api/roadmap-templates: Roadmap templates to start from (reverse=true: those for reverse mentoring). */
import { RoadmapTemplatesQuery, toRoadmapTemplateDto } from '../../contracts';
import * as useCases from '../../core/usecases';
import { userFunction } from '../function-definition';
import { parseWith, queryObject, respond } from '../respond';

export const listRoadmapTemplates = userFunction('listRoadmapTemplates', 'GET', 'roadmap-templates', async (call) => {
  const query = parseWith(RoadmapTemplatesQuery, queryObject(call), 'query');
  if (!query.ok) return query;
  const templates = useCases.listRoadmapTemplates(query.value.reverse === 'true' ? { reverseOnly: true } : {});
  return respond({ ok: true, value: templates }, 200, (list) => ({ templates: list.map(toRoadmapTemplateDto) }));
});
