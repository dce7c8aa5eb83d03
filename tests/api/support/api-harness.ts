/**
 * A real API for tests: the local host on a free loopback port serving the function table, the
 * production token validator fetching the local issuer's JWKS over HTTP, and the test run's Azurite
 * behind it. Every harness gets fresh tenants (random ids) so tests never see each other's data.
 */
import { randomUUID } from 'node:crypto';
import { odata, TableClient } from '@azure/data-tables';
import { prefixUpperBound } from '../../../src/adapters/storage/table-keys';
import { createApiHost, type ComposedApiHost } from '../../../src/hosts/functions/composition-root';
import { parseApiSettings } from '../../../src/api/config';
import { apiFunctions } from '../../../src/api/function-table';
import type { ApiLogger } from '../../../src/api/api-services';
import { acceptRequest, createRequest, upsertMyProfile } from '../../../src/core/usecases';
import type { Relationship } from '../../../src/core/relationships/relationship';
import { localApiService } from '../../../src/local/api.service';
import type { DemoPerson } from '../../../src/local/demo-people';
import { createLocalIdentityIssuer, type LocalIdentityIssuer } from '../../../src/local/identity-issuer';
import { localIdentityService } from '../../../src/local/identity-issuer.service';
import { startLocalHost, type LocalHost } from '../../../src/local/local-host';
import { localApiEnvironment } from '../../../src/local/local-settings';
import { principalOf } from '../../../src/local/seed-demo-data';
import { testStorageConnectionString, uniqueTableName } from '../../support/azurite';
import { localCalendarService } from '../../../src/local/calendar/local-calendar.service';
import { localCalendarTable, localGraphCalendarHandler, type LocalGraphHandler } from '../../../src/local/calendar/local-graph-calendar';
import { fail as failResult, ok as okResult } from '../../../src/core/result';
import type { CalendarPerson } from '../../../src/core/ports/calendar';
import type { LocalGroup } from '../../../src/local/calendar/directory-groups';
import type { Clock } from '../../../src/core/ports/clock';
import { composeBotRuntime } from '../../../src/hosts/functions/bot-runtime';
import { botStorageFromConnectionString, type BotStorage } from '../../../src/hosts/functions/bot-composition';
import type { BotRuntime } from '../../../src/hosts/functions/bot-timers';
import { parseBotSettings } from '../../../src/bot/host/bot-settings';
import { startLocalBotConnector, type LocalBotConnector } from '../../../src/local/connector/local-bot-connector';
import { StorageQueuePoller } from '../../../src/adapters/queue/storage-queue-poller';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { nodeBotListener } from '../../../src/bot/host/bot-endpoint';

/** The bot beside the API (as in the Function App), on its own table and queues, sending to a local Bot Connector. */
export interface HarnessBot {
  readonly runtime: BotRuntime;
  readonly connector: LocalBotConnector;
  /** The person installed the app: the bot keeps their conversation reference. */
  installed(person: DemoPerson): Promise<void>;
  /** The delivery queue trigger's handler over every queued message, until nothing is due. */
  deliver(): Promise<void>;
  /** POSTs one activity to the bot's endpoint (the production endpoint and CloudAdapter on a loopback port). */
  post(activity: Record<string, unknown>): Promise<{ status: number; json: any }>;
  /** An activity from the person in their personal chat with the bot. */
  activityFrom(person: DemoPerson): Record<string, unknown>;
  stop(): Promise<void>;
}

export interface Cast {
  readonly tenantId: string;
  readonly mentor: DemoPerson;
  readonly mentee: DemoPerson;
  /** Same tenant, not in the pair. */
  readonly stranger: DemoPerson;
  /** Another tenant. */
  readonly outsider: DemoPerson;
  /** A programme owner (Programme.Owner app role) of the cast's tenant, and one of another tenant. */
  readonly owner: DemoPerson;
  readonly outsiderOwner: DemoPerson;
}

export interface ApiHarness {
  readonly baseUrl: string;
  readonly api: ComposedApiHost;
  readonly issuer: LocalIdentityIssuer;
  readonly tableName: string;
  /** The local Graph calendar the API books into (its mailboxes are every cast's people). */
  calendar(): LocalGraphHandler;
  /** Entra groups the local calendar serves (`/groups/{id}/transitiveMembers`); add to it before the call that reads it. */
  readonly groups: LocalGroup[];
  readonly logged: { message: string; fields: Record<string, unknown> }[];
  /** Records `managerId` as the person's manager in the local calendar's directory (`GET /users/{id}/manager`). */
  setManager(personId: string, managerId: string): void;
  /** Present when started with `bot: true`. */
  readonly bot?: HarnessBot;
  /** A fresh pair in a fresh tenant, with profiles for everyone and an accepted request. */
  newCast(): Promise<Cast & { relationship: Relationship }>;
  token(person: DemoPerson): Promise<string>;
  request(method: string, path: string, options?: { person?: DemoPerson; body?: unknown; rawBody?: string; headers?: Record<string, string> }): Promise<ApiAnswer>;
  /** Every row of the table (or of one tenant) with its ETag: equal snapshots mean nothing was written. */
  snapshot(tenantId?: string): Promise<string[]>;
  stop(): Promise<void>;
}

export interface ApiAnswer {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
  readonly json: any;
}

function person(tenantId: string, name: string, extra: Partial<DemoPerson> = {}): DemoPerson {
  const id = randomUUID();
  return {
    personId: id,
    tenantId,
    displayName: name,
    email: `${name.toLowerCase().replace(/\s+/g, '.')}@test.local`,
    jobTitle: 'Engineer',
    seniority: 'intermediate',
    timeZone: 'Europe/London',
    skillsToTeach: ['power bi'],
    skillsToLearn: ['leadership'],
    languages: ['en'],
    capacity: 5,
    openToReverseMentoring: true,
    roles: [],
    ...extra,
  };
}

/** `env`: extra API settings, as the host would read them (e.g. BOOKING_HORIZON_DAYS); `clock`: the services' clock (tokens keep real time); `bot`: the bot beside the API. */
export async function startApiHarness(options: { env?: Record<string, string>; clock?: Clock; bot?: boolean } = {}): Promise<ApiHarness> {
  const host: LocalHost = await startLocalHost({ port: 0 });
  const people: DemoPerson[] = [];
  const groups: LocalGroup[] = [];
  const tableName = uniqueTableName('api');
  const settings = parseApiSettings(
    localApiEnvironment(
      {
        storageConnectionString: testStorageConnectionString(),
        jwksUri: `${host.baseUrl}/local-identity/discovery/v2.0/keys`,
        issuerTemplate: `${host.baseUrl}/local-identity/{tenantid}/v2.0`,
        graphBaseUrl: `${host.baseUrl}/local-graph/v1.0`,
        notificationUrl: `${host.baseUrl}/api/calendar-notifications`,
      },
      { STORAGE_TABLE_NAME: tableName, CALENDAR_CHANGES_QUEUE: `changes-${tableName.toLowerCase()}`, ...(options.env ?? {}) },
    ),
  );
  const issuer = await createLocalIdentityIssuer({ baseUrl: host.baseUrl, clientId: settings.AUTH_CLIENT_ID, people });
  const logged: { message: string; fields: Record<string, unknown> }[] = [];
  const logger: ApiLogger = { error: (message, fields) => logged.push({ message, fields }), info: () => undefined };
  // The local calendar knows its mailboxes when it starts, so each new cast gets a fresh handler over the same events table.
  const calendarTable = localCalendarTable(testStorageConnectionString(), uniqueTableName('apigraph'));
  const managers = new Map<string, string>();
  const calendarFor = () =>
    localGraphCalendarHandler({
      table: calendarTable,
      people: people.map((p) => ({ personId: p.personId, tenantId: p.tenantId, email: p.email, displayName: p.displayName, timeZone: p.timeZone, seeded: false, ...(managers.has(p.personId) ? { managerId: managers.get(p.personId)! } : {}) })),
      groups,
    });
  let calendar = calendarFor();
  host.use({ name: 'calendar', prefix: '/local-graph', handle: (request, response, url) => localCalendarService(calendar).handle(request, response, url) });
  const api = await createApiHost({
    settings,
    logger,
    // Each harness its own activity-feed queue, so no other test's worker takes its notifications.
    feedQueueName: `feed-${tableName.toLowerCase()}`,
    ...(options.clock ? { clock: options.clock } : {}),
    // Graph tokens without an Entra token endpoint: the local calendar accepts the caller's own token (OBO is MSAL's part, tested with the adapter).
    graphTokens: { onBehalfOf: (_tenantId, sso) => async () => sso, appOnly: (tenantId) => async () => `app-only-${tenantId}` },
    directory: {
      async findPeople(tenantId, ids) {
        const found: CalendarPerson[] = [];
        for (const id of ids) {
          const p = people.find((x) => x.personId === id && x.tenantId === tenantId);
          if (!p) return failResult('DIRECTORY.PERSON_NOT_FOUND', 'Not in the directory.');
          found.push({ personId: p.personId, email: p.email, displayName: p.displayName });
        }
        return okResult(found);
      },
    },
  });
  host.use(localIdentityService(issuer));
  host.use(localApiService(apiFunctions, api));
  const raw = TableClient.fromConnectionString(testStorageConnectionString(), tableName, { allowInsecureConnection: true });
  const tokens = new Map<string, string>();
  const bot = options.bot ? await startHarnessBot(api, tableName) : undefined;

  const harness: ApiHarness = {
    baseUrl: host.baseUrl,
    api,
    issuer,
    tableName,
    calendar: () => calendar,
    groups,
    logged,
    ...(bot ? { bot } : {}),
    setManager(personId, managerId) {
      managers.set(personId, managerId);
      calendar = calendarFor();
    },
    async newCast() {
      const tenantId = randomUUID();
      const mentor = person(tenantId, 'Kacper Mentor', { seniority: 'junior', timeZone: 'Europe/Warsaw' });
      const mentee = person(tenantId, 'Margaret Mentee', { seniority: 'executive', timeZone: 'America/New_York', skillsToLearn: ['power bi'] });
      const stranger = person(tenantId, 'Sam Stranger');
      const outsider = person(randomUUID(), 'Olga Outsider');
      const owner = person(tenantId, 'Priya Owner', { roles: ['Programme.Owner'] });
      const outsiderOwner = person(randomUUID(), 'Otto Otherowner', { roles: ['Programme.Owner'] });
      people.push(mentor, mentee, stranger, outsider, owner, outsiderOwner);
      calendar = calendarFor();
      const deps = { repos: api.services.repositories, ids: api.services.ids };
      const now = Date.now();
      for (const p of [mentor, mentee, stranger, outsider]) {
        const created = await upsertMyProfile(deps, {
          principal: principalOf(p),
          now,
          input: {
            jobTitle: p.jobTitle,
            seniority: p.seniority,
            skillsToTeach: p.skillsToTeach,
            skillsToLearn: p.skillsToLearn,
            languages: p.languages,
            timeZone: p.timeZone,
            capacity: p.capacity,
            openToReverseMentoring: p.openToReverseMentoring,
          },
        });
        if (!created.ok) throw new Error(`profile: ${created.error.code}`);
      }
      const request = await createRequest(deps, {
        principal: principalOf(mentee),
        now,
        input: { mentorId: mentor.personId, note: 'Please', preWork: { whatIWant: 'Power BI', whatIBring: 'Strategy', expectations: 'Biweekly' } },
      });
      if (!request.ok) throw new Error(`request: ${request.error.code}`);
      const relationship = await acceptRequest(deps, { principal: principalOf(mentor), now, input: { requestId: request.value.id } });
      if (!relationship.ok) throw new Error(`accept: ${relationship.error.code}`);
      return { tenantId, mentor, mentee, stranger, outsider, owner, outsiderOwner, relationship: relationship.value };
    },
    async token(p) {
      let token = tokens.get(p.personId);
      if (!token) {
        token = (await issuer.issueToken(p.personId)) ?? '';
        tokens.set(p.personId, token);
      }
      return token;
    },
    async request(method, path, options = {}) {
      const headers: Record<string, string> = { ...(options.headers ?? {}) };
      if (options.person) headers.authorization = `Bearer ${await harness.token(options.person)}`;
      let body: string | undefined;
      if (options.rawBody !== undefined) body = options.rawBody;
      else if (options.body !== undefined) {
        body = JSON.stringify(options.body);
        headers['content-type'] ??= 'application/json';
      }
      const response = await fetch(`${host.baseUrl}${path}`, { method, headers, ...(body !== undefined ? { body } : {}) });
      const text = await response.text();
      let json: unknown;
      try {
        json = text ? JSON.parse(text) : undefined;
      } catch {
        json = undefined;
      }
      return { status: response.status, headers: response.headers, text, json };
    },
    async snapshot(tenantId) {
      const rows: string[] = [];
      const prefix = tenantId ? `t|${tenantId}|` : undefined;
      const entities = prefix
        ? raw.listEntities({ queryOptions: { filter: odata`PartitionKey ge ${prefix} and PartitionKey lt ${prefixUpperBound(prefix)}` } })
        : raw.listEntities();
      for await (const e of entities) rows.push(`${e.partitionKey}/${e.rowKey}/${e.etag}`);
      return rows.sort();
    },
    stop: async () => {
      await bot?.stop();
      await host.close();
    },
  };
  return harness;
}

async function startHarnessBot(api: ComposedApiHost, tableName: string): Promise<HarnessBot> {
  const connector = await startLocalBotConnector();
  const suffix = tableName.toLowerCase().replace(/[^a-z0-9]/g, '').slice(-20);
  const base = botStorageFromConnectionString(testStorageConnectionString());
  const storage: BotStorage = { table: (name) => base.table(`${name}${suffix}`), queue: (name) => base.queue(`${name}-${suffix}`) };
  const runtime = await composeBotRuntime(api, { settings: parseBotSettings({ MENTORING_MODE: 'local', TAB_ENDPOINT: 'http://127.0.0.1:53000' }), storage });
  const server = createServer(nodeBotListener(runtime.host.handle));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/messages`;
  return {
    runtime,
    connector,
    async post(activity) {
      const response = await fetch(endpoint, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });
      const text = await response.text();
      return { status: response.status, json: text ? JSON.parse(text) : undefined };
    },
    activityFrom(p) {
      return {
        channelId: 'msteams',
        serviceUrl: connector.serviceUrl,
        from: { id: `29:${p.personId}`, aadObjectId: p.personId, name: p.displayName },
        recipient: { id: '28:bot', name: 'Mentoring' },
        conversation: { id: `a:${p.personId}`, conversationType: 'personal', tenantId: p.tenantId, isGroup: false },
        channelData: { tenant: { id: p.tenantId } },
        locale: 'en-US',
      };
    },
    async stop() {
      await new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      });
      await connector.stop();
    },
    async installed(p) {
      await runtime.host.conversation.remember({
        serviceUrl: connector.serviceUrl,
        channelId: 'msteams',
        conversationId: `a:${p.personId}`,
        botId: '28:bot',
        userId: `29:${p.personId}`,
        userAadObjectId: p.personId,
        tenantId: p.tenantId,
        locale: 'en-US',
      });
    },
    async deliver() {
      const { deliveryQueue, worker } = runtime.host;
      const poller = new StorageQueuePoller(
        deliveryQueue.queues.map((queue) => ({ queue, handle: (message: string, source: { queueName: string; messageId: string }) => worker.handleMessage(message, source) })),
        () => {
          throw new Error('no poison queue expected');
        },
      );
      while ((await poller.runOnce()).length > 0);
    },
  };
}
