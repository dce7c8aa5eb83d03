/** GET /api/meetings/by-chat/{chatId}: which of my mentoring meetings a Teams meeting chat belongs to (the meeting side panel's context). */
import { MeetingChatParams, toMeetingOfChatDto } from '../../contracts';
import * as useCases from '../../core/usecases';
import { userFunction } from '../function-definition';
import { parseWith, respond } from '../respond';
import { callOf, depsOf } from './use-case-call';

export const getMeetingOfChat = userFunction('getMeetingOfChat', 'GET', 'meetings/by-chat/{chatId}', async (call, services) => {
  const params = parseWith(MeetingChatParams, call.request.params, 'params');
  if (!params.ok) return params;
  return respond(await useCases.findMeetingOfChat(depsOf(services), callOf(call, params.value)), 200, toMeetingOfChatDto);
});
