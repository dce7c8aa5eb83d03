/**
 * The guard's script (built as one file without imports, `outlook-guard.js`: classic Outlook on Windows
 * loads it into a JavaScript-only runtime, the other clients through `outlook-guard.html`). It maps the
 * manifest's action ids to the handlers with `Office.actions.associate`, as the platform requires for
 * event-based activation; the ids are the ones in appPackage/manifest.json (GUARD_ACTIONS, tested).
 *
 * The build writes the settings in (`__MENTORING_GUARD_SETTINGS__`, from VITE_API_ENDPOINT,
 * VITE_AAD_APP_CLIENT_ID and VITE_TAB_DOMAIN): a JavaScript-only runtime has no page to read them from.
 * Missing settings, like any other failure, make the guard fail open (it never blocks a send).
 */
import { naaConfigFrom, naaSignIn } from '../auth/naa-sign-in';
import { officeGlobal, type OfficeGlobal } from '../office-runtime';
import { onAppointmentChanged, onAppointmentSend, type CompletableEvent, type GuardDeps } from './boundary-guard';
import { guardApi, officeGuardHost, type OfficeAppointmentCompose } from './office-guard-host';

declare const __MENTORING_GUARD_SETTINGS__: { apiEndpoint: string; clientId: string; tabDomain: string };

/** The manifest's executeFunction action ids, each with its handler. */
export const GUARD_ACTIONS = {
  onAppointmentTimeChanged: onAppointmentChanged,
  onAppointmentAttendeesChanged: onAppointmentChanged,
  onAppointmentSend: onAppointmentSend,
} as const;

export interface GuardSettings {
  readonly apiEndpoint: string;
  readonly clientId: string;
  readonly tabDomain: string;
}

/** The 16 px icon the bar shows (the unified manifest names icons by URL). */
const iconOf = (settings: GuardSettings) => `https://${settings.tabDomain}/outlook/icon-16.png`;

export function guardDepsFor(office: OfficeGlobal, settings: GuardSettings, token: () => Promise<string>): GuardDeps {
  const item = office.context.mailbox.item as unknown as OfficeAppointmentCompose;
  return { host: officeGuardHost(item, iconOf(settings), office.context.displayLanguage), api: guardApi(settings.apiEndpoint, token) };
}

/** Associates every action; the token comes from nested app authentication, silently (handlers show no UI). */
export function associateGuard(office: OfficeGlobal, settings: GuardSettings): void {
  const config = naaConfigFrom(settings);
  const signIn = 'missing' in config ? undefined : naaSignIn(config);
  const token = async () => {
    if (!signIn) throw new Error('the guard was built without its sign-in settings');
    await office.onReady();
    return signIn.silentToken();
  };
  associateHandlers(office, () => guardDepsFor(office, settings, token));
}

/** Maps each action id to its handler, with the deps made per event (the local harness passes its own sign-in). */
export function associateHandlers(office: Pick<OfficeGlobal, 'actions'>, depsFor: () => GuardDeps): void {
  for (const [actionId, handler] of Object.entries(GUARD_ACTIONS)) {
    office.actions.associate(actionId, (event: CompletableEvent) => {
      let deps: GuardDeps;
      try {
        deps = depsFor();
      } catch {
        // No item to read: let the event through.
        event.completed(handler === onAppointmentSend ? { allowEvent: true } : undefined);
        return;
      }
      void handler(event, deps);
    });
  }
}

const office = officeGlobal();
if (office && typeof __MENTORING_GUARD_SETTINGS__ !== 'undefined') associateGuard(office, __MENTORING_GUARD_SETTINGS__);
