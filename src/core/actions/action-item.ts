import type { Instant } from '../time/interval';
import type { LocalDate } from '../agreement/agreement';

export type ActionItemStatus = 'open' | 'done';

export type ActionItemOrigin = { readonly kind: 'manual' } | { readonly kind: 'checkIn'; readonly checkInId: string };

export interface ActionItem {
  readonly id: string;
  readonly title: string;
  /** One of the pair. */
  readonly ownerId: string;
  readonly dueDate?: LocalDate;
  readonly status: ActionItemStatus;
  readonly origin: ActionItemOrigin;
  readonly createdBy: string;
  readonly createdAt: Instant;
  readonly updatedAt: Instant;
  readonly completedAt?: Instant;
  readonly version: string;
}
