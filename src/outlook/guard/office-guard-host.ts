/**
 * The guard's host over Office.js (Mailbox 1.1+ item APIs; event-based activation needs 1.10+,
 * Smart Alerts 1.12). Only the calls the guard needs, typed here so the plain-script runtime carries no
 * type package; every callback-style call is wrapped once, and a failed AsyncResult rejects (the guard
 * then fails open).
 */
import type { GuardApi, GuardHost, MentoringIds } from './boundary-guard';

interface AsyncResult<T> {
  readonly status: 'succeeded' | 'failed';
  readonly value: T;
  readonly error?: { readonly message: string };
}
type Callback<T> = (result: AsyncResult<T>) => void;

export interface OfficeCustomProperties {
  get(name: string): unknown;
  set(name: string, value: unknown): void;
  saveAsync(callback: Callback<void>): void;
}

/** An appointment in compose mode, as the event handlers see it. */
export interface OfficeAppointmentCompose {
  loadCustomPropertiesAsync(callback: Callback<OfficeCustomProperties>): void;
  readonly start: { getAsync(callback: Callback<Date>): void };
  readonly end: { getAsync(callback: Callback<Date>): void };
  readonly notificationMessages: {
    replaceAsync(key: string, message: { type: 'informationalMessage'; message: string; icon: string; persistent: boolean }, callback: Callback<void>): void;
    removeAsync(key: string, callback: Callback<void>): void;
  };
}

const NOTICE_KEY = 'mentoring-boundary-guard';
/** The custom property a warned send leaves on the item: the time the person was told about. */
export const WARNED_TIME_PROPERTY = 'boundaryWarnedTime';

/** One Office callback call as a promise; a failed AsyncResult rejects. */
export function call<T>(run: (callback: Callback<T>) => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    run((result) => (result.status === 'succeeded' ? resolve(result.value) : reject(new Error(result.error?.message ?? 'Office call failed'))));
  });
}

/** The ids booking wrote as the add-in's custom properties; undefined on any other appointment. */
export async function readMentoringIds(item: Pick<OfficeAppointmentCompose, 'loadCustomPropertiesAsync'>): Promise<MentoringIds | undefined> {
  const props = await call<OfficeCustomProperties>((cb) => item.loadCustomPropertiesAsync(cb));
  const relationshipId = props.get('relationshipId');
  const meetingId = props.get('meetingId');
  return typeof relationshipId === 'string' && typeof meetingId === 'string' && relationshipId && meetingId ? { relationshipId, meetingId } : undefined;
}

/** `displayLanguage`: Office.context.displayLanguage (absent on a host too old to say: English). */
export function officeGuardHost(item: OfficeAppointmentCompose, iconId: string, displayLanguage: string | undefined): GuardHost {
  return {
    mentoringIds: () => readMentoringIds(item),
    displayLanguage: () => displayLanguage ?? 'en-US',
    async appointmentTime() {
      const [start, end] = await Promise.all([call<Date>((cb) => item.start.getAsync(cb)), call<Date>((cb) => item.end.getAsync(cb))]);
      return { start: start.toISOString(), end: end.toISOString() };
    },
    showNotice: (message) => call<void>((cb) => item.notificationMessages.replaceAsync(NOTICE_KEY, { type: 'informationalMessage', message, icon: iconId, persistent: false }, cb)),
    removeNotice: () => call<void>((cb) => item.notificationMessages.removeAsync(NOTICE_KEY, cb)),
    async rememberWarnedTime(time) {
      const props = await call<OfficeCustomProperties>((cb) => item.loadCustomPropertiesAsync(cb));
      props.set(WARNED_TIME_PROPERTY, `${time.start}/${time.end}`);
      await call<void>((cb) => props.saveAsync(cb));
    },
  };
}

/** The guard's one API call, with the token the sign-in gives (nested app authentication in Outlook). */
export function guardApi(apiBaseUrl: string, token: () => Promise<string>, fetchImpl: typeof fetch = (input, init) => globalThis.fetch(input, init)): GuardApi {
  return {
    async checkBoundaries(ids, time) {
      const url = `${apiBaseUrl}/api/relationships/${encodeURIComponent(ids.relationshipId)}/meetings/${encodeURIComponent(ids.meetingId)}/boundary-check`;
      const response = await fetchImpl(url, {
        method: 'POST',
        headers: { authorization: `Bearer ${await token()}`, 'content-type': 'application/json' },
        body: JSON.stringify({ start: time.start, end: time.end }),
      });
      if (response.status !== 200) throw new Error(`boundary check answered ${response.status}`);
      return response.json();
    },
  };
}
