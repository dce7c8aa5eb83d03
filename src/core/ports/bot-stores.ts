/**
 * What the bot keeps besides the mentoring data: where to reach each person, which check-in card
 * issue is current, and which proactive messages were delivered. The Table Storage adapters live in
 * src/adapters/bot/table-bot-stores.ts; the conversation logic depends only on these interfaces.
 */

import type { Result } from '../result';

/** The parts of a Bot Framework conversation reference we need to message someone later. */
export interface StoredConversationReference {
  readonly serviceUrl: string;
  readonly channelId: string;
  readonly conversationId: string;
  readonly botId: string;
  readonly userId: string;
  readonly userAadObjectId: string;
  readonly tenantId: string;
  readonly locale?: string;
}

export interface ConversationReferenceStore {
  save(reference: StoredConversationReference): Promise<void>;
  get(tenantId: string, userAadObjectId: string): Promise<StoredConversationReference | undefined>;
}

/**
 * Whether the bot holds a conversation reference for a person, as a value: for the use cases that
 * answer a person (the tab's "can the bot reach me?"), where a store that does not answer is an
 * expected failure with a stable code, not an exception.
 */
export interface ConversationReferenceLookup {
  /** False when the person never installed the app; `STORAGE.UNAVAILABLE` when the store did not answer as expected. */
  has(tenantId: string, userAadObjectId: string): Promise<Result<boolean>>;
}

/** One issue of a check-in card: who it was sent to and for which meeting. */
export interface CheckInCardIssue {
  readonly nonce: string;
  readonly tenantId: string;
  readonly userId: string;
  readonly relationshipId: string;
  readonly meetingId: string;
}

export interface CheckInCardIssueStore {
  /** Records a new issue and makes it the person's current card for that meeting. */
  issue(card: CheckInCardIssue): Promise<void>;
  findByNonce(tenantId: string, nonce: string): Promise<CheckInCardIssue | undefined>;
  currentNonce(tenantId: string, userId: string, meetingId: string): Promise<string | undefined>;
  /**
   * Replaces the current issue only if it is still `expectedNonce` (compare-and-swap), so two
   * clicks on the same card cannot both be accepted. False when another issue won.
   */
  replaceCurrent(expectedNonce: string, next: CheckInCardIssue): Promise<boolean>;
}
