import type { Agreement, WeeklyWindow } from '../../../src/core/agreement/agreement';

/** A weekly series of 60-minute online meetings between the two given windows. */
export function weeklyAgreement(
  mentor: { id: string; zone: string; windows: WeeklyWindow[] },
  mentee: { id: string; zone: string; windows: WeeklyWindow[] },
  overrides: Partial<Agreement> = {},
): Agreement {
  return {
    cadence: { kind: 'weekly' },
    meetingMinutes: 60,
    bufferMinutes: 0,
    minimumNoticeHours: 24,
    respectWorkingHours: false,
    firstDate: '2027-01-05',
    meetingCount: 6,
    location: { kind: 'online' },
    mentor: { personId: mentor.id, timeZone: mentor.zone, meetingWindows: mentor.windows, contactChannel: 'teamsChat', contactHours: [{ weekday: 1, start: '09:00', end: '17:00' }] },
    mentee: { personId: mentee.id, timeZone: mentee.zone, meetingWindows: mentee.windows, contactChannel: 'teamsChat', contactHours: [{ weekday: 1, start: '09:00', end: '17:00' }] },
    ...overrides,
  };
}

/** Monday 4 January 2027, 08:00 UTC: the fixed clock of the booking tests. */
export const NOW = Date.UTC(2027, 0, 4, 8, 0);
