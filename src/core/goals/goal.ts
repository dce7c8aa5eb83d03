import type { Instant } from '../time/interval';
import type { LocalDate } from '../agreement/agreement';

/** The SMART parts; each is free text the pair writes, empty when not yet thought through. */
export interface SmartParts {
  readonly specific: string;
  readonly measurable: string;
  readonly achievable: string;
  readonly relevant: string;
  readonly timeBound: string;
}

export interface Goal {
  readonly id: string;
  readonly title: string;
  readonly smart: SmartParts;
  /** Local date "YYYY-MM-DD"; absent when not decided. */
  readonly targetDate?: LocalDate;
  /** 0–100. */
  readonly progress: number;
  readonly createdBy: string;
  readonly createdAt: Instant;
  readonly updatedAt: Instant;
  readonly version: string;
}
