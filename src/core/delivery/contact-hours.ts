import type { PersonBoundaries } from '../agreement/agreement';
import type { Instant } from '../time/interval';

/**
 * When may the bot message this person? Returns `at` itself when `at` is inside the person's contact
 * hours, the start of their next contact window otherwise, or undefined when they have none. The
 * rule itself belongs to scheduling (the person's weekly windows in their own zone); delivery takes it
 * as an argument so both sides agree on one definition.
 */
export type NextContactMoment = (person: DeliveryRecipient, at: Instant) => Instant | undefined;

/** Who a message goes to: their zone and contact hours, as signed in the agreement. */
export type DeliveryRecipient = Pick<PersonBoundaries, 'personId' | 'timeZone' | 'contactHours'>;
