/** POST /api/programmes/{programmeId}/pairs/{relationshipId}/nudge: A gentle nudge through the bot to a pair at risk, at most once in seven days. */
import { PairParams, toNudgeDto } from '../../contracts';
import { nudgePair } from '../../core/programmes/programme-messages';
import { userFunction } from '../function-definition';
import { parseWith, respond } from '../respond';
import { callOf } from './use-case-call';
import { programmeMessagesDepsOf } from './programme-messages-call';

export const nudgeProgrammePair = userFunction('nudgeProgrammePair', 'POST', 'programmes/{programmeId}/pairs/{relationshipId}/nudge', async (call, services) => {
  const params = parseWith(PairParams, call.request.params, 'params');
  if (!params.ok) return params;
  return respond(await nudgePair(programmeMessagesDepsOf(services), callOf(call, params.value)), 202, toNudgeDto);
});
