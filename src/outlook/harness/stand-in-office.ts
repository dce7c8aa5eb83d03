/**
 * A stand-in for the part of Office.js the add-in uses (src/outlook/office-runtime.ts), for the local
 * "Outlook appointment" harness only: one appointment in compose mode (start, end, attendees, the
 * add-in's custom properties), its notification bar, `Office.actions.associate`, and the events Outlook
 * fires. The pane and the guard run on it through their own Office adapters (officePaneHost,
 * officeGuardHost) exactly as they run on Office.js; only the host is stood in. Every call answers
 * asynchronously with an AsyncResult, as Office.js does.
 */
import type { CompletableEvent } from '../guard/boundary-guard';
import type { OfficeAppointmentCompose, OfficeCustomProperties } from '../guard/office-guard-host';
import type { OfficeAppointment, OfficeGlobal } from '../office-runtime';

export interface StandInNotice {
  readonly key: string;
  readonly message: string;
}

export interface StandInAppointmentState {
  readonly start: Date;
  readonly end: Date;
  readonly attendees: readonly string[];
  /** The add-in's custom properties as the item holds them (booking writes relationshipId and meetingId). */
  readonly customProperties: Readonly<Record<string, unknown>>;
  readonly notices: readonly StandInNotice[];
}

/** What the handler passed to `event.completed` (undefined: no options). */
export type Completion = Parameters<CompletableEvent['completed']>[0];

/** The event ids the unified manifest maps to the guard's actions (appPackage/manifest.json). */
export const STAND_IN_EVENTS = {
  timeChanged: 'onAppointmentTimeChanged',
  attendeesChanged: 'onAppointmentAttendeesChanged',
  send: 'onAppointmentSend',
} as const;

export interface StandInOffice {
  readonly office: OfficeGlobal;
  readonly item: OfficeAppointment & OfficeAppointmentCompose;
  state(): StandInAppointmentState;
  /** Called after every change (the page re-renders from `state()`). */
  subscribe(listener: () => void): () => void;
  /** The person edits the form: the new values, then Outlook's event for them. */
  setTime(start: Date, end: Date): Promise<Completion>;
  setAttendees(attendees: readonly string[]): Promise<Completion>;
  /** The person presses Send: Outlook's OnAppointmentSend, answered by the guard's completion. */
  send(): Promise<Completion>;
}

type Callback<T> = (result: { status: 'succeeded' | 'failed'; value: T; error?: { message: string } }) => void;
const succeed = <T>(callback: Callback<T>, value: T) => queueMicrotask(() => callback({ status: 'succeeded', value }));

/** How long the stand-in waits for a handler's `event.completed` before giving up, like Outlook's limit. */
const HANDLER_LIMIT_MS = 30_000;

export function createStandInOffice(initial: Omit<StandInAppointmentState, 'notices'>, options: { readonly language: string; readonly dark: boolean }): StandInOffice {
  let state: StandInAppointmentState = { ...initial, notices: [] };
  const listeners = new Set<() => void>();
  const handlers = new Map<string, (event: CompletableEvent) => void>();
  const timeChanged = new Set<() => void>();
  const update = (next: Partial<StandInAppointmentState>) => {
    state = { ...state, ...next };
    for (const listener of listeners) listener();
  };

  const customProperties = (): OfficeCustomProperties => {
    // A copy: set() changes only this object until saveAsync, as Office.js keeps changes until saved.
    const values: Record<string, unknown> = { ...state.customProperties };
    return {
      get: (name) => values[name],
      set: (name, value) => {
        values[name] = value;
      },
      saveAsync: (callback) => {
        update({ customProperties: { ...values } });
        succeed(callback, undefined);
      },
    };
  };

  const item: OfficeAppointment & OfficeAppointmentCompose = {
    loadCustomPropertiesAsync: (callback) => succeed(callback, customProperties()),
    start: { getAsync: (callback: Callback<Date>) => succeed(callback, new Date(state.start)) },
    end: { getAsync: (callback: Callback<Date>) => succeed(callback, new Date(state.end)) },
    addHandlerAsync: (_eventType, handler, callback) => {
      timeChanged.add(handler);
      if (callback) succeed(callback, undefined);
    },
    notificationMessages: {
      replaceAsync: (key, message, callback) => {
        update({ notices: [...state.notices.filter((n) => n.key !== key), { key, message: message.message }] });
        succeed(callback, undefined);
      },
      removeAsync: (key, callback) => {
        update({ notices: state.notices.filter((n) => n.key !== key) });
        succeed(callback, undefined);
      },
    },
  };

  const office: OfficeGlobal = {
    onReady: async () => ({ host: 'Outlook', platform: 'stand-in' }),
    actions: { associate: (actionId, handler) => void handlers.set(actionId, handler) },
    context: {
      displayLanguage: options.language,
      officeTheme: { isDarkTheme: options.dark },
      mailbox: { item },
    },
  };

  const fire = (actionId: string) =>
    new Promise<Completion>((resolve) => {
      const handler = handlers.get(actionId);
      if (!handler) return resolve({ allowEvent: true });
      const timer = setTimeout(() => resolve({ allowEvent: true }), HANDLER_LIMIT_MS);
      handler({
        completed: (completion) => {
          clearTimeout(timer);
          resolve(completion);
        },
      });
    });

  return {
    office,
    item,
    state: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    setTime(start, end) {
      update({ start, end });
      // Outlook raises the item's AppointmentTimeChanged for an open pane, and the guard's event-based activation.
      for (const handler of timeChanged) handler();
      return fire(STAND_IN_EVENTS.timeChanged);
    },
    setAttendees(attendees) {
      update({ attendees: [...attendees] });
      return fire(STAND_IN_EVENTS.attendeesChanged);
    },
    send: () => fire(STAND_IN_EVENTS.send),
  };
}
