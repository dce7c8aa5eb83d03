import type { ErrorCode } from '../../../contracts/errors';
import { knownCodeMessage, type ApiProblem } from '../../api/api-error';
import type { MessageKey } from '../../i18n/messages.en';
import { useI18n } from '../../i18n/i18n';

/**
 * Every reason the scheduler gives for "no slot", in words a person can act on. The API's own message
 * (English, with the specifics: which windows, how many minutes) is shown beneath for English readers.
 */
const noSlotKey = {
  'SCHEDULING.WINDOWS_NEVER_OVERLAP': 'schedule.noSlot.WINDOWS_NEVER_OVERLAP',
  'SCHEDULING.NOTICE_RULES_OUT_PERIOD': 'schedule.noSlot.NOTICE_RULES_OUT_PERIOD',
  'SCHEDULING.OUTSIDE_WORKING_HOURS': 'schedule.noSlot.OUTSIDE_WORKING_HOURS',
  'SCHEDULING.HORIZON_FULLY_BUSY': 'schedule.noSlot.HORIZON_FULLY_BUSY',
  'SCHEDULING.BEFORE_FIRST_DATE': 'schedule.noSlot.BEFORE_FIRST_DATE',
  'SCHEDULING.END_DATE_REACHED': 'schedule.noSlot.END_DATE_REACHED',
  'SCHEDULING.MEETING_COUNT_REACHED': 'schedule.noSlot.MEETING_COUNT_REACHED',
} as const satisfies Partial<Record<ErrorCode, MessageKey>>;

/** Refusals of a booking at a chosen time, a reschedule or a cancel that name the fix. */
const bookingKey: Partial<Record<ErrorCode, MessageKey>> = {
  'BOOKING.OUTSIDE_BOUNDARIES': 'schedule.code.OUTSIDE_BOUNDARIES',
  'BOOKING.TOO_SOON': 'schedule.code.TOO_SOON',
  'BOOKING.SLOT_BUSY': 'schedule.code.SLOT_BUSY',
  'BOOKING.MEETING_STARTED': 'schedule.code.MEETING_STARTED',
  'BOOKING.COMMENT_REQUIRED': 'schedule.code.COMMENT_REQUIRED',
  'BOOKING.NO_ACTIVE_AGREEMENT': 'schedule.code.NO_ACTIVE_AGREEMENT',
  'BOOKING.NEXT_ALREADY_PLANNED': 'schedule.code.NEXT_ALREADY_PLANNED',
};

/** These messages have no placeholders, so a key chosen at run time needs no parameters. */
type PlainTranslate = (key: MessageKey) => string;

export function noSlotText(code: string, t: PlainTranslate): string | undefined {
  const key = (noSlotKey as Record<string, MessageKey>)[code];
  return key ? t(key) : undefined;
}

/**
 * Why a meeting of the series has no time, in words a person can act on. A meeting after the end date
 * is not "the end date has passed" (it has not): it would fall after it.
 */
export function unplacedText(code: string, t: PlainTranslate): string | undefined {
  return code === 'SCHEDULING.END_DATE_REACHED' ? t('schedule.unbooked.afterEndDate') : noSlotText(code, t);
}

export function problemText(problem: ApiProblem, t: PlainTranslate): string | undefined {
  if (!problem.code) return undefined;
  const key = bookingKey[problem.code as ErrorCode];
  return key ? t(key) : (noSlotText(problem.code, t) ?? knownCodeMessage(problem.code, t));
}

/** "Tue 1 Dec, 09:00 – 09:45" in my zone (my profile's, not the device's), with the partner's clock beside it. */
export function SlotText({
  start,
  end,
  myZone,
  partnerZone,
  partnerName,
  withDay = true,
}: {
  start: string;
  end: string;
  myZone: string;
  partnerZone: string | undefined;
  partnerName: string;
  /** Off under a day heading: the time alone, the partner's still with their day (it may differ). */
  withDay?: boolean;
}) {
  const { t, format } = useI18n();
  const mine = withDay ? format.range(start, end, myZone) : `${format.clockTime(start, myZone)} – ${format.time(end, myZone)}`;
  return <>{partnerZone ? `${mine} · ${t('common.theirTime', { time: format.dateTime(start, partnerZone), name: partnerName })}` : mine}</>;
}
