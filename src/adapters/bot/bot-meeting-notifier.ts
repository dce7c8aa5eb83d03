import type { ConversationReference } from '@microsoft/agents-activity';
import type { CloudAdapter, ConnectorClient } from '@microsoft/agents-hosting';
import type { MeetingNotificationTarget, MeetingNotifier, SendOutcome } from '../../core/ports/delivery';

/** The meeting chat is gone, the app may not notify, or the person is not in the meeting: retrying cannot help. */
const NEVER = new Set([401, 403, 404]);

const statusOf = (err: unknown): number => {
  const e = err as { status?: unknown; statusCode?: unknown };
  return typeof e.status === 'number' ? e.status : typeof e.statusCode === 'number' ? e.statusCode : 0;
};

function retryAfterMs(err: unknown): number | undefined {
  const value = (err as { response?: { headers?: { get?(name: string): string | null | undefined } } }).response?.headers?.get?.('retry-after');
  const s = value ? Number(value) : Number.NaN;
  return Number.isFinite(s) ? s * 1000 : undefined;
}

/**
 * Teams' targeted in-meeting notification through the Agents SDK: the bot continues the meeting
 * chat's conversation (so the connector client carries the bot's token for that serviceUrl, or none
 * for the anonymous local bot) and POSTs `v1/meetings/{meetingId}/notification` with it. The SDK
 * has no method for this call (its Teams extension, which had one, is deprecated and not a
 * dependency), so the request goes through the connector client's own HTTP client.
 */
export class BotMeetingNotifier implements MeetingNotifier {
  constructor(
    private readonly adapter: CloudAdapter,
    /** The bot's Entra app id; empty for an anonymous bot (local connector). */
    private readonly botAppId: string,
  ) {}

  async notify(target: MeetingNotificationTarget, notification: unknown): Promise<SendOutcome> {
    const reference: ConversationReference = {
      serviceUrl: target.serviceUrl,
      channelId: 'msteams',
      conversation: { id: target.chatId, tenantId: target.tenantId, conversationType: 'groupChat', isGroup: true },
      agent: { id: this.botAppId ? `28:${this.botAppId}` : 'mentoring-bot' },
    };
    let status = 0;
    let failed: { error: unknown } | undefined;
    try {
      await this.adapter.continueConversation(this.botAppId || {}, reference, async (context) => {
        // Caught here, not by the adapter's onTurnError, which would post about it in the meeting chat.
        try {
          const client = context.turnState.get<ConnectorClient>(this.adapter.ConnectorClientKey);
          const answer = await client.httpClient.request({ method: 'POST', url: `/v1/meetings/${encodeURIComponent(target.meetingId)}/notification`, data: notification });
          status = answer.status;
        } catch (error) {
          failed = { error };
        }
      });
      if (failed) throw failed.error;
    } catch (err) {
      const failedStatus = statusOf(err);
      if (NEVER.has(failedStatus)) return { kind: 'undeliverable', status: failedStatus };
      const after = retryAfterMs(err);
      return { kind: 'retry', status: failedStatus, ...(after !== undefined ? { retryAfterMs: after } : {}) };
    }
    // 202: shown. 207 names who did not get it; the notification goes to one person, so that is them.
    if (status === 207) return { kind: 'undeliverable', status };
    return { kind: 'sent', activityId: `meeting-notification:${status}` };
  }
}
