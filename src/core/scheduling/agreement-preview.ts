/**
 * What a draft agreement means for the pair, as the person editing it reads it: their own windows,
 * the partner's windows on their clock, where a meeting of the agreed length fits for both on each
 * weekday, the weeks ahead where a clock change moves that overlap, and, when no week of the
 * agreement holds a meeting, the never-overlap reason. Pure; the tab's live check and week grid.
 */
import type { Agreement, WeeklyWindow } from '../agreement/agreement';
import { formatLocalDate, formatLocalTime, weekdayOf, type DayNumber } from '../time/civil-date';
import type { Instant, Interval } from '../time/interval';
import { instantToLocal, startOfLocalDay } from '../time/zoned-time';
import { agreementSpan, neverOverlapInAgreement, sharedWindows } from './agreement-overlap';
import { windowsInZone } from './availability';
import type { NoSlotReason, PairSide } from './no-slot-reason';

export interface OverlapWeek {
  /** The Monday (viewer's zone) the week starts on. */
  readonly weekStart: string;
  /** Where a meeting fits for both that week, in the viewer's zone. */
  readonly fits: readonly WeeklyWindow[];
}

export interface AgreementPreview {
  readonly viewer: PairSide;
  readonly viewerZone: string;
  readonly partnerZone: string;
  readonly meetingMinutes: number;
  /** The viewer's windows, in the viewer's zone. */
  readonly myWindows: readonly WeeklyWindow[];
  /** The partner's windows on the viewer's clock, in the first week of the agreement from now. */
  readonly partnerWindows: readonly WeeklyWindow[];
  /** That week: where a meeting of the agreed length fits for both, in the viewer's zone, Monday first. */
  readonly fits: readonly WeeklyWindow[];
  /** Later weeks (up to a year) where a clock change moves the overlap, with the overlap that week. */
  readonly changedWeeks: readonly OverlapWeek[];
  /** Set when no week of the agreement holds one meeting for both. */
  readonly neverOverlap?: Extract<NoSlotReason, { code: 'SCHEDULING.WINDOWS_NEVER_OVERLAP' }>;
}

const MAX_CHANGED_WEEKS = 12;

export function previewAgreement(agreement: Agreement, viewer: PairSide, now: Instant): AgreementPreview {
  const me = viewer === 'mentor' ? agreement.mentor : agreement.mentee;
  const partner = viewer === 'mentor' ? agreement.mentee : agreement.mentor;
  const zone = me.timeZone;
  const span = agreementSpan(agreement);
  const from = Math.max(now, span.start);
  const firstMonday = mondayOnOrBefore(instantToLocal(zone, from).date);
  const weekOf = (monday: DayNumber): Interval => ({ start: startOfLocalDay(zone, monday), end: startOfLocalDay(zone, monday + 7) });
  const fitsIn = (week: Interval): WeeklyWindow[] => sharedWindows(agreement, week).map((i) => localWindow(zone, i));
  const first = weekOf(firstMonday);
  const fits = fitsIn(first);
  const key = (w: readonly WeeklyWindow[]) => w.map((x) => `${x.weekday} ${x.start} ${x.end}`).join('|');
  const changedWeeks: OverlapWeek[] = [];
  let previous = key(fits);
  for (let monday = firstMonday + 7; startOfLocalDay(zone, monday) < span.end && changedWeeks.length < MAX_CHANGED_WEEKS; monday += 7) {
    const weekFits = fitsIn(weekOf(monday));
    const k = key(weekFits);
    if (k !== previous) changedWeeks.push({ weekStart: formatLocalDate(monday), fits: weekFits });
    previous = k;
  }
  const never = neverOverlapInAgreement(agreement);
  return {
    viewer,
    viewerZone: zone,
    partnerZone: partner.timeZone,
    meetingMinutes: agreement.meetingMinutes,
    myWindows: me.meetingWindows,
    partnerWindows: windowsInZone(partner.meetingWindows, partner.timeZone, zone, first.start),
    fits,
    changedWeeks,
    ...(never ? { neverOverlap: never } : {}),
  };
}

function mondayOnOrBefore(date: DayNumber): DayNumber {
  return date - (weekdayOf(date) - 1);
}

/** An interval as a weekday window on `zone`'s clock (marked when it runs past midnight). */
export function localWindow(zone: string, interval: Interval): WeeklyWindow {
  const start = instantToLocal(zone, interval.start);
  const end = instantToLocal(zone, interval.end);
  const nextDay = end.date > start.date && !(end.date === start.date + 1 && end.minutes === 0);
  return {
    weekday: start.weekday,
    start: formatLocalTime(start.minutes),
    end: formatLocalTime(end.minutes),
    ...(nextDay ? { endsNextDay: true } : {}),
  };
}

