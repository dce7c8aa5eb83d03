import { TableClient } from '@azure/data-tables';
import { TestAdapter, type Activity } from 'botbuilder';
import { ensureTable, TableCheckInCardIssueStore, TableConversationReferenceStore } from '../../src/adapters/bot/table-bot-stores';
import { MentoringConversation } from '../../src/bot/conversation/mentoring-conversation';
import { TeamsMentoringBot } from '../../src/bot/host/teams-mentoring-bot';
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

/** A bot wired as in production except the clock, the nonce source and the in-memory mentoring fakes. */
export async function botKit() {
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
  const bot = new TeamsMentoringBot(conversation);
  const adapter = new TestAdapter(async (context) => {
    await bot.run(context);
  });

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

  function base(from: typeof MENTEE, locale = 'en-US'): Partial<Activity> {
    return {
      channelId: 'msteams',
      serviceUrl: 'https://smba.trafficmanager.net/emea/',
      from,
      recipient: BOT,
      conversation: { id: `a:personal-${from.aadObjectId}`, conversationType: 'personal', tenantId: TENANT, isGroup: false, name: '' },
      channelData: { tenant: { id: TENANT } },
      locale,
    };
  }

  /** Sends one activity and returns what the bot sent back during that turn. */
  async function turn(activity: Partial<Activity>): Promise<Partial<Activity>[]> {
    adapter.activeQueue.length = 0;
    await adapter.processActivity(activity);
    return [...adapter.activeQueue];
  }

  const cardOf = (activity: Partial<Activity> | undefined): Record<string, unknown> =>
    (activity?.attachments?.[0]?.content ?? {}) as Record<string, unknown>;

  return { repos, conversation, references, cardIssues, adapter, base, turn, cardOf, refreshed };
}
