import type { Agreement, PersonBoundaries, WeeklyWindow } from '../agreement/agreement';
import { DAY, HOUR, MINUTE, type Instant, type Interval } from '../time/interval';
import { formatLocalTime, parseLocalDate, WEEKDAY_NAMES } from '../time/civil-date';
import { formatInstantInZone, instantToLocal, startOfLocalDay } from '../time/zoned-time';
import { expandWeeklyWindows } from '../time/weekly-windows';
import {
  clipIntervals,
  intersectIntervals,
  keepAtLeast,
  longestInterval,
  normalizeIntervals,
  subtractIntervals,
  unionIntervals,
  widenIntervals,
} from '../time/interval-algebra';
import type { PersonCalendar } from '../ports/calendar';
import type { NoSlotReason, PairSide, WindowsInLocalTime } from './no-slot-reason';
import type { SchedulingInput } from './scheduling-input';

/**
 * The boundaries applied one after another over the searched time. Each stage keeps only stretches
 * long enough for a meeting, so "the stage is empty" means "this boundary leaves no slot", which is
 * what the explanations say.
 */
export interface AvailabilityStages {
  readonly searched: Interval;
  readonly meetingMs: number;
  readonly earliestStart: Instant;
  /** Both people's meeting windows, in their own zones, inside the searched time. */
  readonly windows: readonly Interval[];
  /** … starting no sooner than now + notice. */
  readonly notice: readonly Interval[];
  /** … inside both people's working hours (when the agreement respects them). */
  readonly working: readonly Interval[];
  /** … outside busy time, planned meetings and their buffers. */
  readonly free: readonly Interval[];
  readonly mentorWorking: readonly Interval[] | undefined;
  readonly menteeWorking: readonly Interval[] | undefined;
  readonly mentorBusy: readonly Interval[];
  readonly menteeBusy: readonly Interval[];
  readonly plannedBusy: readonly Interval[];
}

/** [first day, day after the end date) — the dates hold in BOTH people's zones. */
export function agreementRange(agreement: Agreement): Interval {
  const first = parseLocalDate(agreement.firstDate)!;
  const start = Math.max(startOfLocalDay(agreement.mentor.timeZone, first), startOfLocalDay(agreement.mentee.timeZone, first));
  if (agreement.endDate === undefined) return { start, end: Number.POSITIVE_INFINITY };
  const after = parseLocalDate(agreement.endDate)! + 1;
  return { start, end: Math.min(startOfLocalDay(agreement.mentor.timeZone, after), startOfLocalDay(agreement.mentee.timeZone, after)) };
}

export function earliestStartOf(input: SchedulingInput): Instant {
  return input.now + input.agreement.minimumNoticeHours * HOUR;
}

function workingHoursOf(calendar: PersonCalendar, range: Interval, agreement: Agreement): Interval[] | undefined {
  if (!agreement.respectWorkingHours || calendar.workingHours === undefined) return undefined;
  return expandWeeklyWindows(calendar.workingHours, calendar.timeZone, range);
}

export function computeStages(input: SchedulingInput, searched: Interval): AvailabilityStages {
  const { agreement, calendars } = input;
  const meetingMs = agreement.meetingMinutes * MINUTE;
  const bufferMs = agreement.bufferMinutes * MINUTE;
  const earliestStart = earliestStartOf(input);

  const windows = keepAtLeast(
    intersectIntervals(
      expandWeeklyWindows(agreement.mentor.meetingWindows, agreement.mentor.timeZone, searched),
      expandWeeklyWindows(agreement.mentee.meetingWindows, agreement.mentee.timeZone, searched),
    ),
    meetingMs,
  );
  const notice = keepAtLeast(clipIntervals(windows, earliestStart, Number.POSITIVE_INFINITY), meetingMs);

  const mentorWorking = workingHoursOf(calendars.mentor, searched, agreement);
  const menteeWorking = workingHoursOf(calendars.mentee, searched, agreement);
  let working = notice;
  if (mentorWorking !== undefined) working = intersectIntervals(working, mentorWorking);
  if (menteeWorking !== undefined) working = intersectIntervals(working, menteeWorking);
  working = keepAtLeast(working, meetingMs);

  const mentorBusy = widenIntervals(calendars.mentor.busy, bufferMs, bufferMs);
  const menteeBusy = widenIntervals(calendars.mentee.busy, bufferMs, bufferMs);
  const plannedBusy = widenIntervals(input.plannedMeetings ?? [], bufferMs, bufferMs);
  const free = keepAtLeast(subtractIntervals(working, unionIntervals(mentorBusy, menteeBusy, plannedBusy)), meetingMs);

  return { searched, meetingMs, earliestStart, windows, notice, working, free, mentorWorking, menteeWorking, mentorBusy, menteeBusy, plannedBusy };
}

/** The stages narrowed to part of the searched time, with extra meetings (e.g. earlier ones in a series) kept clear. */
export function narrowStages(stages: AvailabilityStages, range: Interval, alsoBusy: readonly Interval[]): AvailabilityStages {
  const from = Math.max(range.start, stages.searched.start);
  const to = Math.min(range.end, stages.searched.end);
  const clip = (a: readonly Interval[]): Interval[] => keepAtLeast(clipIntervals(a, from, to), stages.meetingMs);
  const plannedBusy = alsoBusy.length === 0 ? stages.plannedBusy : unionIntervals(stages.plannedBusy, alsoBusy);
  const free = alsoBusy.length === 0 ? clip(stages.free) : keepAtLeast(subtractIntervals(clip(stages.free), normalizeIntervals(alsoBusy)), stages.meetingMs);
  return {
    ...stages,
    searched: { start: from, end: Math.max(from, to) },
    windows: clip(stages.windows),
    notice: clip(stages.notice),
    working: clip(stages.working),
    free,
    plannedBusy,
  };
}

/** The reason for an empty `free` stage: the first stage that is empty. */
export function explainEmptyStages(input: SchedulingInput, stages: AvailabilityStages): NoSlotReason {
  const { agreement } = input;
  const searched = stages.searched;
  const during = `between ${formatInstantInZone(searched.start, agreement.mentor.timeZone)} and ${formatInstantInZone(searched.end, agreement.mentor.timeZone)}`;

  if (stages.windows.length === 0) return windowsNeverOverlapReason(agreement, searched, during);
  if (stages.notice.length === 0) {
    return {
      code: 'SCHEDULING.NOTICE_RULES_OUT_PERIOD',
      message: `Every shared window ${during} starts less than ${agreement.minimumNoticeHours} hours from now (the agreed minimum notice). The earliest possible start is ${formatInstantInZone(stages.earliestStart, agreement.mentor.timeZone)}; look at a later period or lower the notice.`,
      searched,
      minimumNoticeHours: agreement.minimumNoticeHours,
      earliestStart: stages.earliestStart,
    };
  }
  if (stages.working.length === 0) {
    const aloneEmpty = (hours: readonly Interval[] | undefined): boolean =>
      hours !== undefined && keepAtLeast(intersectIntervals(stages.notice, hours), stages.meetingMs).length === 0;
    let people: PairSide[] = (['mentor', 'mentee'] as const).filter((side) =>
      aloneEmpty(side === 'mentor' ? stages.mentorWorking : stages.menteeWorking),
    );
    if (people.length === 0) people = ['mentor', 'mentee'];
    const who = people.length === 2 ? "both people's working hours together" : `the ${people[0]}'s working hours`;
    return {
      code: 'SCHEDULING.OUTSIDE_WORKING_HOURS',
      message: `The shared windows ${during} fall outside ${who}. Move a window into working hours, or agree to meet outside them.`,
      searched,
      people,
    };
  }
  const blockedBy = (
    [
      ['mentor', stages.mentorBusy],
      ['mentee', stages.menteeBusy],
      ['plannedMeetings', stages.plannedBusy],
    ] as const
  )
    .filter(([, busy]) => busy.length > 0 && keepAtLeast(subtractIntervals(stages.working, busy), stages.meetingMs).length === 0)
    .map(([who]) => who);
  const whose =
    blockedBy.length === 0
      ? 'Between both calendars'
      : `${blockedBy.map((b) => (b === 'plannedMeetings' ? 'your planned meetings' : `the ${b}'s calendar`)).join(' and ')}:`;
  return {
    code: 'SCHEDULING.HORIZON_FULLY_BUSY',
    message: `${whose} every shared window ${during} is taken, counting the ${agreement.bufferMinutes}-minute buffer around meetings. Free some time or look at a later period.`,
    searched,
    blockedBy,
  };
}

/** Both people's windows never share a meeting's length in `searched`: the reason, with both views in both zones. */
export function windowsNeverOverlapReason(agreement: Agreement, searched: Interval, during: string): Extract<NoSlotReason, { code: 'SCHEDULING.WINDOWS_NEVER_OVERLAP' }> {
  const overlap = intersectIntervals(
    expandWeeklyWindows(agreement.mentor.meetingWindows, agreement.mentor.timeZone, searched),
    expandWeeklyWindows(agreement.mentee.meetingWindows, agreement.mentee.timeZone, searched),
  );
  const longestOverlapMinutes = Math.floor(longestInterval(overlap) / MINUTE);
  const mentorView = windowsView(agreement.mentor, agreement.mentee, searched.start);
  const menteeView = windowsView(agreement.mentee, agreement.mentor, searched.start);
  return {
    code: 'SCHEDULING.WINDOWS_NEVER_OVERLAP',
    message:
      `Your meeting windows never share ${agreement.meetingMinutes} minutes ${during}` +
      (longestOverlapMinutes > 0 ? ` (they share at most ${longestOverlapMinutes} minutes)` : '') +
      `. In ${mentorView.timeZone} time the mentor can meet ${describeWindows(mentorView.ownWindows)} and the mentee ${describeWindows(mentorView.partnerWindows)}; ` +
      `in ${menteeView.timeZone} time the mentee can meet ${describeWindows(menteeView.ownWindows)} and the mentor ${describeWindows(menteeView.partnerWindows)}. ` +
      'Widen a window or add a day so they overlap.',
    searched,
    meetingMinutes: agreement.meetingMinutes,
    longestOverlapMinutes,
    mentorView,
    menteeView,
  };
}

/** `owner`'s and `partner`'s windows as `owner` reads them, for the week starting at `from`. */
export function windowsView(owner: PersonBoundaries, partner: PersonBoundaries, from: Instant): WindowsInLocalTime {
  return {
    personId: owner.personId,
    timeZone: owner.timeZone,
    ownWindows: owner.meetingWindows,
    partnerWindows: windowsInZone(partner.meetingWindows, partner.timeZone, owner.timeZone, from),
  };
}

export function windowsInZone(windows: readonly WeeklyWindow[], fromZone: string, toZone: string, weekStart: Instant): WeeklyWindow[] {
  const out: WeeklyWindow[] = [];
  for (const w of windows) {
    // Expanded a day wider on each side so no occurrence kept is cut short by the range.
    for (const occurrence of expandWeeklyWindows([w], fromZone, { start: weekStart - DAY, end: weekStart + 8 * DAY })) {
      if (occurrence.start < weekStart || occurrence.start >= weekStart + 7 * DAY) continue;
      const start = instantToLocal(toZone, occurrence.start);
      const end = instantToLocal(toZone, occurrence.end);
      out.push({ weekday: start.weekday, start: formatLocalTime(start.minutes), end: formatLocalTime(end.minutes) });
    }
  }
  const unique = new Map(out.map((w) => [`${w.weekday} ${w.start} ${w.end}`, w]));
  return [...unique.values()].sort((a, b) => a.weekday - b.weekday || a.start.localeCompare(b.start));
}

export function describeWindows(windows: readonly WeeklyWindow[]): string {
  return [...windows]
    .sort((a, b) => a.weekday - b.weekday || a.start.localeCompare(b.start))
    .map((w) => `${WEEKDAY_NAMES[w.weekday]} ${w.start}–${w.end}`)
    .join(', ');
}
