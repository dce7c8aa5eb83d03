import { startLocalBotConnector, type LocalBotConnector } from '../../../src/local/connector/local-bot-connector';

async function post(connector: LocalBotConnector, conversationId: string, tenantId = 't1'): Promise<number> {
  const response = await fetch(`${connector.serviceUrl}v3/conversations/${encodeURIComponent(conversationId)}/activities`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ type: 'message', text: 'hi', conversation: { id: conversationId, tenantId } }),
  });
  return response.status;
}

describe('the local Bot Connector stand-in', () => {
  let connector: LocalBotConnector;
  afterEach(async () => {
    await connector.stop();
  });

  it('accepts sends and records them', async () => {
    connector = await startLocalBotConnector();
    expect(await post(connector, 'a:1')).toBe(201);
    expect(connector.received.map((r) => [r.conversationId, r.tenantId])).toEqual([['a:1', 't1']]);
  });

  it('answers 429 past the per-conversation limit (Teams: 7 per second per thread)', async () => {
    connector = await startLocalBotConnector();
    const statuses: number[] = [];
    for (let i = 0; i < 9; i++) statuses.push(await post(connector, 'a:busy'));
    expect(statuses.filter((s) => s === 201)).toHaveLength(7);
    expect(statuses.slice(7)).toEqual([429, 429]);
    expect(connector.stats).toEqual({ accepted: 7, throttled: 2 });
  });

  it('answers 429 past the per-tenant limit, while another tenant is unaffected', async () => {
    connector = await startLocalBotConnector({ limits: { perTenant: [{ count: 3, windowMs: 60_000 }], perConversation: [{ count: 100, windowMs: 1000 }] } });
    const a = [];
    for (let i = 0; i < 4; i++) a.push(await post(connector, `a:${i}`, 'tenant-a'));
    expect(a).toEqual([201, 201, 201, 429]);
    expect(await post(connector, 'b:1', 'tenant-b')).toBe(201);
  });

  it('can be told to fail the next calls (for retry tests)', async () => {
    connector = await startLocalBotConnector();
    connector.failNext(403, 1);
    expect(await post(connector, 'a:1')).toBe(403);
    expect(await post(connector, 'a:1')).toBe(201);
  });
});
