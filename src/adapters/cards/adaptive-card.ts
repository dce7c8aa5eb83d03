/**
 * Adaptive Card JSON as plain data. Teams renders schema 1.5 on desktop, web and mobile; Outlook and
 * the Microsoft 365 app render the same card. Builders return this shape and never touch the bot
 * framework, so they are tested as data and moved between SDKs unchanged.
 */
export type CardElement = Readonly<Record<string, unknown>>;

export interface AdaptiveCard {
  readonly type: 'AdaptiveCard';
  readonly $schema: 'http://adaptivecards.io/schemas/adaptive-card.json';
  readonly version: '1.5';
  readonly body: readonly CardElement[];
  readonly actions?: readonly CardElement[];
  readonly msteams?: Readonly<Record<string, unknown>>;
}

export const ADAPTIVE_CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';

export function adaptiveCard(body: readonly CardElement[], actions: readonly CardElement[] = []): AdaptiveCard {
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    body,
    ...(actions.length > 0 ? { actions } : {}),
    msteams: { width: 'Full' },
  };
}

export const heading = (text: string): CardElement => ({
  type: 'TextBlock',
  text,
  size: 'Large',
  weight: 'Bolder',
  wrap: true,
  style: 'heading',
});

export const subheading = (text: string): CardElement => ({
  type: 'TextBlock',
  text,
  weight: 'Bolder',
  wrap: true,
  spacing: 'Medium',
});

export const paragraph = (text: string, extra: Record<string, unknown> = {}): CardElement => ({
  type: 'TextBlock',
  text,
  wrap: true,
  ...extra,
});

export const openUrl = (title: string, url: string): CardElement => ({ type: 'Action.OpenUrl', title, url });

/**
 * The verbs a card can send back. The card's own data carries the verb as well, so the
 * Action.Submit fallback (older clients without Universal Actions) routes the same way.
 */
export type CardVerb = 'checkin.submit' | 'checkin.edit' | 'checkin.open' | 'meeting.rebook' | 'programme.join';

/** What every actionable card carries back: which check-in, and which issue of the card. */
export interface CardActionData {
  readonly verb: Exclude<CardVerb, 'meeting.rebook' | 'programme.join'>;
  /** The schema of this data; raised when its shape changes so old cards are recognised. */
  readonly cardVersion: 1;
  readonly relationshipId: string;
  readonly meetingId: string;
  /** The card issue; only the latest issued to a person is accepted. */
  readonly nonce: string;
}

/**
 * A time offered on the "missed it?" card: one click books it. No nonce: the booking itself is
 * idempotent and checks who clicks (one of the pair) and the time (inside the agreement, free).
 */
export interface RebookActionData {
  readonly verb: 'meeting.rebook';
  readonly cardVersion: 1;
  readonly relationshipId: string;
  readonly meetingId: string;
  /** ISO 8601 instant (UTC). */
  readonly start: string;
}

/** Join on the invitation card: the role comes from the card's `role` input; who clicks is who joins. */
export interface ProgrammeJoinActionData {
  readonly verb: 'programme.join';
  readonly cardVersion: 1;
  readonly programmeId: string;
}

/** Action.Execute (Universal Actions) with an Action.Submit fallback carrying the same data. */
export function executeAction(title: string, data: CardActionData | RebookActionData | ProgrammeJoinActionData, style: 'positive' | 'default' = 'default'): CardElement {
  return {
    type: 'Action.Execute',
    title,
    verb: data.verb,
    data,
    style,
    fallback: { type: 'Action.Submit', title, data, style },
  };
}
