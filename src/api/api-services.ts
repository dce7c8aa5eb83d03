/** What the API's functions run on; built once per host by the composition root. */
import type { ReachDeps, ReachFor } from '../core/reach/reach-people';
import type { Clock } from '../core/ports/clock';
import type { IdGenerator } from '../core/ports/id-generator';
import type { MentoringRepositories } from '../core/ports/repositories';
import type { ProgrammeHealthStore, ProgrammeMessenger, ProgrammeRepository } from '../core/ports/programmes';
import type { Result } from '../core/result';
import type { BookingServices } from './booking-services';
import type { TodoServices } from './todo-services';
import type { FeedServices } from './feed-services';

export interface ComponentStatus {
  readonly status: 'ok' | 'unavailable';
  /** Short, safe to show: never a connection string, key or stack. */
  readonly detail?: string;
}

export interface HealthCheck {
  readonly name: string;
  /**
   * Answers whether the component works. `signal` aborts when the health endpoint stops waiting, so
   * a check needs no short timeout of its own (one would turn "slow" into "failed" under load).
   */
  check(signal: AbortSignal): Promise<ComponentStatus>;
  /** How long to wait for this component; the endpoint's generous default otherwise. */
  readonly timeoutMs?: number;
}

export interface ApiServices {
  readonly repositories: MentoringRepositories;
  /** Programmes and their members (owners' data, per tenant). */
  readonly programmes: ProgrammeRepository;
  /** Programme health counters and at-risk pairs, kept as pairs change (the repositories record them). */
  readonly programmeHealth: ProgrammeHealthStore;
  /**
   * The bot's delivery pipeline for programme messages (announcements, invitations, nudges): the bot
   * runs in the same Function App and is composed on first use; `PROGRAMME.MESSAGES_UNAVAILABLE`
   * when this host has no bot.
   */
  readonly programmeMessenger: () => Promise<Result<ProgrammeMessenger>>;
  readonly ids: IdGenerator;
  readonly clock: Clock;
  readonly health: readonly HealthCheck[];
  /** Calendars (Graph), the directory and the sync register for the booking functions and timers. */
  readonly booking: BookingServices;
  /** Microsoft To Do for action items: the person's own (opt-in) and the app's (sync timer). */
  readonly todo: TodoServices;
  /** Teams activity-feed notifications: the queue events are raised on (absent without a storage queue). */
  readonly feed?: FeedServices;
  /**
   * Installing the app for people the bot cannot reach yet (PROACTIVE_INSTALL_ENABLED with TEAMS_APP_CATALOG_ID):
   * a failure value where it is off. Absent in hosts that never reach people (tests that do not need it).
   */
  readonly reach?: ReachFor;
  /** What the bot knows of reaching a person (its conversation references) and of installs for them, for the tab. */
  readonly reachRecords?: Pick<ReachDeps, 'references' | 'installs'>;
}

export interface ApiLogger {
  error(message: string, fields: Record<string, unknown>): void;
  info(message: string, fields: Record<string, unknown>): void;
}

export const consoleLogger: ApiLogger = {
  error: (message, fields) => console.error(JSON.stringify({ level: 'error', message, ...fields })),
  info: (message, fields) => console.log(JSON.stringify({ level: 'info', message, ...fields })),
};
