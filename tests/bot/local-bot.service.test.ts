/**
 * The bot as `npm start` serves it: POST /api/messages on the local host, through the Agents SDK's
 * CloudAdapter over HTTP, answering into a local Bot Connector; and the local-only demo action that
 * ends a meeting now and queues its check-ins.
 */
import { localBotDemoService, localBotMessagesService } from '../../src/local/bot/local-bot.service';
import { startLocalStack, type LocalStack } from '../../src/local/start-local-stack';
import { startLocalBotConnector, type LocalBotConnector } from '../../src/local/connector/local-bot-connector';

const TENANT = 'tenant-local-bot';

describe('the bot on the local host', () => {
  let stack: LocalStack;
  let connector: LocalBotConnector;

  beforeAll(async () => {
    connector = await startLocalBotConnector();
    stack = await startLocalStack({ httpPort: 0, seed: false, services: [localBotMessagesService, localBotDemoService] });
  }, 60_000);

  afterAll(async () => {
    await stack?.stop();
    await connector?.stop();
  });

  it('answers an install on POST /api/messages with a welcome card sent to the connector', async () => {
    const response = await fetch(`${stack.baseUrl}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        type: 'installationUpdate',
        action: 'add',
        id: 'act-1',
        channelId: 'msteams',
        serviceUrl: connector.serviceUrl,
        from: { id: '29:ania', aadObjectId: 'ania', name: 'Ania' },
        recipient: { id: '28:bot', name: 'Mentoring' },
        conversation: { id: 'a:ania', tenantId: TENANT, conversationType: 'personal' },
        channelData: { tenant: { id: TENANT } },
        locale: 'pl-PL',
      }),
    });
    expect(response.status).toBe(200);
    expect(connector.received).toHaveLength(1);
    expect(connector.received[0]!.conversationId).toBe('a:ania');
    expect(JSON.stringify(connector.received[0]!.activity)).toContain('Witamy w Mentoringu');
  });

  it('rejects a body that is not JSON with a stable code', async () => {
    const response = await fetch(`${stack.baseUrl}/api/messages`, { method: 'POST', body: 'nope' });
    expect(response.status).toBe(400);
    // The error body has the API's shape ({ error: { code, message, correlationId } }) since the endpoint hardening.
    expect(await response.json()).toMatchObject({ error: { code: 'BOT.INVALID_JSON' } });
  });

  it('answers only loopback service URLs: an activity asking for replies elsewhere is refused and nothing is sent', async () => {
    const before = connector.received.length;
    const response = await fetch(`${stack.baseUrl}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        type: 'message',
        text: 'help',
        channelId: 'msteams',
        serviceUrl: 'https://smba.trafficmanager.net/emea/',
        from: { id: '29:ania', aadObjectId: 'ania', name: 'Ania' },
        recipient: { id: '28:bot', name: 'Mentoring' },
        conversation: { id: 'a:ania', tenantId: TENANT, conversationType: 'personal' },
      }),
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { code: 'BOT.SERVICE_URL_NOT_ALLOWED', field: 'serviceUrl' } });
    expect(connector.received.length).toBe(before);
  });

  it.each(['{}', '{"x":1}', '{"type":1}'])('%s is a 400 with a code on the local host, never a 500', async (body) => {
    const response = await fetch(`${stack.baseUrl}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { code: 'BOT.INVALID_ACTIVITY' } });
  });

  it('the demo action ends a meeting now and queues a check-in for each person', async () => {
    const repos = stack.api.services.repositories;
    await repos.relationships.create(TENANT, {
      id: 'rel-demo',
      mentorId: 'marek',
      menteeId: 'ania',
      reverse: false,
      status: 'active',
      requestId: 'req-demo',
      menteePreWork: { whatIWant: 'Learn Miro', whatIBring: 'Curiosity', expectations: 'Monthly' },
      startedAt: 0,
      reflections: {},
    });
    const start = Date.now() + 3 * 86_400_000;
    await repos.relationships.meetings.create(TENANT, 'rel-demo', { id: 'meet-demo', number: 1, start, end: start + 3_600_000, status: 'planned', organizerId: 'marek' });
    const response = await fetch(`${stack.baseUrl}/local-bot/end-meeting`, {
      method: 'POST',
      body: JSON.stringify({ tenantId: TENANT, relationshipId: 'rel-demo', meetingId: 'meet-demo' }),
    });
    const body = (await response.json()) as { queued: { kind: string; personId: string; idempotencyKey: string }[] };
    expect(body).toMatchObject({ queued: expect.any(Array) });
    expect(body.queued).toEqual([
      { kind: 'checkin', personId: 'marek', idempotencyKey: 'checkin|meet-demo|marek' },
      { kind: 'checkin', personId: 'ania', idempotencyKey: 'checkin|meet-demo|ania' },
    ]);
    // Ending it again queues nothing new: each check-in is planned once.
    const again = await fetch(`${stack.baseUrl}/local-bot/end-meeting`, {
      method: 'POST',
      body: JSON.stringify({ tenantId: TENANT, relationshipId: 'rel-demo', meetingId: 'meet-demo' }),
    });
    expect(((await again.json()) as { queued: unknown[] }).queued).toEqual([]);
  });

  it('the demo action refuses bad input and unknown meetings, changing nothing', async () => {
    const bad = await fetch(`${stack.baseUrl}/local-bot/end-meeting`, { method: 'POST', body: '{}' });
    expect(bad.status).toBe(400);
    const unknown = await fetch(`${stack.baseUrl}/local-bot/end-meeting`, {
      method: 'POST',
      body: JSON.stringify({ tenantId: TENANT, relationshipId: 'rel-demo', meetingId: 'nope' }),
    });
    expect(unknown.status).toBe(404);
    // Without a meetingId it ends the pair's next meeting; a pair with none gets a 404 that says so.
    const none = await fetch(`${stack.baseUrl}/local-bot/end-meeting`, { method: 'POST', body: JSON.stringify({ tenantId: TENANT, relationshipId: 'rel-without-meetings' }) });
    expect([none.status, ((await none.json()) as { error: { message: string } }).error.message]).toEqual([404, 'That relationship has no planned meeting to end; book one on the Schedule tab first.']);
  });
});
