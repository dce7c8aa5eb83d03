/** GET /api/programmes/{programmeId}/export/{part}: CSV for owners — aggregates (under-five rule kept), the pair list, or the column dictionary. */
import { z } from 'zod';
import { aggregatesCsv, columnsCsv, EXPORT_PARTS, Id, pairsCsv } from '../../contracts';
import { getProgrammeAsOwner, getProgrammeHealth, listProgrammePairs } from '../../core/programmes/programme-use-cases';
import { ok } from '../../core/result';
import { userFunction } from '../function-definition';
import { parseWith } from '../respond';
import { callOf } from './use-case-call';

const ExportParams = z.object({ programmeId: Id, part: z.enum(EXPORT_PARTS) }).strict();

export const exportProgramme = userFunction('exportProgramme', 'GET', 'programmes/{programmeId}/export/{part}', async (call, services) => {
  const params = parseWith(ExportParams, call.request.params, 'params');
  if (!params.ok) return params;
  const deps = { programmes: services.programmes, health: services.programmeHealth };
  const input = callOf(call, { programmeId: params.value.programmeId });
  const csv = async () => {
    if (params.value.part === 'aggregates') {
      const view = await getProgrammeHealth(deps, input);
      return view.ok ? ok(aggregatesCsv(view.value)) : view;
    }
    if (params.value.part === 'pairs') {
      const pairs = await listProgrammePairs(deps, input);
      return pairs.ok ? ok(pairsCsv(pairs.value)) : pairs;
    }
    const programme = await getProgrammeAsOwner(deps, input);
    return programme.ok ? ok(columnsCsv()) : programme;
  };
  const text = await csv();
  if (!text.ok) return text;
  return ok({
    status: 200,
    text: text.value,
    headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="programme-${params.value.part}.csv"`, 'cache-control': 'no-store' },
  });
});
