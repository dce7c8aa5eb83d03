import { ok } from '../../core/result';
import { anonymousFunction, type FunctionDefinition } from '../../api/function-definition';
import type { BotHost } from './bot-composition';

/**
 * POST /api/messages as an entry of the API's function table. Anonymous at the API layer on purpose:
 * the Bot Framework's own JWT (from the channel) is validated by botbuilder's CloudAdapter inside
 * `handle`, against BOT_ID.
 */
export function botMessagesFunction(host: () => Promise<BotHost>): FunctionDefinition {
  return anonymousFunction('botMessages', 'POST', 'messages', async (call) => {
    const headers: Record<string, string | undefined> = {
      authorization: call.request.header('authorization'),
      'content-type': call.request.header('content-type'),
    };
    const response = await (await host()).handle({ method: 'POST', headers, body: call.body });
    return ok({ status: response.status, ...(response.body !== undefined ? { body: response.body } : {}), headers: response.headers });
  });
}
