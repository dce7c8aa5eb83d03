import { randomUUID } from 'node:crypto';
import { TableClient } from '@azure/data-tables';
import type { CloudAdapter } from 'botbuilder';
import { BotConnectorSender } from '../../adapters/bot/bot-connector-sender';
import { deliveryQueues, StorageQueueDeliveryQueue } from '../../adapters/bot/storage-queue-delivery';
import { ensureTable, TableCheckInCardIssueStore, TableConversationReferenceStore } from '../../adapters/bot/table-bot-stores';
import { TableDeliveryLedger, TablePlannedKeys } from '../../adapters/bot/table-delivery-ledger';
import type { NextContactMoment } from '../../core/delivery/contact-hours';
import { nextContactMoment } from '../../core/scheduling/contact-hours';
import type { Clock } from '../../core/ports/clock';
import type { MentoringDeps } from '../../core/usecases/deps';
import { MentoringConversation } from '../conversation/mentoring-conversation';
import { pacerPerKey } from '../delivery/adaptive-pacer';
import { DeliveryWorker } from '../delivery/delivery-worker';
import { planDeliveries } from '../delivery/plan-deliveries';
import { recipientFromAgreement } from '../delivery/recipient-from-agreement';
import { createBotAdapter, processBotRequest, type BotHttpRequest, type BotHttpResponse, type BotLogger } from './bot-host';
import { tabLinksFrom, type BotSettings } from './bot-settings';
import { TeamsMentoringBot } from './teams-mentoring-bot';

export const BOT_TABLE_NAME = 'mentoringbot';
export const DELIVERY_QUEUE_PREFIX = 'bot-deliveries';
export const DELIVERY_QUEUE_SHARDS = 16;

export interface BotHost {
  readonly adapter: CloudAdapter;
  readonly bot: TeamsMentoringBot;
  readonly conversation: MentoringConversation;
  readonly worker: DeliveryWorker;
  handle(request: BotHttpRequest): Promise<BotHttpResponse>;
  /** Queue what is due for one relationship (timer, meetingEnd event, local demo action). */
  plan(tenantId: string, relationshipId: string): ReturnType<typeof planDeliveries>;
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
  readonly storageConnectionString: string;
  readonly mentoring: MentoringDeps;
  readonly clock: Clock;
  readonly logger?: BotLogger;
  /** The scheduling engineer's contact-hours rule; the weekly-window reading of the agreement until then. */
  readonly nextContactMoment?: NextContactMoment;
}): Promise<BotHost> {
  const insecure = /DefaultEndpointsProtocol=http(;|$)/i.test(options.storageConnectionString);
  const table = TableClient.fromConnectionString(options.storageConnectionString, BOT_TABLE_NAME, insecure ? { allowInsecureConnection: true } : {});
  await ensureTable(table);
  const queue = new StorageQueueDeliveryQueue(deliveryQueues(options.storageConnectionString, DELIVERY_QUEUE_PREFIX, DELIVERY_QUEUE_SHARDS));
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
  });
  const bot = new TeamsMentoringBot(conversation);
  const worker = new DeliveryWorker({
    queue,
    ledger: new TableDeliveryLedger(table),
    sender: new BotConnectorSender(adapter, options.settings.BOT_ID ?? ''),
    references,
    recipientOf: recipientFromAgreement(options.mentoring.repos),
    compose: (job, user) => conversation.composeProactive(job, user),
    nextContactMoment: options.nextContactMoment ?? nextContactMoment,
    now: () => options.clock.now(),
    pacerFor: pacerPerKey({ initialPerSecond: 40, minPerSecond: 1, maxPerSecond: 200, increasePerSuccess: 0.5 }),
  });
  const planned = new TablePlannedKeys(table);
  return {
    adapter,
    bot,
    conversation,
    worker,
    handle: (request) => processBotRequest(adapter, bot, request),
    plan: (tenantId, relationshipId) =>
      planDeliveries({ repos: options.mentoring.repos, queue, planned, newJobId: () => randomUUID() }, tenantId, relationshipId, options.clock.now()),
  };
}
