import type { Agreement } from '../agreement/agreement';
import type { Instant } from '../time/interval';

/**
 * One proposed version of the agreement. Versions are never overwritten: a counter-proposal is a
 * new version. The agreement becomes active when both people accepted the SAME version.
 */
export interface AgreementVersion {
  /** `agreementVersionId(number)`; the storage id, unique per relationship. */
  readonly id: string;
  /** 1, 2, 3 … in proposal order. */
  readonly number: number;
  readonly agreement: Agreement;
  readonly proposedBy: string;
  readonly proposedAt: Instant;
  readonly note: string;
  /** Person ids who accepted this version; the proposer accepts by proposing. */
  readonly acceptedBy: readonly string[];
  readonly version: string;
}

/** Zero-padded so that ids sort in proposal order in storage. */
export function agreementVersionId(number: number): string {
  return `v${String(number).padStart(6, '0')}`;
}
