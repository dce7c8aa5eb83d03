import {
  CardFactory,
  MessageFactory,
  TeamsActivityHandler,
  TurnContext,
  type AdaptiveCardInvokeResponse,
  type AdaptiveCardInvokeValue,
  type ChannelAccount,
} from 'botbuilder';
import { ADAPTIVE_CARD_CONTENT_TYPE, type AdaptiveCard } from '../../adapters/cards/adaptive-card';
import { cardLocaleOf } from '../../adapters/cards/card-locale';
import type { StoredConversationReference } from '../../core/ports/bot-stores';
import type { BotUser, MentoringConversation } from '../conversation/mentoring-conversation';

/** The tenant of a Teams activity: channelData.tenant.id, or conversation.tenantId on newer clients. */
export function tenantOf(context: TurnContext): string | undefined {
  const data = context.activity.channelData as { tenant?: { id?: string } } | undefined;
  return data?.tenant?.id ?? context.activity.conversation?.tenantId ?? undefined;
}

function userOf(context: TurnContext, member: ChannelAccount = context.activity.from): BotUser | undefined {
  const tenantId = tenantOf(context);
  const userId = member.aadObjectId;
  if (!tenantId || !userId) return undefined;
  return { tenantId, userId, displayName: member.name ?? '', locale: cardLocaleOf(context.activity.locale) };
}

function referenceOf(context: TurnContext, user: BotUser, member: ChannelAccount): StoredConversationReference {
  const a = context.activity;
  return {
    serviceUrl: a.serviceUrl,
    channelId: a.channelId,
    conversationId: a.conversation.id,
    botId: a.recipient.id,
    userId: member.id,
    userAadObjectId: user.userId,
    tenantId: user.tenantId,
    ...(a.locale ? { locale: a.locale } : {}),
  };
}

const asAttachment = (card: AdaptiveCard) => CardFactory.adaptiveCard(card);

/**
 * The Teams host: it only routes. Activities become calls on MentoringConversation and the cards it
 * returns become messages or invoke responses. Personal scope only: group chats and channels are
 * outside this bot's manifest scopes.
 */
export class TeamsMentoringBot extends TeamsActivityHandler {
  constructor(private readonly conversation: MentoringConversation) {
    super();

    // In personal scope Teams adds the bot (not the person) and also sends installationUpdate: the
    // welcome goes out once, on installationUpdate, and the bot being added only records the
    // reference. When people are added (the Agents Playground, the Emulator) the one person in a
    // personal chat is the sender, welcomed once however many accounts the update lists.
    this.onMembersAdded(async (context, next) => {
      const people = (context.activity.membersAdded ?? []).filter((m) => m.id !== context.activity.recipient.id);
      if (people.length === 0) await this.remember(context, context.activity.from);
      else await this.welcome(context, context.activity.from.aadObjectId ? context.activity.from : people[0]!);
      await next();
    });

    this.onInstallationUpdateAdd(async (context, next) => {
      await this.welcome(context, context.activity.from);
      await next();
    });

    this.onMessage(async (context, next) => {
      const user = userOf(context);
      if (!user) return next();
      const value = context.activity.value as Record<string, unknown> | undefined;
      if (value && typeof value === 'object' && 'verb' in value) {
        // Action.Submit fallback: the form values and the card data arrive merged in `value`.
        const reply = await this.conversation.cardAction(user, pickCardData(value), value);
        await this.replaceOrSend(context, reply.card);
      } else {
        const reply = await this.conversation.message(user, context.activity.text ?? '');
        await context.sendActivity(MessageFactory.attachment(asAttachment(reply.card)));
      }
      await next();
    });
  }

  private async remember(context: TurnContext, member: ChannelAccount): Promise<void> {
    const user = userOf(context, member);
    if (user) await this.conversation.remember(referenceOf(context, user, member));
  }

  private async welcome(context: TurnContext, member: ChannelAccount): Promise<void> {
    const user = userOf(context, member);
    if (!user) return;
    const reply = await this.conversation.installed(user, referenceOf(context, user, member));
    await context.sendActivity(MessageFactory.attachment(asAttachment(reply.card)));
  }

  private async replaceOrSend(context: TurnContext, card: AdaptiveCard): Promise<void> {
    const replyToId = context.activity.replyToId;
    if (replyToId) {
      try {
        await context.updateActivity({ ...MessageFactory.attachment(asAttachment(card)), id: replyToId });
        return;
      } catch {
        // Some clients do not allow the update (e.g. the card came from another bot instance); a new message still answers.
      }
    }
    await context.sendActivity(MessageFactory.attachment(asAttachment(card)));
  }

  protected override async onAdaptiveCardInvoke(context: TurnContext, invokeValue: AdaptiveCardInvokeValue): Promise<AdaptiveCardInvokeResponse> {
    const user = userOf(context);
    const card = user
      ? (await this.conversation.cardAction(user, invokeValue.action?.data, (invokeValue.action?.data ?? {}) as Record<string, unknown>)).card
      : undefined;
    if (!card) return { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: 'Sign in to Teams to use this card.' as never };
    // Returning the card refreshes it in place, for this user only (Universal Actions).
    return { statusCode: 200, type: ADAPTIVE_CARD_CONTENT_TYPE, value: card as never };
  }
}

function pickCardData(value: Record<string, unknown>): Record<string, unknown> {
  const { verb, cardVersion, relationshipId, meetingId, nonce } = value;
  return { verb, cardVersion, relationshipId, meetingId, nonce };
}
