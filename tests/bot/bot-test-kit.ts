import { TableClient } from '@azure/data-tables';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ensureTable, TableCheckInCardIssueStore, TableConversationReferenceStore } from '../../src/adapters/bot/table-bot-stores';
import { MentoringConversation } from '../../src/bot/conversation/mentoring-conversation';
import { TeamsMentoringBot, type MeetingEndHandler } from '../../src/bot/host/teams-mentoring-bot';
import { createBotAdapter, type BotLogger } from '../../src/bot/host/bot-host';
import { botEndpoint, nodeBotListener } from '../../src/bot/host/bot-endpoint';
import { parseBotSettings } from '../../src/bot/host/bot-settings';
import { isLoopbackServiceUrl } from '../../src/bot/host/inbound-activity';
import { startLocalBotConnector } from '../../src/local/connector/local-bot-connector';
import { InMemoryRepositories, SequentialIdGenerator } from '../fakes/in-memory-repositories';
import { testStorageConnectionString, uniqueTableName } from '../support/azurite';
import type { Profile } from '../../src/core/profiles/profile';

export const TENANT = 'tenant-a';
export const MENTOR = { id: '29:mentor', aadObjectId: 'aad-mentor', name: 'Marek Nowak' };
export const MENTEE = { id: '29:mentee', aadObjectId: 'aad-mentee', name: 'Ania Kowalska' };
export const STRANGER = { id: '29:stranger', aadObjectId: 'aad-stranger', name: 'Eve' };
export const BOT = { id: '28:bot', name: 'Mentoring' };
export const NOW = Date.parse('2026-11-23T12:00:00Z');
export const links = { home: 'https://tab.example/index.html#/', schedule: 'https://tab.example/index.html#/schedule', actionItems: 'https://tab.example/index.html#/actions' };

function profile(userId: string, displayName: string, timeZone: string): Omit<Profile, 'version'> {
  return {
    userId,
    displayName,
    jobTitle: '',
    seniority: 'senior',
    skillsToTeach: [],
    skillsToLearn: [],
    languages: [],
    timeZone,
    capacity: 1,
    openToReverseMentoring: true,
    activeMenteeCount: 0,
    createdAt: 0,
    updatedAt: 0,
  };
}

/** An activity as sent on the wire, and as the local connector received the bot's replies. */
export type WireActivity = Record<string, unknown> & {
  type?: string;
  value?: unknown;
  attachments?: { contentType?: string; content?: unknown }[];
};

/** The connector's limits are Teams'; these tests are about conversations, not pacing. */
const UNLIMITED = { perTenant: [{ count: 100_000, windowMs: 1000 }], perConversation: [{ count: 100_000, windowMs: 1000 }] };

/**
 * A bot wired as in production except the clock, the nonce source and the in-memory mentoring
 * fakes: the Agents SDK's CloudAdapter behind the production endpoint on a real HTTP server, its
 * replies sent over HTTP to the local Bot Connector. Each turn is a real POST of a real activity.
 */
export async function botKit(options: { readonly settings?: Record<string, string>; readonly onMeetingEnd?: MeetingEndHandler } = {}) {
  const table = TableClient.fromConnectionString(testStorageConnectionString(), uniqueTableName('bot'), { allowInsecureConnection: true });
  await ensureTable(table);
  const repos = new InMemoryRepositories();
  let nonce = 0;
  /** The agenda refreshes asked for after saved check-ins (the host wires the booking use case there). */
  const refreshed: string[] = [];
  const cardIssues = new TableCheckInCardIssueStore(table);
  const references = new TableConversationReferenceStore(table);
  const conversation = new MentoringConversation({
    mentoring: { repos, ids: new SequentialIdGenerator('item') },
    references,
    cardIssues,
    links,
    newNonce: () => `nonce-${++nonce}`,
    now: () => NOW,
    afterCheckInSaved: async (tenantId, relationshipId) => {
      refreshed.push(`${tenantId}/${relationshipId}`);
    },
  });
  const bot = new TeamsMentoringBot(conversation, options.onMeetingEnd);
  const logged: { message: string; details: Record<string, unknown> }[] = [];
  const logger: BotLogger = { error: (message, details) => logged.push({ message, details }) };
  const settings = parseBotSettings({ MENTORING_MODE: 'local', TAB_ENDPOINT: 'https://tab.example', ...options.settings });
  const adapter = createBotAdapter(settings, logger);
  const connector = await startLocalBotConnector({ limits: UNLIMITED });
  const server: Server = createServer(nodeBotListener(botEndpoint(adapter, bot, logger, { allowServiceUrl: isLoopbackServiceUrl })));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/messages`;

  await repos.profiles.create(TENANT, profile(MENTOR.aadObjectId, MENTOR.name, 'Europe/Warsaw'));
  await repos.profiles.create(TENANT, profile(MENTEE.aadObjectId, MENTEE.name, 'Europe/London'));
  await repos.relationships.create(TENANT, {
    id: 'r1',
    mentorId: MENTOR.aadObjectId,
    menteeId: MENTEE.aadObjectId,
    reverse: true,
    status: 'active',
    requestId: 'q1',
    menteePreWork: { whatIWant: 'Learn Miro', whatIBring: 'Curiosity', expectations: 'Monthly' },
    startedAt: 0,
    reflections: {},
  });
  await repos.relationships.create(TENANT, {
    id: 'r2',
    mentorId: STRANGER.aadObjectId,
    menteeId: 'aad-other',
    reverse: false,
    status: 'active',
    requestId: 'q2',
    menteePreWork: { whatIWant: 'Learn Miro', whatIBring: 'Curiosity', expectations: 'Monthly' },
    startedAt: 0,
    reflections: {},
  });
  const meeting = (id: string, start: string) => ({
    id,
    number: 1,
    start: Date.parse(start),
    end: Date.parse(start) + 3_600_000,
    status: 'planned' as const,
    organizerId: MENTOR.aadObjectId,
  });
  await repos.relationships.meetings.create(TENANT, 'r1', meeting('m1', '2026-11-23T10:00:00Z'));
  await repos.relationships.meetings.create(TENANT, 'r1', { ...meeting('m2', '2026-11-30T10:00:00Z'), joinUrl: 'https://teams.microsoft.com/l/meetup-join/m2' });
  await repos.relationships.meetings.create(TENANT, 'r2', meeting('m9', '2026-11-23T10:00:00Z'));
  await repos.relationships.goals.create(TENANT, 'r1', {
    id: 'g1',
    title: 'Run a retrospective with Miro',
    smart: { specific: '', measurable: '', achievable: '', relevant: '', timeBound: '' },
    progress: 20,
    createdBy: MENTEE.aadObjectId,
    createdAt: 0,
    updatedAt: 0,
  });
  await repos.relationships.actionItems.create(TENANT, 'r1', {
    id: 'a1',
    title: 'Try Miro templates',
    ownerId: MENTEE.aadObjectId,
    dueDate: '2026-11-28',
    status: 'open',
    origin: { kind: 'manual' },
    createdBy: MENTEE.aadObjectId,
    createdAt: 0,
    updatedAt: 0,
  });

  function base(from: typeof MENTEE, locale = 'en-US'): WireActivity {
    return {
      channelId: 'msteams',
      serviceUrl: connector.serviceUrl,
      from,
      recipient: BOT,
      conversation: { id: `a:personal-${from.aadObjectId}`, conversationType: 'personal', tenantId: TENANT, isGroup: false },
      channelData: { tenant: { id: TENANT } },
      locale,
    };
  }

  /** POSTs one activity to the bot's endpoint; the HTTP answer as it came back. */
  async function post(body: unknown, headers: Record<string, string> = {}): Promise<{ status: number; text: string }> {
    const response = await fetch(endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
    return { status: response.status, text: await response.text() };
  }

  /**
   * Sends one activity and returns what the bot sent during that turn: the messages the connector
   * received, then (for an invoke) the invoke response from the HTTP answer.
   */
  async function turn(activity: WireActivity): Promise<WireActivity[]> {
    const before = connector.received.length;
    const answer = await post(activity);
    if (answer.status >= 300) throw new Error(`the bot answered ${answer.status}: ${answer.text}`);
    const replies: WireActivity[] = connector.received.slice(before).map((r) => r.activity as WireActivity);
    if (activity.type === 'invoke') replies.push({ type: 'invokeResponse', value: { status: answer.status, body: answer.text ? JSON.parse(answer.text) : undefined } });
    return replies;
  }

  const cardOf = (activity: WireActivity | undefined): Record<string, unknown> =>
    (activity?.attachments?.[0]?.content ?? {}) as Record<string, unknown>;

  async function close(): Promise<void> {
    await new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
    await connector.stop();
  }

  return { repos, conversation, references, cardIssues, adapter, connector, endpoint, logged, base, post, turn, cardOf, refreshed, close };
}
