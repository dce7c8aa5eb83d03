import type { BotHost } from './bot-composition';
import type { BotEndpointRequest, BotEndpointResponse } from '../../bot/host/bot-endpoint';

/**
 * POST /api/messages as the Functions app registers it. Not an entry of the API's function table:
 * that pipeline reads and parses the whole body before its handler runs, and the bot must check
 * the channel token first and read the body as a capped stream (src/bot/host/bot-endpoint.ts). Anonymous at the
 * Functions layer on purpose; the channel's JWT is validated against BOT_ID by the endpoint.
 */
export interface StreamingFunctionDefinition {
  readonly name: string;
  readonly route: string;
  readonly methods: readonly ['POST'];
  handle(request: BotEndpointRequest): Promise<BotEndpointResponse>;
}

export function botMessagesFunction(host: () => Promise<BotHost>): StreamingFunctionDefinition {
  return {
    name: 'botMessages',
    route: 'messages',
    methods: ['POST'],
    handle: async (request) => (await host()).handle(request),
  };
}
