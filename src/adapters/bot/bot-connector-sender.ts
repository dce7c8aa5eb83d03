import type { ConversationReference } from '@microsoft/agents-activity';
import { CardFactory, MessageFactory, type CloudAdapter } from '@microsoft/agents-hosting';
import type { StoredConversationReference } from '../../core/ports/bot-stores';
import type { ProactiveSender, SendOutcome } from '../../core/ports/delivery';

/**
 * 401/403/404: the app was removed or the conversation is gone, retrying cannot help. Everything
 * else (throttling, precondition races, gateway errors, a status nobody expected, no answer at all)
 * is a failed try of this one message: the worker retries it and, past its failure budget, sets it
 * aside in the poison queue. Never an exception that would take other messages down with it.
 */
const GONE = new Set([401, 403, 404]);

function retryAfterMs(err: unknown): number | undefined {
  const headers = (err as { response?: { headers?: { get?(name: string): string | null | undefined } } }).response?.headers;
  const value = headers?.get?.('retry-after');
  if (!value) return undefined;
  const s = Number(value);
  return Number.isFinite(s) ? s * 1000 : undefined;
}

/** The connector's answer status on a failed send (the Agents SDK's HttpError carries `status`). */
function statusOf(err: unknown): number {
  const e = err as { status?: unknown; statusCode?: unknown };
  return typeof e.status === 'number' ? e.status : typeof e.statusCode === 'number' ? e.statusCode : 0;
}

/** Sends through the Agents SDK's CloudAdapter, the same path as any proactive message in production. */
export class BotConnectorSender implements ProactiveSender {
  constructor(
    private readonly adapter: CloudAdapter,
    /** The bot's Entra app id; empty for an anonymous bot (local connector, Agents Playground). */
    private readonly botAppId: string,
  ) {}

  async send(reference: StoredConversationReference, card: unknown): Promise<SendOutcome> {
    const conversationReference: ConversationReference = {
      serviceUrl: reference.serviceUrl,
      channelId: reference.channelId,
      conversation: { id: reference.conversationId, tenantId: reference.tenantId, conversationType: 'personal', isGroup: false },
      agent: { id: reference.botId },
      user: { id: reference.userId, aadObjectId: reference.userAadObjectId },
      ...(reference.locale ? { locale: reference.locale } : {}),
    };
    let activityId = '';
    let failed: { error: unknown } | undefined;
    try {
      // An anonymous bot continues with an identity without audience: the SDK then sends without a token.
      await this.adapter.continueConversation(this.botAppId || {}, conversationReference, async (context) => {
        // Caught here, not by the adapter's onTurnError, which would message the person about it.
        try {
          const sent = await context.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(card)));
          activityId = sent?.id ?? '';
        } catch (error) {
          failed = { error };
        }
      });
      if (failed) throw failed.error;
      return { kind: 'sent', activityId };
    } catch (err) {
      const status = statusOf(err);
      if (GONE.has(status)) return { kind: 'undeliverable', status };
      const after = retryAfterMs(err);
      return { kind: 'retry', status, ...(after !== undefined ? { retryAfterMs: after } : {}) };
    }
  }
}
