/**
 * The calendar side of the API host: which CalendarPort a booking call runs on (delegated, on behalf
 * of the signed-in person, for requests; app-only for timers and notifications), the directory that
 * knows mailbox addresses, and the register of relationships the sync timer watches.
 */
import { z } from 'zod';
import { graphCalendarFor } from '../adapters/graph/graph-calendar.adapter';
import { createGraphClient, type AccessTokenSource } from '../adapters/graph/graph-client';
import { fromThrown } from '../adapters/graph/graph-errors';
import { MsalTokenSources } from '../adapters/graph/msal-token-source';
import { managedIdentityAssertion } from '../adapters/identity/managed-identity-assertion';
import type { TableDocumentStore } from '../adapters/storage/table-document-store';
import type { BookingDeps, BookingSettings, DeltaDeps, PairWorkingHoursDeps, PeopleDirectory, SubscriptionDeps, SyncRegister, UnbookedDeps, UnbookedMeeting, UnbookedSeries } from '../core/booking';
import { isNoSlotCode } from '../core/scheduling/no-slot-reason';
import { GraphCalendarDeltaAdapter } from '../adapters/graph/graph-calendar-delta.adapter';
import { GraphSubscriptionAdapter } from '../adapters/graph/graph-subscriptions.adapter';
import { GraphMeetingAttendance } from '../adapters/graph/graph-meeting-attendance.adapter';
import { GraphMeetingChatApps, GraphPersonalApps, meetingPanelTabOf } from '../adapters/graph/graph-teams-apps.adapter';
import type { PersonalAppsPort } from '../core/ports/teams-apps';
import { APP_RESOURCE_SPECIFIC_PERMISSIONS } from './app-resource-permissions';
import { GraphGroupMembers } from '../adapters/graph/graph-group-members.adapter';
import { GraphManagers } from '../adapters/graph/graph-managers.adapter';
import type { GroupDirectory, ManagerDirectory } from '../core/ports/programmes';
import { GraphWorkingHoursAdapter } from '../adapters/graph/graph-working-hours.adapter';
import type { CalendarChangeQueue, CalendarSubscription, CalendarSubscriptionRecords, DeltaCursor, DeltaCursorRecords } from '../core/ports/calendar-subscriptions';
import type { CalendarPerson } from '../core/ports/calendar';
import type { MentoringRepositories } from '../core/ports/repositories';
import { fail, ok, type Result } from '../core/result';
import type { Principal } from '../core/usecases/principal';
import type { ApiSettings } from './config';

/** Token sources for Graph; MsalTokenSources in both hosts (the local issuer stands in for Entra ID). */
export interface GraphTokenSources {
  /** `scopes` default to the booking's (DELEGATED_GRAPH_SCOPES); To Do asks for its own. */
  onBehalfOf(tenantId: string, ssoToken: string, scopes?: readonly string[]): AccessTokenSource;
  appOnly(tenantId: string): AccessTokenSource;
}

export interface RegisteredPair {
  readonly tenantId: string;
  readonly relationshipId: string;
  /** Target dates of meetings deferred beyond the planning horizon. */
  readonly deferred: readonly string[];
}

/** Relationships with booked meetings, so the sync timer knows what to watch across tenants. */
export interface BookingRegister extends SyncRegister {
  list(): Promise<Result<RegisteredPair[]>>;
}

export interface BookingServices {
  /** For a signed-in person's request: the calendar on behalf of that person. */
  forRequest(principal: Principal, authorization: string | undefined): Result<BookingDeps>;
  /** For reads of what booking recorded (no calendar call): storage, the register and the settings. */
  readonly records: UnbookedDeps;
  /** For timers and notifications: the app's own access to the tenant's calendars. */
  forTenant(tenantId: string): Result<BookingDeps>;
  readonly register: BookingRegister;
  /** The subscriptions we keep, each with its own clientState: the webhook checks every notification against them. */
  readonly subscriptionRecords: CalendarSubscriptionRecords;
  /** For the subscription timer and the change consumer: app-only Graph subscriptions and their records. */
  subscriptionsFor(tenantId: string): Result<SubscriptionDeps>;
  /** For the safety-net timer: delta reads of the watched mailboxes (app-only) and their cursors. */
  deltaFor(tenantId: string): Result<DeltaDeps>;
  /** Where the webhook queues notifications for the consumer; absent when the host has no queue. */
  readonly changes?: CalendarChangeQueue;
  /** App-only install of this app for a person (PROACTIVE_INSTALL_ENABLED with TEAMS_APP_CATALOG_ID), so the bot can reach them. */
  personalAppsFor(tenantId: string): Result<PersonalAppsPort>;
  /** App-only attendance reports of the tenant's online meetings (for the bot's meetingEnd events). */
  attendanceFor(tenantId: string): Result<GraphMeetingAttendance>;
  /** App-only Entra group membership (GroupMember.Read.All), for programmes open to a group. */
  groupsFor(tenantId: string): Result<GroupDirectory>;
  /** App-only managers (`User.Read.All`): matching's "never one's own manager". */
  managersFor(tenantId: string): Result<ManagerDirectory>;
  /**
   * App-only working hours (`MailboxSettings.Read` application permission): a delegated token reads
   * only the caller's own mailbox settings, and the agreement form needs the partner's too.
   */
  workingHoursFor(tenantId: string): Result<Omit<PairWorkingHoursDeps, 'repos'>>;
}

const notConfigured = () =>
  fail('CALENDAR.NOT_CONFIGURED', 'Calendars are not connected on this server yet: an administrator must give the API a credential for Microsoft Graph (AUTH_FEDERATED_IDENTITY_CLIENT_ID, or AUTH_CLIENT_SECRET).');

/** A person's mailbox address and name from Microsoft Entra ID (`User.ReadBasic.All`). */
export class GraphPeopleDirectory implements PeopleDirectory {
  constructor(private readonly clientFor: (tenantId: string) => ReturnType<typeof createGraphClient>) {}

  async findPeople(tenantId: string, ids: readonly string[]): Promise<Result<CalendarPerson[]>> {
    const client = this.clientFor(tenantId);
    const people: CalendarPerson[] = [];
    for (const id of ids) {
      let raw: unknown;
      try {
        raw = await client.api(`/users/${encodeURIComponent(id)}`).select('id,displayName,mail,userPrincipalName').get();
      } catch (cause) {
        const failure = fromThrown(cause, 'read the directory');
        return failure.error.code === 'GRAPH.NOT_FOUND' ? fail('DIRECTORY.PERSON_NOT_FOUND', 'One of the pair is not in the directory any more.') : failure;
      }
      const user = GraphUser.safeParse(raw);
      if (!user.success) return fail('DIRECTORY.UNAVAILABLE', 'The directory answered in an unexpected shape.');
      const email = user.data.mail ?? user.data.userPrincipalName;
      people.push({ personId: id, email, displayName: user.data.displayName ?? email });
    }
    return ok(people);
  }
}

const GraphUser = z.looseObject({ id: z.string(), displayName: z.string().nullish(), mail: z.string().nullish().transform((v) => v ?? undefined), userPrincipalName: z.string() });

const REGISTER_PARTITION = 'booking-register';
const UnplacedRow = z.looseObject({ targetDate: z.string(), code: z.string(), message: z.string() });
const RegisterRow = z.looseObject({ tenantId: z.string(), relationshipId: z.string(), deferred: z.array(z.string()).default([]), unplaced: z.array(UnplacedRow).default([]) });
const registerKey = (tenantId: string, relationshipId: string) => `${tenantId}|${relationshipId}`;

export class TableBookingRegister implements BookingRegister {
  constructor(private readonly store: TableDocumentStore) {}

  async record(tenantId: string, relationshipId: string): Promise<Result<void>> {
    // Insert only: a pair already watched keeps the deferred meetings recorded with it.
    const written = await this.store.insert(REGISTER_PARTITION, registerKey(tenantId, relationshipId), 'bookingRegister', { tenantId, relationshipId, deferred: [], unplaced: [] });
    return written.ok || written.error.code === 'STORAGE.ALREADY_EXISTS' ? ok(undefined) : written;
  }

  async recordDeferred(tenantId: string, relationshipId: string, deferred: readonly string[], unplaced: readonly UnbookedMeeting[]): Promise<Result<void>> {
    const written = await this.store.upsert(REGISTER_PARTITION, registerKey(tenantId, relationshipId), 'bookingRegister', {
      tenantId,
      relationshipId,
      deferred: [...deferred],
      unplaced: unplaced.map((u) => ({ targetDate: u.targetDate, code: u.code, message: u.message })),
    });
    return written.ok ? ok(undefined) : written;
  }

  async readUnbooked(tenantId: string, relationshipId: string): Promise<Result<UnbookedSeries | undefined>> {
    const row = await this.store.get(REGISTER_PARTITION, registerKey(tenantId, relationshipId), RegisterRow);
    if (!row.ok) return row;
    if (!row.value) return ok(undefined);
    const { deferred, unplaced } = row.value.value;
    // Codes are the core's own (written by recordDeferred); one it no longer knows is not shown as a reason.
    return ok({ deferred, unplaced: unplaced.flatMap((u) => (isNoSlotCode(u.code) ? [{ targetDate: u.targetDate, code: u.code, message: u.message }] : [])) });
  }

  async list(): Promise<Result<RegisteredPair[]>> {
    const rows = await this.store.listMixed(REGISTER_PARTITION, { bookingRegister: RegisterRow });
    if (!rows.ok) return rows;
    return ok(rows.value.map((r) => r.value as RegisteredPair));
  }
}

const SUBSCRIPTIONS_PARTITION = 'calendar-subscriptions';
// clientState is absent on rows written before each subscription had its own secret.
const SubscriptionRow = z.looseObject({ tenantId: z.string(), subscriptionId: z.string(), mailboxId: z.string(), expiresAt: z.number(), clientState: z.string().optional() });
const SubscriptionIdRow = z.looseObject({ tenantId: z.string(), subscriptionId: z.string(), mailboxId: z.string() });

const mailboxKey = (tenantId: string, mailboxId: string) => `${tenantId}|${mailboxId}`;
/** The index a notification is checked through: it names only the subscription. */
const subscriptionKey = (tenantId: string, subscriptionId: string) => `id|${tenantId}|${subscriptionId}`;

function toSubscription(row: z.infer<typeof SubscriptionRow>): CalendarSubscription {
  // A row without its own secret validates nothing; the next run replaces it with one that has.
  return { subscriptionId: row.subscriptionId, mailboxId: row.mailboxId, expiresAt: row.expiresAt, clientState: row.clientState ?? '' };
}

/**
 * One row per tenant and watched mailbox: the Graph subscription that watches it, with its own
 * clientState; beside it, in the same partition and written in the same transaction, a row per
 * subscription id, so the webhook checks a notification with one point read.
 */
export class TableSubscriptionRecords implements CalendarSubscriptionRecords {
  constructor(private readonly store: TableDocumentStore) {}

  async list(tenantId: string): Promise<Result<CalendarSubscription[]>> {
    const rows = await this.store.list(SUBSCRIPTIONS_PARTITION, SubscriptionRow, `${tenantId}|`);
    if (!rows.ok) return rows;
    return ok(rows.value.map((r) => r.value).filter((r) => r.tenantId === tenantId).map(toSubscription));
  }

  async get(tenantId: string, mailboxId: string): Promise<Result<CalendarSubscription | undefined>> {
    const row = await this.store.get(SUBSCRIPTIONS_PARTITION, mailboxKey(tenantId, mailboxId), SubscriptionRow);
    if (!row.ok) return row;
    return ok(row.value ? toSubscription(row.value.value) : undefined);
  }

  async find(tenantId: string, subscriptionId: string): Promise<Result<CalendarSubscription | undefined>> {
    const index = await this.store.get(SUBSCRIPTIONS_PARTITION, subscriptionKey(tenantId, subscriptionId), SubscriptionIdRow);
    if (!index.ok) return index;
    if (!index.value) return ok(undefined);
    const record = await this.get(tenantId, index.value.value.mailboxId);
    if (!record.ok) return record;
    // The mailbox's record is the truth: an index row left by a replaced subscription finds nothing.
    return ok(record.value?.subscriptionId === subscriptionId ? record.value : undefined);
  }

  async create(tenantId: string, s: CalendarSubscription): Promise<Result<void>> {
    return this.write(tenantId, s, 'insert', undefined);
  }

  async save(tenantId: string, s: CalendarSubscription): Promise<Result<void>> {
    const previous = await this.store.get(SUBSCRIPTIONS_PARTITION, mailboxKey(tenantId, s.mailboxId), SubscriptionRow);
    if (!previous.ok) return previous;
    return this.write(tenantId, s, 'upsert', previous.value?.value.subscriptionId);
  }

  private async write(tenantId: string, s: CalendarSubscription, how: 'insert' | 'upsert', previousId: string | undefined): Promise<Result<void>> {
    const written = await this.store.transact(
      SUBSCRIPTIONS_PARTITION,
      [
        { type: how, rowKey: mailboxKey(tenantId, s.mailboxId), kind: 'calendarSubscription', value: { tenantId, ...s } },
        { type: 'upsert', rowKey: subscriptionKey(tenantId, s.subscriptionId), kind: 'calendarSubscriptionId', value: { tenantId, subscriptionId: s.subscriptionId, mailboxId: s.mailboxId } },
        ...(previousId && previousId !== s.subscriptionId ? [{ type: 'delete' as const, rowKey: subscriptionKey(tenantId, previousId) }] : []),
      ],
      'calendarSubscription',
    );
    if (written.ok) return ok(undefined);
    // Deleting an index row that was never written (a row from before the index) fails the batch: write without it.
    if (previousId && written.error.code === 'STORAGE.CONFLICT') return this.write(tenantId, s, how, undefined);
    return written;
  }

  async remove(tenantId: string, mailboxId: string): Promise<Result<void>> {
    const row = await this.store.get(SUBSCRIPTIONS_PARTITION, mailboxKey(tenantId, mailboxId), SubscriptionRow);
    if (!row.ok) return row;
    if (!row.value) return ok(undefined);
    const index = await this.store.get(SUBSCRIPTIONS_PARTITION, subscriptionKey(tenantId, row.value.value.subscriptionId), SubscriptionIdRow);
    if (!index.ok) return index;
    const removed = await this.store.transact(
      SUBSCRIPTIONS_PARTITION,
      [{ type: 'delete', rowKey: mailboxKey(tenantId, mailboxId) }, ...(index.value ? [{ type: 'delete' as const, rowKey: subscriptionKey(tenantId, row.value.value.subscriptionId) }] : [])],
      'calendarSubscription',
      { missing: 'not-found' },
    );
    return removed.ok || removed.error.code === 'STORAGE.NOT_FOUND' ? ok(undefined) : removed;
  }
}

const DELTA_PARTITION = 'calendar-delta';
const DeltaRow = z.looseObject({ tenantId: z.string(), mailboxId: z.string(), cursor: z.string(), windowStart: z.number() });

/** One row per tenant and watched mailbox: where its next delta read starts. */
export class TableDeltaCursors implements DeltaCursorRecords {
  constructor(private readonly store: TableDocumentStore) {}

  async list(tenantId: string): Promise<Result<DeltaCursor[]>> {
    const rows = await this.store.listMixed(DELTA_PARTITION, { deltaCursor: DeltaRow });
    if (!rows.ok) return rows;
    return ok(
      rows.value
        .map((r) => r.value as z.infer<typeof DeltaRow>)
        .filter((r) => r.tenantId === tenantId)
        .map((r) => ({ mailboxId: r.mailboxId, cursor: r.cursor, windowStart: r.windowStart })),
    );
  }

  async save(tenantId: string, c: DeltaCursor): Promise<Result<void>> {
    const written = await this.store.upsert(DELTA_PARTITION, `${tenantId}|${c.mailboxId}`, 'deltaCursor', { tenantId, ...c });
    return written.ok ? ok(undefined) : written;
  }
}

export interface BookingServicesOptions {
  readonly settings: ApiSettings;
  readonly store: TableDocumentStore;
  readonly repos: MentoringRepositories;
  /** Default: MSAL with the managed identity's federated credential or AUTH_CLIENT_SECRET; neither = calendars not connected. */
  readonly tokens?: GraphTokenSources;
  /** Default: Microsoft Entra ID through Graph. */
  readonly directory?: PeopleDirectory;
  readonly booking?: Partial<BookingSettings>;
  /** The queue between the webhook and the change consumer. */
  readonly changes?: CalendarChangeQueue;
}

/** MSAL with the managed identity's federated credential, else AUTH_CLIENT_SECRET; neither = Graph not connected. */
export function defaultGraphTokens(settings: ApiSettings): GraphTokenSources | undefined {
  const base = { clientId: settings.AUTH_CLIENT_ID, authorityHost: settings.AUTH_AUTHORITY_HOST };
  // A federated credential through the managed identity is preferred: nothing to leak or rotate.
  if (settings.AUTH_FEDERATED_IDENTITY_CLIENT_ID) return new MsalTokenSources({ ...base, clientAssertion: managedIdentityAssertion(settings.AUTH_FEDERATED_IDENTITY_CLIENT_ID) });
  if (settings.AUTH_CLIENT_SECRET) return new MsalTokenSources({ ...base, clientSecret: settings.AUTH_CLIENT_SECRET });
  return undefined;
}

export function createBookingServices(options: BookingServicesOptions): BookingServices {
  const { settings } = options;
  const tokens = options.tokens ?? defaultGraphTokens(settings);
  const bookingSettings: Partial<BookingSettings> = { organizer: settings.BOOKING_ORGANIZER, horizonDays: settings.BOOKING_HORIZON_DAYS, ...(options.booking ?? {}) };
  const directoryFor = (tokenSource: AccessTokenSource): PeopleDirectory =>
    options.directory ?? new GraphPeopleDirectory(() => createGraphClient({ baseUrl: settings.GRAPH_BASE_URL, accessToken: tokenSource }));
  const register = new TableBookingRegister(options.store);
  const subscriptionRecords = new TableSubscriptionRecords(options.store);
  const deltaCursors = new TableDeltaCursors(options.store);
  // Subscriptions are app-only (they outlive the signed-in person's token) and need the public webhook.
  const subscriptionDeps = (appToken: AccessTokenSource): Result<SubscriptionDeps> => {
    if (!settings.GRAPH_NOTIFICATION_URL) {
      return fail('CALENDAR.NOTIFICATIONS_NOT_CONFIGURED', 'Outlook changes are read by the sync timers only: this host knows no public URL for Graph’s notifications (GRAPH_NOTIFICATION_URL; in Azure it follows WEBSITE_HOSTNAME).');
    }
    const client = createGraphClient({ baseUrl: settings.GRAPH_BASE_URL, accessToken: appToken });
    return ok({ repos: options.repos, records: subscriptionRecords, subscriptions: new GraphSubscriptionAdapter({ client, notificationUrl: settings.GRAPH_NOTIFICATION_URL }) });
  };
  // This app in Teams, app-only and without the client's retry wait: a booking never waits out a
  // Retry-After for the panel; the sync timer's next run tries again.
  const teamsApp = settings.TEAMS_APP_CATALOG_ID ? { catalogAppId: settings.TEAMS_APP_CATALOG_ID, graphRoot: settings.GRAPH_BASE_URL.replace(/\/+$/, '') } : undefined;
  const teamsAppClient = (appToken: AccessTokenSource) => createGraphClient({ baseUrl: settings.GRAPH_BASE_URL, accessToken: appToken, maxRetries: 0 });
  const meetingPanels = (appToken: AccessTokenSource) =>
    teamsApp && settings.TAB_ENDPOINT ? { meetingPanels: new GraphMeetingChatApps(teamsAppClient(appToken), teamsApp, meetingPanelTabOf(settings.TAB_ENDPOINT), APP_RESOURCE_SPECIFIC_PERMISSIONS) } : {};
  const deps = (tenantId: string, token: AccessTokenSource, appToken: AccessTokenSource): BookingDeps => {
    const watch = subscriptionDeps(appToken);
    return {
      repos: options.repos,
      syncRegister: register,
      ...(watch.ok ? { watch: watch.value } : {}),
      ...meetingPanels(appToken),
      calendar: graphCalendarFor({ baseUrl: settings.GRAPH_BASE_URL, tenantId, accessToken: token, ...(settings.OUTLOOK_ADDIN_ID ? { addInId: settings.OUTLOOK_ADDIN_ID } : {}) }),
      directory: directoryFor(appToken),
      settings: bookingSettings,
    };
  };
  return {
    records: { repos: options.repos, syncRegister: register, settings: bookingSettings },
    forRequest(principal, authorization) {
      if (!tokens) return notConfigured();
      const sso = /^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1] ?? '';
      return ok(deps(principal.tenantId, tokens.onBehalfOf(principal.tenantId, sso), tokens.appOnly(principal.tenantId)));
    },
    forTenant(tenantId) {
      if (!tokens) return notConfigured();
      const app = tokens.appOnly(tenantId);
      return ok(deps(tenantId, app, app));
    },
    register,
    groupsFor(tenantId) {
      if (!tokens) {
        return fail('DIRECTORY.NOT_CONFIGURED', 'Microsoft Entra groups cannot be read on this server yet: an administrator must give the API a credential for Microsoft Graph (AUTH_FEDERATED_IDENTITY_CLIENT_ID, or AUTH_CLIENT_SECRET) and grant GroupMember.Read.All.');
      }
      return ok(new GraphGroupMembers(createGraphClient({ baseUrl: settings.GRAPH_BASE_URL, accessToken: tokens.appOnly(tenantId) })));
    },
    managersFor(tenantId) {
      if (!tokens) {
        return fail('DIRECTORY.NOT_CONFIGURED', 'Managers cannot be read from Microsoft Entra ID on this server yet, so matching cannot keep people away from their own manager: an administrator must give the API a credential for Microsoft Graph (AUTH_FEDERATED_IDENTITY_CLIENT_ID, or AUTH_CLIENT_SECRET) and grant User.Read.All.');
      }
      return ok(new GraphManagers(createGraphClient({ baseUrl: settings.GRAPH_BASE_URL, accessToken: tokens.appOnly(tenantId) })));
    },
    workingHoursFor(tenantId) {
      if (!tokens) return notConfigured();
      const app = tokens.appOnly(tenantId);
      return ok({ directory: directoryFor(app), workingHours: new GraphWorkingHoursAdapter(createGraphClient({ baseUrl: settings.GRAPH_BASE_URL, accessToken: app })) });
    },
    personalAppsFor(tenantId) {
      if (!settings.PROACTIVE_INSTALL_ENABLED || !teamsApp) {
        return fail('TEAMS_APP.INSTALL_NOT_CONFIGURED', 'Installing the app for people is off on this server (PROACTIVE_INSTALL_ENABLED, TEAMS_APP_CATALOG_ID).');
      }
      if (!tokens) return notConfigured();
      return ok(new GraphPersonalApps(teamsAppClient(tokens.appOnly(tenantId)), teamsApp, APP_RESOURCE_SPECIFIC_PERMISSIONS));
    },
    attendanceFor(tenantId) {
      if (!tokens) return notConfigured();
      return ok(new GraphMeetingAttendance(createGraphClient({ baseUrl: settings.GRAPH_BASE_URL, accessToken: tokens.appOnly(tenantId) })));
    },
    subscriptionRecords,
    ...(options.changes ? { changes: options.changes } : {}),
    deltaFor(tenantId) {
      if (!tokens) return notConfigured();
      const client = createGraphClient({ baseUrl: settings.GRAPH_BASE_URL, accessToken: tokens.appOnly(tenantId) });
      return ok({ feed: new GraphCalendarDeltaAdapter(client), cursors: deltaCursors });
    },
    subscriptionsFor(tenantId) {
      if (!tokens) return notConfigured();
      return subscriptionDeps(tokens.appOnly(tenantId));
    },
  };
}
