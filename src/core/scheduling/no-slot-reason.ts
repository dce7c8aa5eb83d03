import type { LocalDate, WeeklyWindow } from '../agreement/agreement';
import type { Instant, Interval } from '../time/interval';

export type PairSide = 'mentor' | 'mentee';

/** One person's view of both people's meeting windows, in that person's own zone. */
export interface WindowsInLocalTime {
  readonly personId: string;
  readonly timeZone: string;
  readonly ownWindows: readonly WeeklyWindow[];
  readonly partnerWindows: readonly WeeklyWindow[];
}

interface Explained {
  /** A sentence a person can act on; the fields carry the same facts for cards and screens. */
  readonly message: string;
}

/**
 * Why no slot exists. Each reason is a fact about the inputs (property-tested), checked in this order,
 * and names the first boundary that leaves nothing: count, end date, first date, the windows, the
 * notice, working hours, then busy time.
 */
export type NoSlotReason =
  | (Explained & {
      readonly code: 'SCHEDULING.MEETING_COUNT_REACHED';
      readonly meetingCount: number;
      readonly meetingsSoFar: number;
    })
  | (Explained & { readonly code: 'SCHEDULING.END_DATE_REACHED'; readonly endDate: LocalDate })
  | (Explained & { readonly code: 'SCHEDULING.BEFORE_FIRST_DATE'; readonly firstDate: LocalDate; readonly searched: Interval })
  | (Explained & {
      readonly code: 'SCHEDULING.WINDOWS_NEVER_OVERLAP';
      readonly searched: Interval;
      readonly meetingMinutes: number;
      /** The longest time both windows share in the searched time (shorter than the meeting). */
      readonly longestOverlapMinutes: number;
      readonly mentorView: WindowsInLocalTime;
      readonly menteeView: WindowsInLocalTime;
    })
  | (Explained & {
      readonly code: 'SCHEDULING.NOTICE_RULES_OUT_PERIOD';
      readonly searched: Interval;
      readonly minimumNoticeHours: number;
      /** now + minimum notice: the earliest a meeting may start. */
      readonly earliestStart: Instant;
    })
  | (Explained & {
      readonly code: 'SCHEDULING.OUTSIDE_WORKING_HOURS';
      readonly searched: Interval;
      /** Whose working hours alone leave nothing; both when only the combination does. */
      readonly people: readonly PairSide[];
    })
  | (Explained & {
      readonly code: 'SCHEDULING.HORIZON_FULLY_BUSY';
      readonly searched: Interval;
      /** Whose busy time alone (with buffers) fills every shared window; empty when only the combination does. */
      readonly blockedBy: readonly (PairSide | 'plannedMeetings')[];
    });

export type NoSlotCode = NoSlotReason['code'];

const NO_SLOT_CODES: readonly NoSlotCode[] = [
  'SCHEDULING.MEETING_COUNT_REACHED',
  'SCHEDULING.END_DATE_REACHED',
  'SCHEDULING.BEFORE_FIRST_DATE',
  'SCHEDULING.WINDOWS_NEVER_OVERLAP',
  'SCHEDULING.NOTICE_RULES_OUT_PERIOD',
  'SCHEDULING.OUTSIDE_WORKING_HOURS',
  'SCHEDULING.HORIZON_FULLY_BUSY',
];

/** For codes read back from storage: one of the reasons above. */
export function isNoSlotCode(code: string): code is NoSlotCode {
  return (NO_SLOT_CODES as readonly string[]).includes(code);
}
