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
  /**
   * The invite's iCalendar UID, the same on every attendee's copy (where the add-in's custom properties
   * are missing); undefined when it cannot be read (compose mode of a new item, no Graph access).
   */
  iCalUId(): Promise<string | undefined>;
  /** Calls `listener` when the person changes the appointment's time while composing (where the host tells). */
  onTimeChanged?(listener: () => void): void;
}

/**
 * Office.js gives no iCalUId: the pane turns the item's EWS id into its REST id and reads `iCalUId` from
 * Microsoft Graph (`GET /me/events/{id}?$select=iCalUId`) with the person's own delegated token.
 */
export interface ICalUIdReader {
  toRestId(itemId: string): string;
  read(restId: string): Promise<string | undefined>;
}

export function graphICalUIdReader(toRestId: (itemId: string) => string, graphToken: () => Promise<string>, fetchImpl: typeof fetch = (i, init) => globalThis.fetch(i, init), graphBase = 'https://graph.microsoft.com/v1.0'): ICalUIdReader {
  return {
    toRestId,
    async read(restId) {
      const response = await fetchImpl(`${graphBase}/me/events/${encodeURIComponent(restId)}?$select=iCalUId`, { headers: { authorization: `Bearer ${await graphToken()}` } });
      if (!response.ok) return undefined;
      const body = (await response.json()) as { iCalUId?: unknown };
      return typeof body.iCalUId === 'string' && body.iCalUId ? body.iCalUId : undefined;
    },
  };
}

const timeOf = async (value: OfficeAppointment['start']): Promise<Date> => (value instanceof Date ? value : call<Date>((cb) => value.getAsync(cb)));

export function officePaneHost(item: OfficeAppointment, iCalUIds?: ICalUIdReader): PaneHost {
  return {
    mentoringIds: () => readMentoringIds(item),
    async appointmentTime() {
      const [start, end] = await Promise.all([timeOf(item.start), timeOf(item.end)]);
      return { start: start.toISOString(), end: end.toISOString() };
    },
    async iCalUId() {
      if (!iCalUIds || typeof item.itemId !== 'string' || !item.itemId) return undefined;
      return iCalUIds.read(iCalUIds.toRestId(item.itemId)).catch(() => undefined);
    },
    onTimeChanged(listener) {
      // Read mode has no such event (and no addHandlerAsync on older clients): the pane then keeps what it read.
      item.addHandlerAsync?.('olkAppointmentTimeChanged', listener, () => undefined);
    },
  };
}
