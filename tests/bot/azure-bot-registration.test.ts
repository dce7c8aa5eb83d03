/**
 * The Azure Functions registration with the bot: src/hosts/functions/azure-functions.ts is loaded as the Functions
 * worker loads it, against a recording stand-in for the worker's core module (@azure/functions-core,
 * which only exists inside the Functions host), so every app.http/app.timer call it makes is seen.
 * Then POST /api/messages is served through the registered handler with a real HttpRequest: the
 * bot answers an install with a welcome sent to a local Bot Connector.
 */
import { HttpRequest, type HttpResponseInit, type InvocationContext } from '@azure/functions';
import { localApiEnvironment } from '../../src/local/local-settings';
import { startLocalBotConnector, type LocalBotConnector } from '../../src/local/connector/local-bot-connector';
import { testStorageConnectionString, uniqueTableName } from '../support/azurite';
import { QueueClient } from '@azure/storage-queue';

interface Registered {
  readonly metadata: {
    name: string;
    bindings: Record<string, { type: string; direction: string; route?: string; methods?: string[]; schedule?: string; authLevel?: string; queueName?: string; connection?: string }>;
  };
  readonly handler: (request: unknown, context: InvocationContext) => Promise<HttpResponseInit>;
}
const mockRegistered: Registered[] = [];

jest.mock(
  '@azure/functions-core',
  () => ({
    setProgrammingModel: () => undefined,
    registerFunction: (metadata: Registered['metadata'], handler: Registered['handler']) => {
      mockRegistered.push({ metadata, handler });
      return { dispose: () => undefined };
    },
    registerHook: () => ({ dispose: () => undefined }),
    // Present from Functions host 4.28, the version HTTP streaming needs (app.setup checks for it).
    log: () => undefined,
  }),
  { virtual: true },
);

const triggerOf = (r: Registered) => Object.values(r.metadata.bindings).find((b) => /trigger$/i.test(b.type))!;

describe('the Azure Functions registration with the bot', () => {
  let connector: LocalBotConnector;
  const saved = { ...process.env };

  beforeAll(async () => {
    connector = await startLocalBotConnector();
    // process.env turns an undefined value into the string "undefined": only defined settings go in.
    const defined = (env: Record<string, string | undefined>) => Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined));
    Object.assign(
      process.env,
      defined(localApiEnvironment(
        {
          storageConnectionString: testStorageConnectionString(),
          jwksUri: 'http://127.0.0.1:9/keys',
          issuerTemplate: 'http://127.0.0.1:9/{tenantid}/v2.0',
          graphBaseUrl: 'http://127.0.0.1:9/v1.0',
        },
        { STORAGE_TABLE_NAME: uniqueTableName('azbot') },
      )),
      { TAB_ENDPOINT: 'http://127.0.0.1:53000' },
    );
    delete process.env.BOT_ID;
    jest.isolateModules(() => {
      require('../../src/hosts/functions/azure-functions');
    });
  });

  afterAll(async () => {
    process.env = saved;
    await connector.stop();
  });

  it('registers POST /api/messages once, anonymous at this layer, beside the API functions', () => {
    const http = mockRegistered.filter((r) => triggerOf(r).type === 'httpTrigger');
    const names = http.map((r) => r.metadata.name);
    expect(new Set(names).size).toBe(names.length);
    const bot = http.filter((r) => triggerOf(r).route === 'messages');
    expect(bot.map((r) => [r.metadata.name, triggerOf(r).methods, triggerOf(r).authLevel])).toEqual([['botMessages', ['POST'], 'anonymous']]);
    expect(names).toEqual(expect.arrayContaining(['health', 'submitCheckIn', 'refreshAgendas']));
  });

  it('registers each timer once with its NCRONTAB schedule, the bot\'s planning among them (delivery is not polled by a timer)', () => {
    const timers = mockRegistered.filter((r) => triggerOf(r).type === 'timerTrigger').map((r) => [r.metadata.name, triggerOf(r).schedule]);
    const names = timers.map(([name]) => name);
    expect(new Set(names).size).toBe(names.length);
    // The API's own timers (calendar sync, subscriptions, …) are the booking side's to list; the bot adds planning only.
    expect(timers).toEqual(expect.arrayContaining([['syncCalendars', '0 0/15 * * * *'], ['planBotMessages', '30 * * * * *']]));
    expect(names.filter((name) => /bot/i.test(name ?? ''))).toEqual(['planBotMessages']);
  });

  it('runs delivery on a Storage queue trigger per delivery queue, on the Function App\'s storage connection', () => {
    const queues = mockRegistered.filter((r) => triggerOf(r).type === 'queueTrigger' && r.metadata.name.startsWith('deliverBotMessages')).map((r) => [r.metadata.name, triggerOf(r).queueName, triggerOf(r).connection]);
    expect(queues).toEqual(Array.from({ length: 16 }, (_, i) => [`deliverBotMessages${i}`, `bot-deliveries-${i}`, 'AzureWebJobsStorage']));
  });

  it('reads late attendance reports again on a Storage queue trigger of their own', () => {
    const retry = mockRegistered.find((r) => r.metadata.name === 'retryMeetingAttendance')!;
    expect([triggerOf(retry).type, triggerOf(retry).queueName, triggerOf(retry).connection]).toEqual(['queueTrigger', 'bot-attendance-retry', 'AzureWebJobsStorage']);
  });

  it('a queue message that is not a batch of jobs, handed to the registered trigger, goes to that queue\'s poison queue and the handler returns', async () => {
    const trigger = mockRegistered.find((r) => r.metadata.name === 'deliverBotMessages3')!;
    const poison = new QueueClient(testStorageConnectionString(), 'bot-deliveries-3-poison');
    const before = (await poison.exists()) ? ((await poison.getProperties()).approximateMessagesCount ?? 0) : 0;
    const text = `{"not":"jobs","marker":"${uniqueTableName('m')}"}`;
    // The Node worker hands a JSON message over parsed.
    await trigger.handler(JSON.parse(text), { triggerMetadata: { id: 'message-1' } } as unknown as InvocationContext);
    expect((await poison.getProperties()).approximateMessagesCount).toBe(before + 1);
    const texts = (await poison.peekMessages({ numberOfMessages: 32 })).peekedMessageItems.map((m) => m.messageText);
    expect(texts).toContain(text);
  }, 30_000);

  it('serves an install through the registered handler: 200, and a welcome card sent to the conversation', async () => {
    const bot = mockRegistered.find((r) => r.metadata.name === 'botMessages')!;
    const tenantId = `tenant-${uniqueTableName('t')}`;
    const request = new HttpRequest({
      method: 'POST',
      url: 'https://mentoring.azurewebsites.net/api/messages',
      headers: { 'content-type': 'application/json' },
      body: {
        string: JSON.stringify({
          type: 'installationUpdate',
          action: 'add',
          id: 'act-azure-1',
          channelId: 'msteams',
          serviceUrl: connector.serviceUrl,
          from: { id: '29:olga', aadObjectId: 'olga', name: 'Olga' },
          recipient: { id: '28:bot', name: 'Mentoring' },
          conversation: { id: 'a:olga', tenantId, conversationType: 'personal' },
          channelData: { tenant: { id: tenantId } },
          locale: 'en-GB',
        }),
      },
    });
    const response = await bot.handler(request, {} as InvocationContext);
    expect(response.status).toBe(200);
    expect(connector.received.map((r) => [r.conversationId, r.tenantId])).toEqual([['a:olga', tenantId]]);
    expect(JSON.stringify(connector.received[0]!.activity)).toContain('Welcome to Mentoring');
  }, 30_000);

  it('with a bot identity configured, an activity without the channel token is refused (401) and nothing is sent', async () => {
    const { createApiHost } = await import('../../src/hosts/functions/composition-root');
    const { parseApiSettings } = await import('../../src/api/config');
    const { composeBotRuntime } = await import('../../src/hosts/functions/bot-runtime');
    const { botStorageFromConnectionString } = await import('../../src/hosts/functions/bot-composition');
    const { functionTableWithBot } = await import('../../src/hosts/functions/bot-function-table');
    const { parseBotSettings } = await import('../../src/bot/host/bot-settings');
    const { fromAzureStreamingRequest } = await import('../../src/api/azure-request-mapping');
    const api = await createApiHost({ settings: parseApiSettings(process.env), logger: { error: () => undefined, info: () => undefined } });
    const runtime = composeBotRuntime(api, {
      settings: parseBotSettings({ MENTORING_MODE: 'local', TAB_ENDPOINT: 'http://127.0.0.1:53000', BOT_ID: '00000000-0000-0000-0000-00000000b07', BOT_PASSWORD: 'not-used' }),
      storage: botStorageFromConnectionString(testStorageConnectionString()),
    });
    const definition = functionTableWithBot(() => runtime).streaming.find((f) => f.name === 'botMessages')!;
    const before = connector.received.length;
    const request = new HttpRequest({
      method: 'POST',
      url: 'https://mentoring.azurewebsites.net/api/messages',
      headers: { 'content-type': 'application/json' },
      body: {
        string: JSON.stringify({
          type: 'message',
          text: 'help',
          id: 'act-forged',
          channelId: 'msteams',
          serviceUrl: connector.serviceUrl,
          from: { id: '29:eve', aadObjectId: 'eve', name: 'Eve' },
          recipient: { id: '28:bot', name: 'Mentoring' },
          conversation: { id: 'a:eve', tenantId: 'tenant-forged', conversationType: 'personal' },
        }),
      },
    });
    const response = await definition.handle(fromAzureStreamingRequest(request));
    expect(response.status).toBe(401);
    expect(response.body).toMatchObject({ error: { code: 'BOT.UNAUTHORIZED' } });
    expect(connector.received.length).toBe(before);
  }, 30_000);

  it('on the Azure path a chunked body with no Content-Length is capped while streaming: 413 from the bot, 413 from the API', async () => {
    const { fromAzureRequest } = await import('../../src/api/azure-request-mapping');
    const { MAX_BODY_BYTES } = await import('../../src/api/handle-api-request');
    const chunks = (total: number) => {
      let sent = 0;
      return new ReadableStream<Uint8Array>({
        pull(controller) {
          if (sent >= total) return controller.close();
          sent += 16 * 1024;
          controller.enqueue(new Uint8Array(16 * 1024).fill(0x20));
        },
      });
    };
    // As the worker builds it for HTTP streaming: a native Request whose body is a stream, without Content-Length.
    const streamed = (url: string) =>
      new HttpRequest({
        nativeRequest: new Request(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: chunks(400 * 1024), duplex: 'half' } as RequestInit),
      } as never);
    const bot = mockRegistered.find((r) => r.metadata.name === 'botMessages')!;
    const botAnswer = await bot.handler(streamed('https://mentoring.azurewebsites.net/api/messages'), {} as InvocationContext);
    expect(botAnswer.status).toBe(413);
    expect(JSON.parse(String(botAnswer.body))).toMatchObject({ error: { code: 'BOT.BODY_TOO_LARGE' } });
    const apiRequest = await fromAzureRequest(streamed('https://mentoring.azurewebsites.net/api/goals'));
    expect(apiRequest.bodyText?.length).toBe(MAX_BODY_BYTES + 1);
  }, 30_000);
});
