import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  MessageFactory,
  CardFactory,
  type ActivityHandler,
  type TurnContext,
} from 'botbuilder';
import { problemCard } from '../../adapters/cards/simple-cards';
import { cardLocaleOf } from '../../adapters/cards/card-locale';
import type { BotSettings } from './bot-settings';

export interface BotLogger {
  error(message: string, details: Record<string, unknown>): void;
}

/** The Bot Framework adapter with the bot's identity from settings and a turn-error handler that never leaks. */
export function createBotAdapter(settings: BotSettings, logger: BotLogger): CloudAdapter {
  const auth = new ConfigurationBotFrameworkAuthentication({
    MicrosoftAppId: settings.BOT_ID ?? '',
    MicrosoftAppPassword: settings.BOT_PASSWORD ?? '',
    MicrosoftAppType: settings.BOT_TYPE ?? (settings.BOT_TENANT_ID ? 'SingleTenant' : 'MultiTenant'),
    MicrosoftAppTenantId: settings.BOT_TENANT_ID ?? '',
  });
  const adapter = new CloudAdapter(auth);
  adapter.onTurnError = turnErrorHandler(logger);
  return adapter;
}

/**
 * A failed turn is logged with a correlation id and the person gets a localized card quoting only
 * that id: never the exception message, which may contain internals.
 */
export function turnErrorHandler(logger: BotLogger) {
  return async (context: TurnContext, error: Error): Promise<void> => {
    const reference = randomUUID().slice(0, 8);
    logger.error('bot turn failed', {
      reference,
      activityType: context.activity.type,
      activityId: context.activity.id,
      error: error instanceof Error ? `${error.name}: ${error.message}\n${error.stack ?? ''}` : String(error),
    });
    try {
      const card = problemCard({ locale: cardLocaleOf(context.activity.locale), reference });
      await context.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(card)));
    } catch {
      // The channel itself may be what failed; the log line above is what matters then.
    }
  };
}

export interface BotHttpRequest {
  readonly method: string;
  readonly headers: Readonly<Record<string, string | undefined>>;
  readonly body: unknown;
}

export interface BotHttpResponse {
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly body?: unknown;
}

/**
 * POST /api/messages for any host: the Azure Functions app and the local host both turn their
 * request into this plain shape, so the bot is registered the same way in both.
 */
export async function processBotRequest(adapter: CloudAdapter, bot: ActivityHandler, request: BotHttpRequest): Promise<BotHttpResponse> {
  let status = 200;
  let body: unknown;
  const headers: Record<string, string> = {};
  let ended!: () => void;
  const done = new Promise<void>((resolve) => (ended = resolve));
  const res = {
    socket: {},
    status(code: number) {
      status = code;
      return res;
    },
    header(name: string, value: unknown) {
      headers[name.toLowerCase()] = String(value);
      return res;
    },
    send(payload?: unknown) {
      body = payload;
      return res;
    },
    end() {
      ended();
      return res;
    },
  };
  const req = { method: request.method, headers: request.headers as Record<string, string>, body: request.body };
  await adapter.process(req as never, res as never, (context) => bot.run(context));
  await Promise.race([done, Promise.resolve()]);
  return { status, headers, ...(body !== undefined ? { body } : {}) };
}

/** The same endpoint for a plain Node HTTP server (the local host and the benchmark). */
export function nodeBotListener(adapter: CloudAdapter, bot: ActivityHandler) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    let body: unknown;
    try {
      body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    } catch {
      res.writeHead(400, { 'content-type': 'application/json' }).end(JSON.stringify({ code: 'BOT.INVALID_JSON', message: 'The body must be a Bot Framework activity in JSON.' }));
      return;
    }
    const headers: Record<string, string | undefined> = {};
    for (const [k, v] of Object.entries(req.headers)) headers[k] = Array.isArray(v) ? v.join(',') : v;
    const out = await processBotRequest(adapter, bot, { method: req.method ?? 'POST', headers, body });
    const payload = out.body === undefined ? '' : typeof out.body === 'string' ? out.body : JSON.stringify(out.body);
    res.writeHead(out.status, { ...out.headers, ...(payload ? { 'content-type': 'application/json' } : {}) }).end(payload);
  };
}
