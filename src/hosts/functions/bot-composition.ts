import { randomUUID } from 'node:crypto';
import { TableClient } from '@azure/data-tables';
import { QueueClient } from '@azure/storage-queue';
import type { TokenCredential } from '@azure/core-auth';
import type { CloudAdapter } from '@microsoft/agents-hosting';
import { BotConnectorSender } from '../../adapters/bot/bot-connector-sender';
import { BotMeetingNotifier } from '../../adapters/bot/bot-meeting-notifier';
import { endingSoonNotification } from '../../adapters/bot/meeting-ending-soon-notification';
import { handleMeetingStart, type MeetingStartEvent } from '../../bot/delivery/meeting-started';
import { deliveryQueueNames, StorageQueueDeliveryQueue } from '../../adapters/bot/storage-queue-delivery';
import { ensureTable, TableCheckInCardIssueStore, TableConversationReferenceStore } from '../../adapters/bot/table-bot-stores';
import { TableDeliveryLedger, TablePlannedKeys } from '../../adapters/bot/table-delivery-ledger';
import type { NextContactMoment } from '../../core/delivery/contact-hours';
import { nextContactMoment } from '../../core/scheduling/contact-hours';
import type { Clock } from '../../core/ports/clock';
import type { MentoringDeps } from '../../core/usecases/deps';
import { MentoringConversation, type ConversationDeps } from '../../bot/conversation/mentoring-conversation';
import { pacerPerKey } from '../../bot/delivery/adaptive-pacer';
import { DeliveryWorker, type JobOutcome } from '../../bot/delivery/delivery-worker';
import { planDeliveries } from '../../bot/delivery/plan-deliveries';
import { GroupCommitDeliveryQueue, GroupCommitFeedQueue } from '../../bot/delivery/group-commit-queue';
import { handleMeetingEnd, retryAttendance, type MeetingEndDeps, type MeetingEndEvent } from '../../bot/delivery/meeting-ended';
import { ATTENDANCE_RETRY_QUEUE, StorageQueueAttendanceRetries } from '../../adapters/bot/storage-queue-attendance-retry';
import type { MeetingAttendancePort } from '../../core/ports/meeting-attendance';
import type { RelationshipAggregate } from '../../core/relationships/relationship';
import type { DeliveryJob } from '../../core/ports/delivery';
import { fail, type Result } from '../../core/result';
import { DEFAULT_CONTACT_HOURS, recipientFromAgreement } from '../../bot/delivery/recipient-from-agreement';
import { FeedWorker } from '../../bot/delivery/feed-worker';
import type { FeedServices } from '../../api/feed-services';
import type { FeedEvent } from '../../core/feed/feed-events';
import { feedEventStillNeeded, nameForFeed } from '../../core/feed/raise-feed-events';
import type { DeliveryRecipient } from '../../core/delivery/contact-hours';
import { TableProgrammeMessenger } from '../../adapters/bot/table-programme-messenger';
import type { ProgrammeCardsPort } from '../../bot/conversation/programme-actions';
import { createBotAdapter, type BotLogger } from '../../bot/host/bot-host';
import { botEndpoint, type BotEndpoint } from '../../bot/host/bot-endpoint';
import { isLoopbackServiceUrl } from '../../bot/host/inbound-activity';
import { tabLinksFrom, type BotSettings } from '../../bot/host/bot-settings';
import { TeamsMentoringBot } from '../../bot/host/teams-mentoring-bot';

export const BOT_TABLE_NAME = 'mentoringbot';
export const DELIVERY_QUEUE_PREFIX = 'bot-deliveries';
export const DELIVERY_QUEUE_SHARDS = 16;
/** `bot-deliveries-0` … `-15`: one Storage queue trigger each in Azure, one poller loop each locally. */
export const DELIVERY_QUEUE_NAMES: readonly string[] = deliveryQueueNames(DELIVERY_QUEUE_PREFIX, DELIVERY_QUEUE_SHARDS);

/**
 * Sends per second per tenant: start under Teams' documented 50/s per tenant (per bot), grow while
 * sends succeed, halve on a 429. The benchmark runs with exactly these.
 */
export const DELIVERY_PACING = { initialPerSecond: 40, minPerSecond: 1, maxPerSecond: 200, increasePerSuccess: 0.5 } as const;

export interface BotHost {
  readonly adapter: CloudAdapter;
  readonly bot: TeamsMentoringBot;
  readonly conversation: MentoringConversation;
  readonly worker: DeliveryWorker;
  /** Teams activity-feed notifications from the feed queue (absent when the API has no feed queue). */
  readonly feedWorker?: FeedWorker;
  /** POST /api/messages: capped while streaming, authenticated before the body is read (bot-endpoint.ts). */
  readonly handle: BotEndpoint;
  /** The delivery queues (shards); Azure's queue triggers and the local poller read them. */
  readonly deliveryQueue: StorageQueueDeliveryQueue;
  /** Programme announcements, invitations and nudges into the delivery pipeline (the API plans them). */
  readonly programmeMessenger: TableProgrammeMessenger;
  /** Queue what is due for one relationship (timer, meetingEnd event, local demo action). */
  plan(tenantId: string, relationshipId: string, preloaded?: RelationshipAggregate): ReturnType<typeof planDeliveries>;
  /** A Teams meetingEnd event: attendance read, the meeting recorded, what is due queued. */
  meetingEnded(event: MeetingEndEvent): ReturnType<typeof handleMeetingEnd>;
  /** A queued later read of a late attendance report (the `bot-attendance-retry` queue's handler). */
  attendanceRetried(message: string): Promise<readonly JobOutcome[]>;
  /** Where each person's own chat with the bot is (their Teams id, language). */
  readonly references: TableConversationReferenceStore;
  /** A Teams meetingStart event: the Teams meeting recorded, the in-meeting nudge planned. */
  meetingStarted(event: MeetingStartEvent): ReturnType<typeof handleMeetingStart>;
}

/** Where the bot's table and queues live: a connection string (Azurite, account key) or endpoints with a managed identity. */
export interface BotStorage {
  table(name: string): TableClient;
  queue(name: string): QueueClient;
}

export function botStorageFromConnectionString(connectionString: string): BotStorage {
  const insecure = /DefaultEndpointsProtocol=http(;|$)/i.test(connectionString);
  return {
    table: (name) => TableClient.fromConnectionString(connectionString, name, insecure ? { allowInsecureConnection: true } : {}),
    queue: (name) => new QueueClient(connectionString, name),
  };
}

/** The Function App's managed identity needs "Storage Table Data Contributor" and "Storage Queue Data Contributor". */
export function botStorageFromEndpoints(tableEndpoint: string, queueEndpoint: string, credential: TokenCredential): BotStorage {
  return {
    table: (name) => new TableClient(tableEndpoint, name, credential),
    queue: (name) => new QueueClient(`${queueEndpoint.replace(/\/$/, '')}/${name}`, credential),
  };
}

const consoleLogger: BotLogger = {
  error: (message, details) => console.error(JSON.stringify({ level: 'error', message, ...details })),
};

/**
 * The bot's composition root: the same wiring for Azure and for `npm start`; only the settings
 * (endpoints, identity) differ.
 */
export async function composeBotHost(options: {
  readonly settings: BotSettings;
  readonly storage: BotStorage;
  readonly mentoring: MentoringDeps;
  readonly clock: Clock;
  readonly logger?: BotLogger;
  /** The scheduling engineer's contact-hours rule; the weekly-window reading of the agreement until then. */
  readonly nextContactMoment?: NextContactMoment;
  /** Per-tenant send pacing; production's `DELIVERY_PACING` unless a benchmark studies another start rate. */
  readonly deliveryPacing?: Parameters<typeof pacerPerKey>[0];
  /** Refreshes the next meetings' agendas after a check-in is saved (see ConversationDeps). */
  readonly afterCheckInSaved?: (tenantId: string, relationshipId: string) => Promise<void>;
  /** One-click rescheduling on the "missed it?" card (see ConversationDeps). */
  readonly rebook?: ConversationDeps['rebook'];
  /** App-only attendance reports per tenant; without it every meeting's attendance is unknown (check-ins to both). */
  readonly attendanceFor?: (tenantId: string) => Result<MeetingAttendancePort>;
  /** The join URL index the API host writes beside every meeting (meetingEnd finds its meeting with one point read). */
  readonly relationshipOfJoinUrl?: (tenantId: string, joinUrl: string) => Promise<string | undefined>;
  /** The activity feed's queue, Graph access and links (the API's); check-ins then also notify the feed. */
  readonly feed?: FeedServices;
  /** Programme cards and Join (the API host's programme use cases); without it programme messages are undeliverable. */
  readonly programmeCards?: ProgrammeCardsPort;
}): Promise<BotHost> {
  const table = options.storage.table(BOT_TABLE_NAME);
  await ensureTable(table);
  const queue = new StorageQueueDeliveryQueue(
    DELIVERY_QUEUE_NAMES.map((name) => options.storage.queue(name)),
    (name) => options.storage.queue(name),
  );
  await queue.ensure();
  const references = new TableConversationReferenceStore(table);
  const logger = options.logger ?? consoleLogger;
  const adapter = createBotAdapter(options.settings, logger);
  const conversation = new MentoringConversation({
    mentoring: options.mentoring,
    references,
    cardIssues: new TableCheckInCardIssueStore(table),
    links: tabLinksFrom(options.settings),
    newNonce: () => randomUUID(),
    now: () => options.clock.now(),
    ...(options.afterCheckInSaved ? { afterCheckInSaved: options.afterCheckInSaved } : {}),
    ...(options.rebook ? { rebook: options.rebook } : {}),
    ...(options.programmeCards ? { programmes: options.programmeCards } : {}),
  });
  const planned = new TablePlannedKeys(table);
  // Relationships planned side by side share their queue writes (a few messages of many jobs).
  const planningQueue = new GroupCommitDeliveryQueue(queue);
  // The check-ins' "check-in due" notifications likewise share the feed queue's writes.
  const planningFeed = options.feed ? { queue: new GroupCommitFeedQueue(options.feed.raise.queue), newJobId: options.feed.raise.newJobId } : undefined;
  const plan = (tenantId: string, relationshipId: string, preloaded?: RelationshipAggregate) =>
    planDeliveries(
      { repos: options.mentoring.repos, queue: planningQueue, planned, newJobId: () => randomUUID(), ...(planningFeed ? { feed: planningFeed } : {}) },
      tenantId,
      relationshipId,
      options.clock.now(),
      preloaded,
    );
  const attendanceFor = options.attendanceFor ?? (() => fail('ATTENDANCE.NOT_CONFIGURED', 'Attendance reports are not connected on this server.'));
  const retries = new StorageQueueAttendanceRetries(options.storage.queue(ATTENDANCE_RETRY_QUEUE));
  await retries.ensure();
  const meetingEndDeps: MeetingEndDeps = {
    repos: options.mentoring.repos,
    attendanceFor,
    plan,
    ...(options.relationshipOfJoinUrl ? { relationshipOfJoinUrl: options.relationshipOfJoinUrl } : {}),
    retryLater: (retry, delayMs) => retries.later(retry, delayMs),
    log: (message, details) => logger.error(message, details),
  };
  const attendanceRetried = async (message: string): Promise<readonly JobOutcome[]> => {
    const retry = retries.read(message);
    if (!retry) {
      logger.error('attendance retry message unreadable; dropped', { message: message.slice(0, 200) });
      return [];
    }
    const outcome = await retryAttendance(meetingEndDeps, retry);
    // Storage failed: the queue hands the message back (and poisons it after five failures).
    if (!outcome.ok) throw new Error(`attendance retry failed: ${outcome.error.code}`);
    return [];
  };
  const meetingEnded = async (event: MeetingEndEvent) => {
    const outcome = await handleMeetingEnd(meetingEndDeps, event);
    // An event for a meeting that is not ours is normal (the bot is in other chats); nothing to answer.
    if (!outcome.ok && outcome.error.code !== 'BOT.MEETING_UNKNOWN') logger.error('meetingEnd not handled; the timer path will send check-ins', { tenantId: event.tenantId, code: outcome.error.code });
    return outcome;
  };
  const meetingStarted = async (event: MeetingStartEvent) => {
    const outcome = await handleMeetingStart(
      { repos: options.mentoring.repos, plan, ...(options.relationshipOfJoinUrl ? { relationshipOfJoinUrl: options.relationshipOfJoinUrl } : {}) },
      event,
    );
    if (!outcome.ok && outcome.error.code !== 'BOT.MEETING_UNKNOWN') logger.error('meetingStart not handled; no in-meeting nudge for this meeting', { tenantId: event.tenantId, code: outcome.error.code });
    return outcome;
  };
  const bot = new TeamsMentoringBot(conversation, meetingEnded, meetingStarted);
  // The side panel's page: what the in-meeting nudge opens on the meeting stage (in the manifest's validDomains).
  const panelUrl = `${options.settings.TAB_ENDPOINT.replace(/\/$/, '')}/index.html#/meeting`;
  // One read of the relationship per delivery attempt serves its recipient (zone, contact hours) and
  // its card (meeting, goals): the worker hands both the same job object.
  const aggregates = new WeakMap<DeliveryJob, Promise<Result<RelationshipAggregate>>>();
  const aggregateOf = (job: DeliveryJob) => {
    let read = aggregates.get(job);
    if (!read) {
      read = options.mentoring.repos.relationships.getAggregate(job.tenantId, job.relationshipId);
      aggregates.set(job, read);
    }
    return read;
  };
  // One ledger for bot cards and feed notifications: each key once, and one daily limit across both.
  const ledger = new TableDeliveryLedger(table);
  const programmeMessenger = new TableProgrammeMessenger(table, queue, () => randomUUID());
  const fromAgreement = recipientFromAgreement(options.mentoring.repos, aggregateOf);
  // Announcements and invitations are about no relationship: the member's (or the profile's) zone and hours.
  const isProgrammeWide = (job: DeliveryJob) => job.kind === 'announcement' || job.kind === 'programmeInvitation';
  const worker = new DeliveryWorker({
    queue,
    ledger,
    sender: new BotConnectorSender(adapter, options.settings.BOT_ID ?? ''),
    references,
    recipientOf: async (job) => {
      if (!isProgrammeWide(job)) return fromAgreement(job);
      return options.programmeCards && job.programmeId ? options.programmeCards.recipient(job.tenantId, job.programmeId, job.personId) : undefined;
    },
    compose: async (job, user) => {
      if (isProgrammeWide(job)) return conversation.composeProactive(job, user);
      const aggregate = await aggregateOf(job);
      return conversation.composeProactive(job, user, aggregate.ok ? aggregate.value : undefined);
    },
    campaignProgress: (job, update) => programmeMessenger.record(job, update),
    nextContactMoment: options.nextContactMoment ?? nextContactMoment,
    now: () => options.clock.now(),
    pacerFor: pacerPerKey(options.deliveryPacing ?? DELIVERY_PACING),
    inMeeting: {
      meetingOf: async (job) => {
        const aggregate = await aggregateOf(job);
        return aggregate.ok ? aggregate.value.meetings.find((m) => m.id === job.meetingId) : undefined;
      },
      notifier: new BotMeetingNotifier(adapter, options.settings.BOT_ID ?? ''),
      notification: ({ recipientMri, locale }) => endingSoonNotification({ recipientMri, locale, panelUrl }),
    },
    log: (event, details) => console.log(JSON.stringify({ level: 'info', message: event, ...details })),
  });
  const feed = options.feed;
  // Its trigger (Azure) and poller (local) read it from the start, before anything was raised.
  if (feed) await feed.queue.ensure();
  const feedWorker = feed
    ? new FeedWorker({
        queue: feed.queue,
        ledger,
        feedFor: (tenantId) => feed.activityFeedFor(tenantId),
        recipientOf: feedRecipient(options.mentoring.repos),
        stillNeeded: (event) => feedEventStillNeeded(options.mentoring.repos, event),
        nameOf: (tenantId, personId) => nameForFeed(options.mentoring.repos, tenantId, personId),
        localeOf: async (tenantId, personId) => (await references.get(tenantId, personId))?.locale,
        linkTo: (page) => feed.linkTo(page),
        nextContactMoment: options.nextContactMoment ?? nextContactMoment,
        now: () => options.clock.now(),
        log: (event, details) => console.log(JSON.stringify({ level: 'info', message: event, ...details })),
      })
    : undefined;
  return {
    adapter,
    bot,
    conversation,
    worker,
    ...(feedWorker ? { feedWorker } : {}),
    deliveryQueue: queue,
    programmeMessenger,
    // Locally there is no channel token, so the serviceUrl is the one thing an anonymous caller
    // controls: the bot only answers connectors on this machine, never an address it is handed.
    handle: botEndpoint(adapter, bot, logger, options.settings.MENTORING_MODE === 'local' ? { allowServiceUrl: isLoopbackServiceUrl } : {}),
    plan,
    meetingEnded,
    attendanceRetried,
    meetingStarted,
    references,
  };
}

/**
 * Whom a feed notification waits for: about a relationship, the person's contact hours as signed in
 * its agreement (as for the bot's cards); otherwise (a request, a programme) weekday office hours in
 * the zone of their profile, UTC when they have none yet.
 */
function feedRecipient(repos: MentoringDeps['repos']): (event: FeedEvent) => Promise<DeliveryRecipient | undefined> {
  const fromAgreement = recipientFromAgreement(repos);
  return async (event) => {
    if (event.relationshipId !== undefined) return fromAgreement({ tenantId: event.tenantId, personId: event.personId, relationshipId: event.relationshipId });
    const profile = await repos.profiles.get(event.tenantId, event.personId);
    return { personId: event.personId, timeZone: profile.ok ? profile.value.timeZone : 'UTC', contactHours: DEFAULT_CONTACT_HOURS };
  };
}
