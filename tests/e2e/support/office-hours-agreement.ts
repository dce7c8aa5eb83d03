const weekdays = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: '09:00', end: '17:00' }));
const side = (personId: string) => ({ personId, timeZone: 'UTC', meetingWindows: weekdays, contactChannel: 'teamsChat', contactHours: weekdays });

/**
 * An agreement any pair can book under: weekly 45-minute online meetings from tomorrow, both people
 * free on weekdays 09:00–17:00 UTC. For tests that need a meeting of a relationship, not a particular one.
 */
export function officeHoursAgreement(mentorId: string, menteeId: string) {
  return {
    cadence: { kind: 'weekly' },
    meetingMinutes: 45,
    bufferMinutes: 0,
    minimumNoticeHours: 24,
    respectWorkingHours: false,
    firstDate: new Date(Date.now() + 86_400_000).toISOString().slice(0, 10),
    meetingCount: 6,
    location: { kind: 'online' },
    mentor: side(mentorId),
    mentee: side(menteeId),
  };
}
