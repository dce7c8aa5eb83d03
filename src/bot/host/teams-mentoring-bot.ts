import type { ChannelAccount } from '@microsoft/agents-activity';
import {
  ActivityHandler,
  CardFactory,
  MessageFactory,
  type AdaptiveCardInvokeResponse,
  type AdaptiveCardInvokeValue,
  type TurnContext,
} from '@microsoft/agents-hosting';
import { ADAPTIVE_CARD_CONTENT_TYPE, type AdaptiveCard } from '../../adapters/cards/adaptive-card';
import { cardLocaleOf } from '../../adapters/cards/card-locale';
import type { StoredConversationReference } from '../../core/ports/bot-stores';
import type { BotUser, MentoringConversation } from '../conversation/mentoring-conversation';
import type { MeetingEndEvent } from '../delivery/meeting-ended';
import type { MeetingStartEvent } from '../delivery/meeting-started';

/** Teams' meeting lifecycle events, sent to a bot installed in the meeting's chat. */
export const MEETING_START_EVENT = 'application/vnd.microsoft.meetingStart';
export const MEETING_END_EVENT = 'application/vnd.microsoft.meetingEnd';

/** What the bot does when Teams says a meeting ended (plans check-ins after reading attendance). */
export type MeetingEndHandler = (event: MeetingEndEvent) => Promise<unknown>;

/** What the bot does when Teams says a meeting started (records the Teams meeting, plans the in-meeting nudge). */
export type MeetingStartHandler = (event: MeetingStartEvent) => Promise<unknown>;

/**
 * The meetingStart event as Teams sends it: the value's PascalCase keys (Id, JoinUrl, Title,
 * MeetingType, StartTime), the meeting id also in channelData.meeting.id, from the meeting chat.
 */
function meetingStartOf(context: TurnContext): MeetingStartEvent | undefined {
  const a = context.activity;
  const value = (a.value ?? {}) as Record<string, unknown>;
  const channelMeeting = (a.channelData as { meeting?: { id?: unknown } } | undefined)?.meeting?.id;
  const joinUrl = value.JoinUrl ?? value.joinUrl;
  const startTime = value.StartTime ?? value.startTime;
  const teamsMeetingId = typeof channelMeeting === 'string' ? channelMeeting : (value.Id ?? value.id);
  const tenantId = tenantOf(context);
  const senderId = a.from?.aadObjectId;
  const startedAt = typeof startTime === 'string' ? Date.parse(startTime) : NaN;
  const chatId = a.conversation?.id;
  if (typeof joinUrl !== 'string' || typeof teamsMeetingId !== 'string' || !teamsMeetingId || !tenantId || !senderId || !chatId || !a.serviceUrl || Number.isNaN(startedAt)) return undefined;
  return { tenantId, senderId, joinUrl, teamsMeetingId, serviceUrl: a.serviceUrl, chatId, startedAt };
}

/** The meetingEnd value as Teams sends it: PascalCase keys (Id, JoinUrl, Title, MeetingType, EndTime). */
function meetingEndOf(context: TurnContext): MeetingEndEvent | undefined {
  const a = context.activity;
  const value = (a.value ?? {}) as Record<string, unknown>;
  const joinUrl = value.JoinUrl ?? value.joinUrl;
  const endTime = value.EndTime ?? value.endTime;
  const tenantId = tenantOf(context);
  const senderId = a.from?.aadObjectId;
  const endedAt = typeof endTime === 'string' ? Date.parse(endTime) : NaN;
  if (typeof joinUrl !== 'string' || !tenantId || !senderId || Number.isNaN(endedAt)) return undefined;
  return { tenantId, senderId, joinUrl, endedAt };
}

/** The tenant of a Teams activity: channelData.tenant.id, or conversation.tenantId on newer clients. */
export function tenantOf(context: TurnContext): string | undefined {
  const data = context.activity.channelData as { tenant?: { id?: string } } | undefined;
  return data?.tenant?.id ?? context.activity.conversation?.tenantId ?? undefined;
}

function userOf(context: TurnContext, member: ChannelAccount | undefined = context.activity.from): BotUser | undefined {
  if (!member) return undefined;
  const tenantId = tenantOf(context);
  const userId = member.aadObjectId;
  if (!tenantId || !userId) return undefined;
  return { tenantId, userId, displayName: member.name ?? '', locale: cardLocaleOf(context.activity.locale) };
}

function referenceOf(context: TurnContext, user: BotUser, member: ChannelAccount): StoredConversationReference {
  const a = context.activity;
  return {
    serviceUrl: a.serviceUrl ?? '',
    channelId: a.channelId ?? '',
    conversationId: a.conversation?.id ?? '',
    botId: a.recipient?.id ?? '',
    userId: member.id ?? '',
    userAadObjectId: user.userId,
    tenantId: user.tenantId,
    ...(a.locale ? { locale: a.locale } : {}),
  };
}

const asAttachment = (card: AdaptiveCard) => CardFactory.adaptiveCard(card);

/**
 * The bot is in meeting chats (groupChat scope) only for Teams' meeting events. Installs, members
 * and messages there are not a person's own chat with the bot: nothing is stored or answered, so a
 * person's check-ins keep going to their personal chat.
 */
const inGroupConversation = (context: TurnContext): boolean => {
  const type = context.activity.conversation?.conversationType;
  return type === 'groupChat' || type === 'channel' || context.activity.conversation?.isGroup === true;
};

/**
 * The Teams host on the Microsoft 365 Agents SDK: it only routes. Activities become calls on
 * MentoringConversation and the cards it returns become messages or invoke responses. Personal
 * chats carry the conversation; in meeting chats (groupChat scope) only the meeting events count. The Teams specifics
 * it needs (the tenant in channelData, installationUpdate, `adaptiveCard/action` invokes) are part
 * of the activity protocol the core ActivityHandler routes.
 */
export class TeamsMentoringBot extends ActivityHandler {
  constructor(
    private readonly conversation: MentoringConversation,
    private readonly onMeetingEnd?: MeetingEndHandler,
    private readonly onMeetingStart?: MeetingStartHandler,
  ) {
    super();

    // Teams (and the Agents Playground) announce a new personal chat twice: a conversationUpdate
    // adding members and an installationUpdate "add". The welcome goes out once, on the install;
    // members being added (the bot, or the person) only record where to reach the sender. An
    // upgrade of the app ("add-upgrade") is not a new install and says nothing.
    this.onMembersAdded(async (context, next) => {
      if (inGroupConversation(context)) return next();
      await this.remember(context, context.activity.from);
      await next();
    });

    this.onInstallationUpdateAdd(async (context, next) => {
      if (inGroupConversation(context)) return next();
      if (context.activity.action === 'add') await this.welcome(context, context.activity.from);
      else await this.remember(context, context.activity.from);
      await next();
    });

    this.onMessage(async (context, next) => {
      if (inGroupConversation(context)) return next();
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

  /**
   * meetingStart records the Teams meeting and plans the in-meeting nudge; meetingEnd starts the
   * check-ins after the real end. A malformed event is ignored: the timer path stays.
   */
  protected override async onTurnActivity(context: TurnContext): Promise<void> {
    // The SDK's handler routes only token-response events; Teams' meeting events come through here.
    if (context.activity.type === 'event') return this.dispatchEventActivity(context);
    return super.onTurnActivity(context);
  }

  protected override async dispatchEventActivity(context: TurnContext): Promise<void> {
    if (context.activity.name === MEETING_END_EVENT) {
      const event = meetingEndOf(context);
      if (event && this.onMeetingEnd) await this.onMeetingEnd(event);
      return;
    }
    if (context.activity.name === MEETING_START_EVENT) {
      const event = meetingStartOf(context);
      if (event && this.onMeetingStart) await this.onMeetingStart(event);
      return;
    }
    await super.dispatchEventActivity(context);
  }

  private async remember(context: TurnContext, member: ChannelAccount | undefined): Promise<void> {
    if (!member) return;
    const user = userOf(context, member);
    if (user) await this.conversation.remember(referenceOf(context, user, member));
  }

  private async welcome(context: TurnContext, member: ChannelAccount | undefined): Promise<void> {
    if (!member) return;
    const user = userOf(context, member);
    if (!user) return;
    const reply = await this.conversation.installed(user, referenceOf(context, user, member));
    await context.sendActivity(MessageFactory.attachment(asAttachment(reply.card)));
  }

  private async replaceOrSend(context: TurnContext, card: AdaptiveCard): Promise<void> {
    const replyToId = context.activity.replyToId;
    if (replyToId) {
      try {
        const update = MessageFactory.attachment(asAttachment(card));
        update.id = replyToId;
        await context.updateActivity(update);
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

/** The card's own data out of the merged Action.Submit value (form inputs have other ids). */
function pickCardData(value: Record<string, unknown>): Record<string, unknown> {
  const { verb, cardVersion, relationshipId, meetingId } = value;
  // A "missed it?" time button carries the time; check-in buttons carry their card issue.
  if (verb === 'meeting.rebook') return { verb, cardVersion, relationshipId, meetingId, start: value.start };
  // Join on a programme invitation carries the programme; the role is a form input.
  if (verb === 'programme.join') return { verb, cardVersion, programmeId: value.programmeId };
  return { verb, cardVersion, relationshipId, meetingId, nonce: value.nonce };
}
