/** GET /api/relationships/{relationshipId}/agreement/versions: The agreement’s whole history a page at a time, oldest first (pageSize, continuationToken). */
import { PageQuery, RelationshipParams, toAgreementVersionDto } from '../../contracts';
import * as useCases from '../../core/usecases';
import { userFunction } from '../function-definition';
import { pageBody, pageRequestOf } from '../paging';
import { parseWith, queryObject, respond } from '../respond';
import { callOf, depsOf } from './use-case-call';

export const listAgreementVersions = userFunction('listAgreementVersions', 'GET', 'relationships/{relationshipId}/agreement/versions', async (call, services) => {
  const params = parseWith(RelationshipParams, call.request.params, 'params');
  if (!params.ok) return params;
  const query = parseWith(PageQuery, queryObject(call), 'query');
  if (!query.ok) return query;
  const page = pageRequestOf(query.value);
  if (!page.ok) return page;
  return respond(await useCases.pageAgreementVersions(depsOf(services), callOf(call, { ...params.value, page: page.value })), 200, (p) =>
    pageBody('versions', p, toAgreementVersionDto),
  );
});
