/**
 * The part of Office.js the add-in uses, typed here (no type package ships with the bundle). In
 * production Office.js comes from Microsoft's CDN (https://appsforoffice.microsoft.com/lib/1/hosted/office.js),
 * loaded by the pane's and the guard's pages as the platform requires; classic Outlook on Windows runs
 * the guard's script in its own JavaScript-only runtime, where `Office` is already defined. The local
 * harness defines a stand-in `Office` instead (src/local/outlook).
 */
import type { CompletableEvent } from './guard/boundary-guard';
import type { OfficeAppointmentCompose, OfficeCustomProperties } from './guard/office-guard-host';

type Callback<T> = (result: { status: 'succeeded' | 'failed'; value: T; error?: { message: string } }) => void;

/** An appointment as the pane sees it: read mode (attendee) exposes start/end as Dates, compose mode as getters. */
export interface OfficeAppointment {
  loadCustomPropertiesAsync(callback: Callback<OfficeCustomProperties>): void;
  readonly start: Date | { getAsync(callback: Callback<Date>): void };
  readonly end: Date | { getAsync(callback: Callback<Date>): void };
  /** The item's EWS id in read mode (an attendee's copy, or the organizer viewing a sent invite). */
  readonly itemId?: string;
  getItemIdAsync?(callback: Callback<string>): void;
  /** Mailbox 1.7: `Office.EventType.AppointmentTimeChanged` ('olkAppointmentTimeChanged') while composing. */
  addHandlerAsync?(eventType: 'olkAppointmentTimeChanged', handler: () => void, callback?: Callback<void>): void;
}

export interface OfficeGlobal {
  onReady(): Promise<{ host: string | null; platform: string | null }>;
  readonly actions: { associate(actionId: string, handler: (event: CompletableEvent) => void): void };
  readonly context: {
    readonly displayLanguage?: string;
    readonly officeTheme?: { readonly bodyBackgroundColor?: string; readonly isDarkTheme?: boolean };
    readonly mailbox: {
      readonly item: (OfficeAppointment & Partial<OfficeAppointmentCompose>) | null;
      /** EWS id → the REST id Microsoft Graph takes ('v2.0'). */
      convertToRestId?(itemId: string, restVersion: 'v2.0'): string;
    };
  };
}

export function officeGlobal(): OfficeGlobal | undefined {
  return (globalThis as { Office?: OfficeGlobal }).Office;
}
