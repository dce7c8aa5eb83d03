/**
 * What each calendar availability status means for booking: whether a meeting may be placed over it.
 * Graph's `freeBusyStatus` (getSchedule's scheduleItems[].status) has six values; this is the one
 * place that decides, so the Graph adapter and the local calendar cannot disagree.
 */
export type FreeBusyStatus = 'free' | 'tentative' | 'busy' | 'oof' | 'workingElsewhere' | 'unknown';

export type Availability = 'free' | 'busy';

export const FREE_BUSY_STATUSES: readonly FreeBusyStatus[] = ['free', 'tentative', 'busy', 'oof', 'workingElsewhere', 'unknown'];

export const AVAILABILITY_OF_STATUS: Readonly<Record<FreeBusyStatus, Availability>> = {
  // Shown as free: the person has said the time is theirs to give.
  free: 'free',
  // A tentative item is a meeting they may well attend; booking over it double-books them.
  tentative: 'busy',
  busy: 'busy',
  // Out of office: away (leave, travel); never to be booked.
  oof: 'busy',
  // Working elsewhere is a place, not an engagement: they are working (from home, another office),
  // and mentoring meetings are online or agreed in place by both, so the time stays bookable.
  workingElsewhere: 'free',
  // Graph could not tell: we cannot see the calendar, so we do not place a meeting we cannot vouch for.
  unknown: 'busy',
};

export function blocksTime(status: FreeBusyStatus): boolean {
  return AVAILABILITY_OF_STATUS[status] === 'busy';
}
