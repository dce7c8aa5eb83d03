/**
 * POST /api/messages as an attacker sees it: malformed activities, oversize and chunked bodies,
 * foreign service URLs, and (with BOT_ID) requests without or with a real channel token signed by
 * a local key set. Every refusal is a stable code and our own sentence; nothing reaches the channel.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { botKit, MENTEE } from './bot-test-kit';

type Kit = Awaited<ReturnType<typeof botKit>>;

const BOT_ID = '00000000-0000-4000-8000-00000000b0b0';
const ERROR_KEYS = ['code', 'correlationId', 'field', 'message'];

/** The whole answer must be ours: an error object with known keys, no SDK or parser text. */
function expectOwnError(text: string, status: number, code: string, actual: number): void {
  expect(actual).toBe(status);
  const body = JSON.parse(text) as { error: Record<string, unknown> };
  expect(Object.keys(body)).toEqual(['error']);
  expect(body.error.code).toBe(code);
  for (const key of Object.keys(body.error)) expect(ERROR_KEYS).toContain(key);
  expect(text).not.toMatch(/zod|jwt-auth-error|botframework\.com|ExceptionHelper|stack|TypeError|at Object/i);
}

function chunked(totalBytes: number, chunk = 16 * 1024): ReadableStream<Uint8Array> {
  let sent = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent >= totalBytes) return controller.close();
      const size = Math.min(chunk, totalBytes - sent);
      sent += size;
      controller.enqueue(new Uint8Array(size).fill(0x20));
    },
  });
}

describe('the bot endpoint without BOT_ID (local mode)', () => {
  let kit: Kit;
  beforeAll(async () => {
    kit = await botKit();
  });
  afterAll(async () => {
    await kit.close();
  });

  it.each([
    ['{}', 'BOT.INVALID_ACTIVITY'],
    ['{"x":1}', 'BOT.INVALID_ACTIVITY'],
    ['{"type":1}', 'BOT.INVALID_ACTIVITY'],
    ['[]', 'BOT.INVALID_ACTIVITY'],
    ['null', 'BOT.INVALID_ACTIVITY'],
    ['nope', 'BOT.INVALID_JSON'],
    ['', 'BOT.INVALID_JSON'],
  ])('%s answers 400 %s, never 500 and never the SDK text', async (body, code) => {
    const answer = await kit.post(body);
    expectOwnError(answer.text, 400, code, answer.status);
    expect(kit.connector.received).toHaveLength(0);
  });

  it('invalid UTF-8 is refused as BOT.INVALID_JSON, not patched', async () => {
    const activity = Buffer.from(JSON.stringify({ ...kit.base(MENTEE), type: 'message', text: 'hi XX' }));
    const at = activity.indexOf('XX');
    activity[at] = 0xc3;
    activity[at + 1] = 0x28;
    const answer = await fetch(kit.endpoint, { method: 'POST', headers: { 'content-type': 'application/json' }, body: activity });
    expectOwnError(await answer.text(), 400, 'BOT.INVALID_JSON', answer.status);
    expect(kit.connector.received).toHaveLength(0);
  });

  it('an activity the SDK schema refuses (an empty conversation name) is a 400 naming the field', async () => {
    const answer = await kit.post({ ...kit.base(MENTEE), type: 'message', text: 'help', conversation: { id: 'a:x', name: '' } });
    expectOwnError(answer.text, 400, 'BOT.INVALID_ACTIVITY', answer.status);
    expect(JSON.parse(answer.text).error.field).toBe('conversation.name');
  });

  it('a serviceUrl that is not on this machine is refused before the turn: nothing is sent anywhere', async () => {
    const answer = await kit.post({ ...kit.base(MENTEE), type: 'message', text: 'help', serviceUrl: 'https://evil.example/' });
    expectOwnError(answer.text, 400, 'BOT.SERVICE_URL_NOT_ALLOWED', answer.status);
    expect(kit.connector.received).toHaveLength(0);
  });

  it('a body over 256 KiB is refused with 413, by Content-Length and, chunked, while streaming', async () => {
    const declared = await fetch(kit.endpoint, { method: 'POST', headers: { 'content-type': 'application/json' }, body: 'x'.repeat(300 * 1024) });
    expectOwnError(await declared.text(), 413, 'BOT.BODY_TOO_LARGE', declared.status);
    const streamed = await fetch(kit.endpoint, { method: 'POST', headers: { 'content-type': 'application/json' }, body: chunked(300 * 1024), duplex: 'half' } as RequestInit);
    expect(streamed.headers.get('content-length')).not.toBeNull();
    expectOwnError(await streamed.text(), 413, 'BOT.BODY_TOO_LARGE', streamed.status);
    // Just under the cap is read and judged on its content (blanks are not JSON).
    const under = await fetch(kit.endpoint, { method: 'POST', body: chunked(200 * 1024), duplex: 'half' } as RequestInit);
    expectOwnError(await under.text(), 400, 'BOT.INVALID_JSON', under.status);
  });

  it('other methods get 405 with a code', async () => {
    const answer = await fetch(kit.endpoint, { method: 'GET' });
    expectOwnError(await answer.text(), 405, 'HTTP.METHOD_NOT_ALLOWED', answer.status);
  });

  it('a turn that throws gives the person a card with only a reference id, and the HTTP answer no text', async () => {
    const before = kit.connector.received.length;
    // The conversation store fails for this turn only: the bot's onTurnError answers.
    const save = kit.references.save.bind(kit.references);
    kit.references.save = async () => {
      throw new Error('secret storage detail: table mentoringbot unreachable at 10.0.0.7');
    };
    try {
      const answer = await kit.post({ ...kit.base(MENTEE), type: 'installationUpdate', action: 'add' });
      expect(answer.status).toBe(200);
      expect(answer.text).toBe('');
    } finally {
      kit.references.save = save;
    }
    const sent = JSON.stringify(kit.connector.received.slice(before));
    expect(sent).not.toContain('secret storage detail');
    expect(sent).toMatch(/[0-9a-f]{8}/);
    expect(kit.logged.some((l) => l.message === 'bot turn failed' && String(l.details.error).includes('secret storage detail'))).toBe(true);
  });
});

describe('the bot endpoint with BOT_ID (the channel token comes first)', () => {
  let kit: Kit;
  let keys: Server;
  let authority: string;
  let privateKey: CryptoKey;

  beforeAll(async () => {
    const pair = await generateKeyPair('RS256');
    privateKey = pair.privateKey as CryptoKey;
    const jwk = { ...(await exportJWK(pair.publicKey)), kid: 'local-channel-key', use: 'sig', alg: 'RS256' };
    keys = createServer((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: [jwk] })));
    await new Promise<void>((resolve) => keys.listen(0, '127.0.0.1', resolve));
    authority = `http://127.0.0.1:${(keys.address() as AddressInfo).port}/channel-tenant`;
    kit = await botKit({ settings: { BOT_ID, BOT_PASSWORD: 'not-used', BOT_AUTHORITY: authority } });
  });
  afterAll(async () => {
    await kit.close();
    await new Promise<void>((resolve) => keys.close(() => resolve()));
  });

  const token = (claims: Record<string, unknown> = {}) =>
    new SignJWT({ serviceurl: kit.connector.serviceUrl, ...claims })
      .setProtectedHeader({ alg: 'RS256', kid: 'local-channel-key' })
      .setIssuer(`${authority}/v2.0`)
      .setAudience(BOT_ID)
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(privateKey);

  it.each(['{}', '{"x":1}', '{"type":1}', 'nope'])('%s without a token answers 401 with a code, not the SDK text', async (body) => {
    const answer = await kit.post(body);
    expectOwnError(answer.text, 401, 'BOT.UNAUTHORIZED', answer.status);
  });

  it('a forged token is refused the same way, and nothing is sent', async () => {
    const answer = await kit.post({ ...kit.base(MENTEE), type: 'message', text: 'help' }, { authorization: 'Bearer eyJhbGciOiJub25lIn0.eyJhdWQiOiJ4In0.' });
    expectOwnError(answer.text, 401, 'BOT.UNAUTHORIZED', answer.status);
    expect(kit.connector.received).toHaveLength(0);
  });

  it('without a token the answer comes before the body is read: a body that never ends still gets its 401', async () => {
    const endless = new ReadableStream<Uint8Array>({
      pull: (controller) => new Promise((resolve) => setTimeout(() => (controller.enqueue(new Uint8Array(1024)), resolve()), 50)),
    });
    const answer = await fetch(kit.endpoint, { method: 'POST', body: endless, duplex: 'half' } as RequestInit);
    expectOwnError(await answer.text(), 401, 'BOT.UNAUTHORIZED', answer.status);
  });

  it.each(['{}', '{"x":1}', '{"type":1}'])('%s with a valid channel token answers 400, never 500', async (body) => {
    // The keys come from BOT_AUTHORITY (a local key set), so the token verifies as the channel's would.
    const answer = await kit.post(body, { authorization: `Bearer ${await token()}` });
    expectOwnError(answer.text, 400, 'BOT.INVALID_ACTIVITY', answer.status);
  });

  it('a valid token whose serviceurl claim names another host cannot point the replies elsewhere', async () => {
    const answer = await kit.post(
      { ...kit.base(MENTEE), type: 'message', text: 'help', serviceUrl: 'http://localhost:9/' },
      { authorization: `Bearer ${await token({ serviceurl: 'https://smba.trafficmanager.net/emea/' })}` },
    );
    expectOwnError(answer.text, 400, 'BOT.INVALID_ACTIVITY', answer.status);
    expect(kit.connector.received).toHaveLength(0);
  });
});
