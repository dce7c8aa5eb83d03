/**
 * What the pane reads from the open appointment, over Office.js (src/outlook/office-runtime.ts) or the
 * local harness's stand-in host. Read mode (an attendee, or the organizer viewing) exposes the times as
 * Dates; compose mode as async getters.
 */
import type { MentoringIds } from '../guard/boundary-guard';
import { call, readMentoringIds } from '../guard/office-guard-host';
import type { OfficeAppointment } from '../office-runtime';

export interface PaneHost {
  /** The ids booking wrote as the add-in's custom properties (the organizer's event only). */
  mentoringIds(): Promise<MentoringIds | undefined>;
  appointmentTime(): Promise<{ readonly start: string; readonly end: string }>;
  /** The appointment's iCalendar UID, the same on every attendee's copy; undefined when the client does not give it. */
  iCalUId(): Promise<string | undefined>;
}

const timeOf = async (value: OfficeAppointment['start']): Promise<Date> => (value instanceof Date ? value : call<Date>((cb) => value.getAsync(cb)));

export function officePaneHost(item: OfficeAppointment): PaneHost {
  return {
    mentoringIds: () => readMentoringIds(item),
    async appointmentTime() {
      const [start, end] = await Promise.all([timeOf(item.start), timeOf(item.end)]);
      return { start: start.toISOString(), end: end.toISOString() };
    },
    async iCalUId() {
      return typeof item.iCalUId === 'string' && item.iCalUId ? item.iCalUId : undefined;
    },
  };
}
