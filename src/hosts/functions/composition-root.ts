/**
 * Builds the API's services from parsed settings: the one place that chooses concrete adapters.
 * Both hosts (Azure Functions and the local host) call this; local mode differs only in the
 * settings it passes (Azurite's connection string, the local issuer's JWKS and issuer).
 */
import { TableConversationReferenceStore } from '../../adapters/bot/table-bot-stores';
import { TablePersonInstallRecords } from '../../adapters/storage/table-person-installs';
import type { ReachFor } from '../../core/reach/reach-people';
import { BOT_TABLE_NAME } from './bot-composition';
import { randomUUID } from 'node:crypto';
import { createTokenValidator, type TokenValidator } from '../../adapters/identity/entra-token-validator';
import { DefaultAzureCredential } from '@azure/identity';
import { storageFromConnectionString, storageFromEndpoint, type StorageConnection } from '../../adapters/storage/storage-connection';
import { TableDocumentStore } from '../../adapters/storage/table-document-store';
import { tableRepositories } from '../../adapters/storage/table-repositories';
import { TableProgrammeRepository } from '../../adapters/storage/table-programme.repository';
import { TableProgrammeHealth } from '../../adapters/storage/table-programme-health';
import { withProgrammeHealth } from '../../adapters/storage/programme-health-recording.repository';
import { meetingMomentTableFor, TableMeetingMomentIndex } from '../../adapters/storage/table-meeting-moment-index';
import { withMeetingMomentIndex } from '../../adapters/storage/meeting-moment-indexed.repository';
import { MeetingJoinIndex } from '../../adapters/storage/meeting-join-index';
import type { Clock } from '../../core/ports/clock';
import { StorageQueueCalendarChanges } from '../../adapters/storage/storage-queue-calendar-changes';
import type { IdGenerator } from '../../core/ports/id-generator';
import { consoleLogger, type ApiLogger, type ApiServices, type HealthCheck } from '../../api/api-services';
import { ConfigurationError, type ApiSettings } from '../../api/config';
import type { ApiHost } from '../../api/handle-api-request';
import { createBookingServices, defaultGraphTokens, type GraphTokenSources } from '../../api/booking-services';
import { createTodoServices } from '../../api/todo-services';
import { createFeedServices } from '../../api/feed-services';
import { credentialStatus } from '../../api/credential-health';
import type { PeopleDirectory } from '../../core/booking';
import type { ProgrammeMessenger } from '../../core/ports/programmes';
import { fail, ok, type Result } from '../../core/result';

export const systemClock: Clock = { now: () => Date.now() };
export const uuidGenerator: IdGenerator = { newId: () => randomUUID() };

export interface ApiHostOptions {
  readonly settings: ApiSettings;
  readonly clock?: Clock;
  readonly ids?: IdGenerator;
  readonly logger?: ApiLogger;
  /** Extra components for /api/health (the local stand-ins, later the bot and the calendar). */
  readonly extraHealth?: readonly HealthCheck[];
  /** Replaces the token validator's key source; tests only use this to inject clocks, never to skip checks. */
  readonly validator?: TokenValidator;
  /** Graph token sources; default MSAL with AUTH_CLIENT_SECRET. */
  readonly graphTokens?: GraphTokenSources;
  /** Who has which mailbox; default Microsoft Entra ID through Graph. */
  readonly directory?: PeopleDirectory;
  /** The activity-feed queue's name; tests give each run its own. */
  readonly feedQueueName?: string;
  /** The bot's programme messages, composed on first use (Azure: the bot runtime of the same Function App). */
  readonly programmeMessenger?: () => Promise<ProgrammeMessenger>;
}

export interface ComposedApiHost extends ApiHost {
  readonly store: TableDocumentStore;
  /** When stored meetings end (and are due a nudge or a reminder), across tenants: read by the bot's planning timer. */
  readonly meetingMoments: TableMeetingMomentIndex;
  /** Join URL → relationship, for meetingEnd events. */
  readonly meetingJoins: MeetingJoinIndex;
  /** For components that start after the API (the local stand-ins, the bot). */
  addHealthCheck(check: HealthCheck): void;
  /** The bot, composed after the API on this host, plans programme messages (composeBotRuntime calls it). */
  connectProgrammeMessenger(messenger: ProgrammeMessenger): void;
}

function storageConnection(settings: ApiSettings): StorageConnection {
  if (settings.STORAGE_CONNECTION_STRING) return storageFromConnectionString(settings.STORAGE_CONNECTION_STRING);
  if (settings.STORAGE_TABLE_ENDPOINT) {
    // No key anywhere: the Function App's managed identity (AZURE_CLIENT_ID selects a user-assigned one)
    // needs the "Storage Table Data Contributor" role on the account.
    return storageFromEndpoint(settings.STORAGE_TABLE_ENDPOINT, new DefaultAzureCredential());
  }
  throw new ConfigurationError('Set STORAGE_CONNECTION_STRING, or STORAGE_TABLE_ENDPOINT for a managed identity.');
}

/** The queue between Graph's webhook and its consumer, on the API's storage account. */
function calendarChangeQueue(settings: ApiSettings): StorageQueueCalendarChanges | undefined {
  if (settings.STORAGE_CONNECTION_STRING) return StorageQueueCalendarChanges.fromConnectionString(settings.STORAGE_CONNECTION_STRING, settings.CALENDAR_CHANGES_QUEUE);
  if (settings.STORAGE_QUEUE_ENDPOINT) return StorageQueueCalendarChanges.fromEndpoint(settings.STORAGE_QUEUE_ENDPOINT, new DefaultAzureCredential());
  return undefined;
}

export async function createApiHost(options: ApiHostOptions): Promise<ComposedApiHost> {
  const { settings } = options;
  const connection = storageConnection(settings);
  const store = await TableDocumentStore.open(connection, settings.STORAGE_TABLE_NAME);
  const meetingMoments = await TableMeetingMomentIndex.open(connection.tableClient(meetingMomentTableFor(settings.STORAGE_TABLE_NAME)));
  const validator =
    options.validator ??
    createTokenValidator({
      clientId: settings.AUTH_CLIENT_ID,
      jwks: new URL(settings.AUTH_JWKS_URI),
      issuerTemplate: settings.AUTH_ISSUER_TEMPLATE,
      allowedTenants: settings.AUTH_ALLOWED_TENANTS,
    });

  const health: HealthCheck[] = [
    {
      name: 'storage',
      check: async (signal) => {
        try {
          await store.ping(signal);
          return { status: 'ok' };
        } catch {
          return { status: 'unavailable', detail: 'Table Storage did not answer' };
        }
      },
    },
    {
      name: 'identity',
      check: async (signal) => {
        const keys = await validator.checkKeys(signal);
        return keys.ok ? { status: 'ok' } : { status: 'unavailable', detail: keys.error.message };
      },
    },
    {
      name: 'graph-credential',
      check: async () => credentialStatus(settings, (options.clock ?? systemClock).now()),
    },
    ...(options.extraHealth ?? []),
  ];

  const meetingJoins = new MeetingJoinIndex(store);
  const clock = options.clock ?? systemClock;
  const logger = options.logger ?? consoleLogger;
  const programmeHealth = new TableProgrammeHealth(store);
  // Every meeting stored is indexed by its moments (the planning timer) and its join URL (meetingEnd events);
  // every write of a programme pair's facts moves its programme's health counters.
  const indexed = withMeetingMomentIndex(tableRepositories(store), {
    record: async (tenantId, relationshipId, meeting) => {
      await Promise.all([meetingMoments.record(tenantId, relationshipId, meeting), meetingJoins.record(tenantId, relationshipId, meeting)]);
    },
  });
  const repositories = withProgrammeHealth(indexed, {
    health: programmeHealth,
    now: () => clock.now(),
    onError: (message, fields) => logger.error(message, fields),
  });
  const changes = calendarChangeQueue(settings);
  const graphTokens = options.graphTokens ?? defaultGraphTokens(settings);
  const ids = options.ids ?? uuidGenerator;
  const feed = createFeedServices({ settings, repos: repositories, ids, tokens: graphTokens, ...(options.feedQueueName ? { queueName: options.feedQueueName } : {}) });
  let connected: ProgrammeMessenger | undefined;
  const programmeMessenger = async (): Promise<Result<ProgrammeMessenger>> => {
    if (connected) return ok(connected);
    if (options.programmeMessenger) {
      try {
        connected = await options.programmeMessenger();
        return ok(connected);
      } catch (error) {
        logger.error('programme messages: the bot could not start', { error: error instanceof Error ? error.message : String(error) });
      }
    }
    return fail('PROGRAMME.MESSAGES_UNAVAILABLE', 'The bot is not running on this server yet, so nothing was sent. Try again in a minute.');
  };
  const booking = createBookingServices({
    settings,
    store,
    repos: repositories,
    ...(graphTokens ? { tokens: graphTokens } : {}),
    ...(options.directory ? { directory: options.directory } : {}),
    ...(changes ? { changes } : {}),
  });
  // Whether the bot can reach a person is what it stored on install (the bot's table, same account).
  const reachRecords = { references: new TableConversationReferenceStore(connection.tableClient(BOT_TABLE_NAME)), installs: new TablePersonInstallRecords(store) };
  const reach: ReachFor = (tenantId) => {
    const apps = booking.personalAppsFor(tenantId);
    return apps.ok ? ok({ ...reachRecords, apps: apps.value }) : apps;
  };
  const services: ApiServices = {
    repositories,
    programmes: new TableProgrammeRepository(store),
    todo: createTodoServices({ settings, store, repos: repositories, tokens: graphTokens }),
    programmeHealth,
    programmeMessenger,
    booking,
    reach,
    reachRecords,
    ids,
    clock,
    health,
    ...(feed ? { feed } : {}),
  };
  return {
    services,
    validator,
    logger,
    store,
    meetingMoments,
    meetingJoins,
    addHealthCheck: (check) => health.push(check),
    connectProgrammeMessenger: (messenger) => {
      connected = messenger;
    },
  };
}
