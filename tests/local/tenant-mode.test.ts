/**
 * `npm start` in tenant mode, run as `npm start` runs it (tsx src/local/start.ts in its own process),
 * with tenant settings pointing at local HTTPS stand-ins that play Entra ID (OpenID metadata, JWKS,
 * token endpoint) and Graph. Trusted through NODE_EXTRA_CA_CERTS like a corporate CA, so the code
 * path is the production one: https, the configured issuer, the configured keys. The stack must
 * accept only tokens of the configured issuer and tenant, refuse the local issuer's, and serve no
 * stand-in.
 */
import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { exportJWK, generateKeyPair, SignJWT, type JWK, type CryptoKey } from 'jose';
import { createLocalIdentityIssuer } from '../../src/local/identity-issuer';
import { DEMO_MENTEE_ID } from '../../src/local/seed-demo-data';
import { testStorageConnectionString, uniqueTableName } from '../support/azurite';

const root = path.resolve(__dirname, '..', '..');
const TENANT = '3f2504e0-4f89-41d3-9a0c-0305e82c3301';
const OTHER_TENANT = '9b2c6a10-1d2e-4f3a-8b4c-5d6e7f8a9b01';
const CLIENT_ID = '6c7d8e9f-0a1b-4c2d-8e3f-4a5b6c7d8e01';
const USER = '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c01';

let dir: string;
let server: Server;
let base: string;
let signingKey: CryptoKey;
let publicJwk: JWK;
const seen: string[] = [];

function selfSignedCertificate(): { key: string; cert: string; certFile: string } {
  const keyFile = path.join(dir, 'key.pem');
  const certFile = path.join(dir, 'cert.pem');
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', keyFile, '-out', certFile, '-days', '1', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1'], { stdio: 'ignore' });
  return { key: readFileSync(keyFile, 'utf8'), cert: readFileSync(certFile, 'utf8'), certFile };
}

const issuerOf = (tenant: string) => `${base}/${tenant}/v2.0`;

async function entraToken(claims: { iss?: string; tid?: string; aud?: string; scp?: string } = {}): Promise<string> {
  const tid = claims.tid ?? TENANT;
  return new SignJWT({ tid, oid: USER, scp: claims.scp ?? 'access_as_user', name: 'Ada Lovelace', preferred_username: 'ada@contoso.example' })
    .setProtectedHeader({ alg: 'RS256', kid: publicJwk.kid! })
    .setIssuer(claims.iss ?? issuerOf(tid))
    .setAudience(claims.aud ?? CLIENT_ID)
    .setIssuedAt()
    .setExpirationTime('1h')
    .sign(signingKey);
}

let certFile: string;
beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'tenant-mode-'));
  const tls = selfSignedCertificate();
  certFile = tls.certFile;
  const pair = await generateKeyPair('RS256', { extractable: true });
  signingKey = pair.privateKey;
  publicJwk = { ...(await exportJWK(pair.publicKey)), kid: 'entra-stand-in-1', alg: 'RS256', use: 'sig' };
  // Entra ID and Graph, as far as start-up and token checks reach them.
  server = createServer({ key: tls.key, cert: tls.cert }, (req, res) => {
    seen.push(`${req.method} ${req.url}`);
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    const url = new URL(req.url ?? '/', base);
    const metadata = /^\/([0-9a-f-]{36})\/v2\.0\/\.well-known\/openid-configuration$/.exec(url.pathname);
    if (metadata) return send(200, { issuer: issuerOf(metadata[1]!), jwks_uri: `${base}/discovery/v2.0/keys`, token_endpoint: `${base}/${metadata[1]}/oauth2/v2.0/token`, id_token_signing_alg_values_supported: ['RS256'] });
    if (url.pathname === '/discovery/v2.0/keys') return send(200, { keys: [publicJwk] });
    if (url.pathname.startsWith('/v1.0/')) return send(401, { error: { code: 'InvalidAuthenticationToken', message: 'Access token is empty.' } });
    return send(404, { error: 'not_found' });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
}, 30_000);

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  rmSync(dir, { recursive: true, force: true });
});

/** The environment of `npm start`: nothing of this test process's mentoring settings leaks in. */
function startEnvironment(overrides: Record<string, string | undefined>): NodeJS.ProcessEnv {
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^(MENTORING_|AUTH_|BOT_|GRAPH_|STORAGE_|TAB_|TEAMS_)/.test(name)));
  const env: NodeJS.ProcessEnv = {
    ...inherited,
    NODE_EXTRA_CA_CERTS: certFile,
    MENTORING_HTTP_PORT: '0',
    MENTORING_DATA_DIR: path.join(dir, 'data'),
    AUTH_CLIENT_ID: CLIENT_ID,
    AUTH_CLIENT_SECRET: 'tenant-secret-from-env-user',
    AUTH_ALLOWED_TENANTS: TENANT,
    AUTH_JWKS_URI: `${base}/discovery/v2.0/keys`,
    AUTH_ISSUER_TEMPLATE: `${base}/{tenantid}/v2.0`,
    AUTH_AUTHORITY_HOST: base,
    GRAPH_BASE_URL: `${base}/v1.0`,
    STORAGE_CONNECTION_STRING: testStorageConnectionString(),
    STORAGE_TABLE_NAME: uniqueTableName('tenant'),
    BOT_ID: '0d1e2f3a-4b5c-4d6e-8f7a-8b9c0d1e2f01',
    BOT_PASSWORD: 'bot-secret-from-env-user',
    TAB_ENDPOINT: 'https://mentoring-53000.euw.devtunnels.ms',
    ...overrides,
  };
  for (const [name, value] of Object.entries(overrides)) if (value === undefined) delete env[name];
  return env;
}

const tsxCli = path.join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs');
const startScript = path.join(root, 'src', 'local', 'start.ts');

describe('with its settings', () => {
  let child: ChildProcess;
  let baseUrl: string;
  let output = '';

  beforeAll(async () => {
    // .localConfigs (as `atk deploy --env local` writes it) says tenant mode and BOT_TYPE; the
    // environment overrides what it also sets.
    const cwd = path.join(dir, 'project');
    mkdirSync(cwd, { recursive: true });
    writeFileSync(path.join(cwd, '.localConfigs'), `MENTORING_MODE=tenant\nBOT_TYPE=SingleTenant\nBOT_TENANT_ID=${TENANT}\nAUTH_ALLOWED_TENANTS=${OTHER_TENANT}\n`);
    child = spawn(process.execPath, [tsxCli, startScript], { cwd, env: startEnvironment({}), stdio: ['ignore', 'pipe', 'pipe'] });
    baseUrl = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`npm start did not come up:\n${output}`)), 90_000);
      const onData = (chunk: Buffer) => {
        output += chunk.toString('utf8');
        const match = /tenant mode — listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
        if (match) {
          clearTimeout(timer);
          resolve(match[1]!);
        }
      };
      child.stdout!.on('data', onData);
      child.stderr!.on('data', onData);
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`npm start exited with ${code}:\n${output}`));
      });
    });
  }, 120_000);

  afterAll(async () => {
    if (child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
  }, 30_000);

  const get = async (p: string, token?: string) => {
    const response = await fetch(`${baseUrl}${p}`, token ? { headers: { authorization: `Bearer ${token}` } } : {});
    const text = await response.text();
    return { status: response.status, body: text ? (JSON.parse(text) as any) : undefined };
  };

  test('starts against the configured Entra ID: its keys are fetched over https and health is ok', async () => {
    const health = await get('/api/health');
    expect(health.body.components.identity).toEqual({ status: 'ok', ms: expect.any(Number) });
    expect(seen).toContain('GET /discovery/v2.0/keys');
    expect(output).toContain(`Entra ID, app ${CLIENT_ID}, tenant ${TENANT}`);
    expect(output).toContain(`${base}/v1.0`);
  });

  test('accepts a token of the configured issuer for the configured app and tenant', async () => {
    const mine = await get('/api/relationships', await entraToken());
    expect(mine.status).toBe(200);
    expect(mine.body.relationships).toEqual([]);
  });

  test("refuses the local issuer's tokens", async () => {
    const localIssuer = await createLocalIdentityIssuer({ baseUrl: 'http://127.0.0.1:7071', clientId: CLIENT_ID });
    const localToken = (await localIssuer.issueToken(DEMO_MENTEE_ID))!;
    const refused = await get('/api/relationships', localToken);
    expect(refused.status).toBe(401);
    expect(refused.body.error.code).toMatch(/^AUTH\./);
  });

  test('refuses a token signed by the same keys but from another issuer, for another app, or from another tenant', async () => {
    const wrongIssuer = await get('/api/relationships', await entraToken({ iss: `http://127.0.0.1:7071/local-identity/${TENANT}/v2.0` }));
    expect([wrongIssuer.status, wrongIssuer.body.error.code]).toEqual([401, 'AUTH.WRONG_ISSUER']);
    const wrongAudience = await get('/api/relationships', await entraToken({ aud: '00000003-0000-0000-c000-000000000000' }));
    expect([wrongAudience.status, wrongAudience.body.error.code]).toEqual([401, 'AUTH.WRONG_AUDIENCE']);
    // The environment's AUTH_ALLOWED_TENANTS won over .localConfigs' (which named OTHER_TENANT).
    const otherTenant = await get('/api/relationships', await entraToken({ tid: OTHER_TENANT }));
    expect([otherTenant.status, otherTenant.body.error.code]).toEqual([403, 'AUTH.TENANT_NOT_ALLOWED']);
  });

  test('serves no stand-in: no local identity issuer, no local calendar, no demo bot action', async () => {
    for (const p of ['/local-identity/people', '/local-identity/discovery/v2.0/keys', '/local-graph/v1.0/me', '/local-bot/end-meeting']) {
      expect([p, (await fetch(`${baseUrl}${p}`)).status]).toEqual([p, 404]);
    }
  });
});

test('a missing setting stops start-up and names it, before anything starts', () => {
  const result = spawnSync(process.execPath, [tsxCli, startScript], {
    cwd: dir,
    env: startEnvironment({ MENTORING_MODE: 'tenant', AUTH_CLIENT_SECRET: undefined, BOT_PASSWORD: '' }),
    encoding: 'utf8',
    timeout: 60_000,
  });
  expect(result.status).toBe(1);
  expect(result.stderr).toContain('npm start (tenant mode) cannot start');
  expect(result.stderr).toContain('- AUTH_CLIENT_SECRET:');
  expect(result.stderr).toContain('- BOT_PASSWORD:');
  expect(result.stderr).not.toContain('- AUTH_CLIENT_ID:');
}, 60_000);
