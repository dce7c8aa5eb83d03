import { CardFactory, MessageFactory, type CloudAdapter, type ConversationReference } from 'botbuilder';
import type { StoredConversationReference } from '../../core/ports/bot-stores';
import type { ProactiveSender, SendOutcome } from '../../core/ports/delivery';

/** Statuses Teams documents as transient for bots: throttling, precondition races and gateway errors. */
const RETRY = new Set([408, 412, 429, 500, 502, 503, 504]);
const GONE = new Set([401, 403, 404]);

function retryAfterMs(err: unknown): number | undefined {
  const headers = (err as { response?: { headers?: { get?(name: string): string | undefined } } }).response?.headers;
  const value = headers?.get?.('retry-after');
  if (!value) return undefined;
  const s = Number(value);
  return Number.isFinite(s) ? s * 1000 : undefined;
}

/** Sends through botbuilder's CloudAdapter, the same path as any proactive message in production. */
export class BotConnectorSender implements ProactiveSender {
  constructor(
    private readonly adapter: CloudAdapter,
    private readonly botAppId: string,
  ) {}

  async send(reference: StoredConversationReference, card: unknown): Promise<SendOutcome> {
    const conversationReference: Partial<ConversationReference> = {
      serviceUrl: reference.serviceUrl,
      channelId: reference.channelId,
      conversation: { id: reference.conversationId, tenantId: reference.tenantId, conversationType: 'personal', isGroup: false, name: '' },
      bot: { id: reference.botId, name: '' },
      user: { id: reference.userId, name: '', aadObjectId: reference.userAadObjectId },
      ...(reference.locale ? { locale: reference.locale } : {}),
    };
    let activityId = '';
    try {
      await this.adapter.continueConversationAsync(this.botAppId, conversationReference, async (context) => {
        const sent = await context.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(card)));
        activityId = sent?.id ?? '';
      });
      return { kind: 'sent', activityId };
    } catch (err) {
      const status = (err as { statusCode?: number }).statusCode ?? 0;
      if (GONE.has(status)) return { kind: 'undeliverable', status };
      if (RETRY.has(status) || status === 0) {
        const after = retryAfterMs(err);
        return { kind: 'retry', status, ...(after !== undefined ? { retryAfterMs: after } : {}) };
      }
      throw err;
    }
  }
}
