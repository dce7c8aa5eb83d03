import type { Result } from '../result';

/** What an install call found: this app was put there now, or it was there already (both are success). */
export type InstallResult = 'installed' | 'alreadyInstalled';

/**
 * This app in a Teams meeting's chat, over Microsoft Graph (app-only). The panel's tab settings and
 * the app's catalog id are the adapter's: the core only asks for "our app" and "our panel".
 */
export interface MeetingChatAppsPort {
  /**
   * The chat of the online meeting the organizer holds under this join URL (`chatInfo.threadId`).
   * `ATTENDANCE.MEETING_NOT_FOUND` when there is no such meeting, `TEAMS_APP.NO_MEETING_CHAT` when it has no chat.
   */
  findMeetingChat(organizerId: string, joinUrl: string): Promise<Result<string>>;
  /** Installs this app in the chat; an app already installed there is success. */
  installInChat(chatId: string): Promise<Result<InstallResult>>;
  /** Pins the meeting panel unless this app's panel tab is already in the chat: never a second tab. */
  pinPanel(chatId: string): Promise<Result<'pinned' | 'alreadyPinned'>>;
}

/** This app in a person's personal scope (Teams then sends the bot an installationUpdate). */
export interface PersonalAppsPort {
  /** Installs this app for the person; already installed is success. A 403 is `GRAPH.FORBIDDEN`. */
  installForPerson(personId: string): Promise<Result<InstallResult>>;
}

/**
 * Where installing this app for a person got to: `installed` (Teams then tells the bot, which stores
 * where to reach them), `notAllowed` (403: the admin has not allowed it; the tab tells the person how
 * to add the app themselves), `failed` (throttled or Graph unavailable; the sync timer tries again).
 */
export type PersonInstallStatus = 'installed' | 'notAllowed' | 'failed';

export interface PersonInstall {
  readonly tenantId: string;
  readonly personId: string;
  readonly status: PersonInstallStatus;
  readonly attempts: number;
  readonly lastTriedAt: number;
  readonly error?: { readonly code: string; readonly message: string };
}

export interface PersonInstallRecords {
  get(tenantId: string, personId: string): Promise<Result<PersonInstall | undefined>>;
  save(record: PersonInstall): Promise<Result<void>>;
  /** Every record not `installed`, across tenants (the timer picks the ones due). */
  listUnfinished(): Promise<Result<PersonInstall[]>>;
}
