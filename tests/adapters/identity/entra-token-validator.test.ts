import { createLocalJWKSet, exportJWK, exportSPKI, generateKeyPair, SignJWT, type CryptoKey, type JWK, type JWTPayload } from 'jose';
import { createTokenValidator, type TokenValidator } from '../../../src/adapters/identity/entra-token-validator';

const CLIENT_ID = '5b3c8a52-9d1e-4f7a-8c61-2f0e9d4b7a10';
const TENANT_A = '11111111-1111-4111-8111-111111111111';
const TENANT_B = '22222222-2222-4222-8222-222222222222';
const OID = 'a0000001-0000-4000-8000-000000000001';
const ISSUER_TEMPLATE = 'https://login.microsoftonline.com/{tenantid}/v2.0';
const NOW = Date.UTC(2026, 10, 23, 9, 0, 0);
const nowSeconds = Math.floor(NOW / 1000);

let privateKey: CryptoKey;
let publicKey: CryptoKey;
let jwks: { keys: JWK[] };
let validator: TokenValidator;

beforeAll(async () => {
  ({ privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true }));
  jwks = { keys: [{ ...(await exportJWK(publicKey)), kid: 'key-1', alg: 'RS256', use: 'sig' }] };
  validator = createTokenValidator({
    clientId: CLIENT_ID,
    jwks: createLocalJWKSet(jwks),
    issuerTemplate: ISSUER_TEMPLATE,
    now: () => NOW,
  });
});

function claims(overrides: JWTPayload = {}): JWTPayload {
  return {
    tid: TENANT_A,
    oid: OID,
    name: 'Margaret Hale',
    scp: 'User.Read access_as_user',
    iss: ISSUER_TEMPLATE.replace('{tenantid}', TENANT_A),
    aud: CLIENT_ID,
    iat: nowSeconds - 60,
    nbf: nowSeconds - 60,
    exp: nowSeconds + 3600,
    ver: '2.0',
    ...overrides,
  };
}

function sign(payload: JWTPayload, kid = 'key-1', key: CryptoKey = privateKey): Promise<string> {
  return new SignJWT(payload).setProtectedHeader({ alg: 'RS256', kid, typ: 'JWT' }).sign(key);
}

const bearer = (token: string) => `Bearer ${token}`;
const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('Entra v2 access token validation', () => {
  it('accepts a valid token and takes the principal from tid and oid', async () => {
    const result = await validator.validate(bearer(await sign(claims({ roles: ['Programme.Owner'] }))));
    expect(result).toEqual({
      ok: true,
      value: { tenantId: TENANT_A, userId: OID, displayName: 'Margaret Hale', roles: ['Programme.Owner'] },
    });
  });

  it('accepts the Outlook add-in\'s nested-app-authentication token on the same path as the tab\'s Teams SSO token', async () => {
    // NAA (MSAL createNestablePublicClientApplication in the pane and the guard) asks Outlook's broker for
    // api://<tab domain>/<client id>/access_as_user as the app itself: azp is our own client id, not a
    // Microsoft client's, and the token is otherwise an ordinary v2 delegated token for our API.
    const naa = claims({ azp: CLIENT_ID, azpacr: '0', scp: 'access_as_user', aud: CLIENT_ID });
    const result = await validator.validate(bearer(await sign(naa)));
    expect(result).toEqual({ ok: true, value: { tenantId: TENANT_A, userId: OID, displayName: 'Margaret Hale', roles: [] } });
    const teamsSso = claims({ azp: '5e3ce6c0-2b1f-4285-8d4b-75ee78787346', scp: 'access_as_user' });
    expect(await validator.validate(bearer(await sign(teamsSso)))).toEqual(result);
  });

  it('accepts the api://…/<client id> form of the audience', async () => {
    const result = await validator.validate(bearer(await sign(claims({ aud: `api://mentoring.contoso.com/${CLIENT_ID}` }))));
    expect(result.ok).toBe(true);
  });

  it('accepts a token a little outside its validity window (clock skew)', async () => {
    const result = await validator.validate(bearer(await sign(claims({ exp: nowSeconds - 30 }))));
    expect(result.ok).toBe(true);
  });

  const refusals: [string, () => Promise<string | undefined>, string][] = [
    ['no Authorization header', async () => undefined, 'AUTH.MISSING_TOKEN'],
    ['a Basic Authorization header', async () => 'Basic dXNlcjpwYXNz', 'AUTH.MISSING_TOKEN'],
    ['a token that is not a JWT', async () => bearer('not.a.token'), 'AUTH.INVALID_TOKEN'],
    ['the wrong audience', async () => bearer(await sign(claims({ aud: '00000003-0000-0000-c000-000000000000' }))), 'AUTH.WRONG_AUDIENCE'],
    ['an audience that only ends with the client id', async () => bearer(await sign(claims({ aud: `evil${CLIENT_ID}` }))), 'AUTH.WRONG_AUDIENCE'],
    ['the wrong issuer', async () => bearer(await sign(claims({ iss: 'https://sts.windows.net/11111111-1111-4111-8111-111111111111/' }))), 'AUTH.WRONG_ISSUER'],
    ['another tenant’s issuer for this tid', async () => bearer(await sign(claims({ iss: ISSUER_TEMPLATE.replace('{tenantid}', TENANT_B) }))), 'AUTH.WRONG_ISSUER'],
    ['an expired token', async () => bearer(await sign(claims({ exp: nowSeconds - 600 }))), 'AUTH.TOKEN_EXPIRED'],
    ['a token not yet valid', async () => bearer(await sign(claims({ nbf: nowSeconds + 600, iat: nowSeconds + 600 }))), 'AUTH.TOKEN_NOT_YET_VALID'],
    ['alg none', async () => bearer(`${b64({ alg: 'none', typ: 'JWT' })}.${b64(claims())}.`), 'AUTH.INVALID_TOKEN'],
    [
      'HS256 signed with the public key',
      async () => {
        const pem = new TextEncoder().encode(await exportSPKI(publicKey));
        return bearer(await new SignJWT(claims()).setProtectedHeader({ alg: 'HS256', kid: 'key-1' }).sign(pem));
      },
      'AUTH.INVALID_TOKEN',
    ],
    [
      'HS256 signed with the JWK modulus',
      async () => {
        const n = new TextEncoder().encode(JSON.stringify(jwks.keys[0]));
        return bearer(await new SignJWT(claims()).setProtectedHeader({ alg: 'HS256', kid: 'key-1' }).sign(n));
      },
      'AUTH.INVALID_TOKEN',
    ],
    ['an unknown key id', async () => bearer(await sign(claims(), 'key-unknown')), 'AUTH.INVALID_TOKEN'],
    [
      'a signature by another key with the known key id',
      async () => bearer(await sign(claims(), 'key-1', (await generateKeyPair('RS256')).privateKey)),
      'AUTH.INVALID_TOKEN',
    ],
    ['a missing scope', async () => bearer(await sign(claims({ scp: 'User.Read' }))), 'AUTH.MISSING_SCOPE'],
    ['a scope that only contains the name', async () => bearer(await sign(claims({ scp: 'access_as_user_admin' }))), 'AUTH.MISSING_SCOPE'],
    ['an app-only token (roles, no scp)', async () => bearer(await sign(claims({ scp: undefined, roles: ['access_as_user'] }))), 'AUTH.MISSING_SCOPE'],
    ['no tid', async () => bearer(await sign(claims({ tid: undefined }))), 'AUTH.INVALID_TOKEN'],
    ['no oid', async () => bearer(await sign(claims({ oid: undefined }))), 'AUTH.INVALID_TOKEN'],
    ['a tampered payload', async () => {
      const [h, , s] = (await sign(claims())).split('.');
      return bearer(`${h}.${b64(claims({ oid: 'a0000002-0000-4000-8000-000000000002' }))}.${s}`);
    }, 'AUTH.INVALID_TOKEN'],
  ];

  it.each(refusals)('refuses %s', async (_name, makeHeader, code) => {
    const result = await validator.validate(await makeHeader());
    expect(result).toMatchObject({ ok: false, error: { code } });
    if (!result.ok) expect(result.error.message).not.toMatch(/jws|jwt|jose|signature|kid/i);
  });

  it('refuses a tenant outside the allow-list when one is configured', async () => {
    const restricted = createTokenValidator({
      clientId: CLIENT_ID,
      jwks: createLocalJWKSet(jwks),
      issuerTemplate: ISSUER_TEMPLATE,
      allowedTenants: [TENANT_B],
      now: () => NOW,
    });
    const result = await restricted.validate(bearer(await sign(claims())));
    expect(result).toMatchObject({ ok: false, error: { code: 'AUTH.TENANT_NOT_ALLOWED' } });
  });
});
