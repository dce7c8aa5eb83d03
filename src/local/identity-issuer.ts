/**
 * The local identity issuer: a stand-in for Entra ID that signs v2-shaped access tokens for the demo
 * people with its own RSA key and publishes the public key as a JWKS. The API validates these tokens
 * with the production validator; only the JWKS address and issuer differ. The key is kept under
 * .data/ so that tokens survive a restart (or in memory, for tests).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { randomUUID } from 'node:crypto';
import { calculateJwkThumbprint, createLocalJWKSet, exportJWK, generateKeyPair, importJWK, jwtVerify, SignJWT, type CryptoKey, type JWK } from 'jose';
import { REQUIRED_SCOPE } from '../adapters/identity/entra-token-validator';
import { DEMO_PEOPLE, type DemoPerson } from './demo-people';

export const LOCAL_IDENTITY_PREFIX = '/local-identity';

export interface LocalIdentityIssuer {
  /** e.g. http://127.0.0.1:7071/local-identity/{tenantid}/v2.0 */
  readonly issuerTemplate: string;
  readonly jwksUri: string;
  readonly jwks: { keys: JWK[] };
  readonly people: readonly DemoPerson[];
  issueToken(personId: string, options?: { now?: number; lifetimeSeconds?: number }): Promise<string | undefined>;
  /**
   * Entra's token endpoint (`POST {host}/{tenant}/oauth2/v2.0/token`, form-encoded) for the two grants
   * the app's MSAL client uses: client credentials (app-only Graph) and on-behalf-of (the tab's SSO
   * token exchanged for a delegated Graph token).
   */
  exchangeToken(tenantId: string, form: URLSearchParams, now?: number): Promise<TokenGrant>;
  /** A delegated Graph token for a demo person (audience https://graph.microsoft.com), for trying the local calendar by hand. */
  issueGraphToken(personId: string, now?: number): Promise<string | undefined>;
}

export type TokenGrant =
  | { readonly ok: true; readonly accessToken: string; readonly expiresIn: number; readonly scope: string }
  | { readonly ok: false; readonly status: 400 | 401; readonly error: string; readonly description: string };

/** The audience of Microsoft Graph access tokens. */
export const GRAPH_AUDIENCE = 'https://graph.microsoft.com';
/** What an admin would grant the app for background work (see README: least privilege). */
const APP_ROLES = ['Calendars.ReadWrite', 'MailboxSettings.Read'];
const JWT_BEARER = 'urn:ietf:params:oauth:grant-type:jwt-bearer';
const GRAPH_TOKEN_SECONDS = 3600;
/** The delegated scopes a demo person's Graph token carries (what the app asks for, and updating their own settings). */
export const LOCAL_GRAPH_SCOPES = 'Calendars.ReadWrite MailboxSettings.ReadWrite Tasks.ReadWrite User.Read';

export interface IssuerOptions {
  /** The host's base URL, e.g. http://127.0.0.1:7071 */
  readonly baseUrl: string;
  readonly clientId: string;
  /** The app's client secret for the token endpoint; without it every grant is refused (invalid_client). */
  readonly clientSecret?: string;
  /** Where to keep the signing key; omit for an in-memory key. */
  readonly keyFile?: string;
  readonly people?: readonly DemoPerson[];
}

interface StoredKey {
  readonly privateJwk: JWK;
}

async function loadOrCreateKey(keyFile: string | undefined): Promise<{ privateKey: CryptoKey; publicJwk: JWK }> {
  if (keyFile && existsSync(keyFile)) {
    const stored = JSON.parse(readFileSync(keyFile, 'utf8')) as StoredKey;
    const privateKey = (await importJWK(stored.privateJwk, 'RS256')) as CryptoKey;
    const { d: _d, p: _p, q: _q, dp: _dp, dq: _dq, qi: _qi, ...publicJwk } = stored.privateJwk;
    return { privateKey, publicJwk };
  }
  const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true, modulusLength: 2048 });
  const publicJwk = await exportJWK(publicKey);
  if (keyFile) {
    mkdirSync(dirname(keyFile), { recursive: true });
    const privateJwk = await exportJWK(privateKey);
    writeFileSync(keyFile, JSON.stringify({ privateJwk } satisfies StoredKey), { mode: 0o600 });
  }
  return { privateKey, publicJwk };
}

export async function createLocalIdentityIssuer(options: IssuerOptions): Promise<LocalIdentityIssuer> {
  const { privateKey, publicJwk } = await loadOrCreateKey(options.keyFile);
  const kid = await calculateJwkThumbprint(publicJwk);
  const jwk: JWK = { ...publicJwk, kid, alg: 'RS256', use: 'sig' };
  const people = options.people ?? DEMO_PEOPLE;
  const issuerTemplate = `${options.baseUrl}${LOCAL_IDENTITY_PREFIX}/{tenantid}/v2.0`;

  const keySet = createLocalJWKSet({ keys: [jwk] });
  const issuerFor = (tenantId: string) => issuerTemplate.replace('{tenantid}', tenantId);
  const refuse = (status: 400 | 401, error: string, description: string): TokenGrant => ({ ok: false, status, error, description });

  async function signGraphToken(tenantId: string, claims: Record<string, unknown>, now: number): Promise<string> {
    const iat = Math.floor(now / 1000);
    return new SignJWT({ tid: tenantId, appid: options.clientId, azp: options.clientId, ver: '1.0', uti: randomUUID(), ...claims })
      .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid })
      .setIssuer(issuerFor(tenantId))
      .setAudience(GRAPH_AUDIENCE)
      .setIssuedAt(iat)
      .setNotBefore(iat)
      .setExpirationTime(iat + GRAPH_TOKEN_SECONDS)
      .sign(privateKey);
  }

  return {
    issuerTemplate,
    jwksUri: `${options.baseUrl}${LOCAL_IDENTITY_PREFIX}/discovery/v2.0/keys`,
    jwks: { keys: [jwk] },
    people,
    async issueToken(personId, { now = Date.now(), lifetimeSeconds = 3600 } = {}) {
      const person = people.find((p) => p.personId === personId);
      if (!person) return undefined;
      const iat = Math.floor(now / 1000);
      // The claims an Entra v2 access token for a Teams SSO tab carries, and nothing we rely on beyond them.
      return new SignJWT({
        tid: person.tenantId,
        oid: person.personId,
        sub: person.personId,
        name: person.displayName,
        preferred_username: person.email,
        scp: REQUIRED_SCOPE,
        roles: [...person.roles],
        ver: '2.0',
        azp: options.clientId,
        uti: randomUUID(),
      })
        .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid })
        .setIssuer(issuerFor(person.tenantId))
        .setAudience(options.clientId)
        .setIssuedAt(iat)
        .setNotBefore(iat)
        .setExpirationTime(iat + lifetimeSeconds)
        .sign(privateKey);
    },
    async issueGraphToken(personId, now = Date.now()) {
      const person = people.find((p) => p.personId === personId);
      if (!person) return undefined;
      // What on-behalf-of gives the app for this person, so a demo can read their mailbox as they would.
      return signGraphToken(person.tenantId, { idtyp: 'user', oid: person.personId, sub: person.personId, name: person.displayName, upn: person.email, scp: LOCAL_GRAPH_SCOPES }, now);
    },
    async exchangeToken(tenantId, form, now = Date.now()) {
      if (!people.some((p) => p.tenantId === tenantId)) return refuse(400, 'invalid_tenant', `Tenant '${tenantId}' not found.`);
      if (!options.clientSecret || form.get('client_id') !== options.clientId || form.get('client_secret') !== options.clientSecret) {
        return refuse(401, 'invalid_client', 'The client id or secret is not the app registration\'s.');
      }
      const scopes = (form.get('scope') ?? '').split(' ').filter((x) => x.length > 0);
      const grant = form.get('grant_type');
      if (grant === 'client_credentials') {
        if (scopes.length !== 1 || scopes[0] !== `${GRAPH_AUDIENCE}/.default`) {
          return refuse(400, 'invalid_scope', `Client credentials take the single scope ${GRAPH_AUDIENCE}/.default.`);
        }
        const accessToken = await signGraphToken(tenantId, { idtyp: 'app', roles: APP_ROLES, oid: options.clientId, sub: options.clientId }, now);
        return { ok: true, accessToken, expiresIn: GRAPH_TOKEN_SECONDS, scope: scopes[0] };
      }
      if (grant === JWT_BEARER && form.get('requested_token_use') === 'on_behalf_of') {
        let user: Record<string, unknown>;
        try {
          const verified = await jwtVerify(form.get('assertion') ?? '', keySet, {
            issuer: issuerFor(tenantId),
            audience: options.clientId,
            algorithms: ['RS256'],
            currentDate: new Date(now),
          });
          user = verified.payload as Record<string, unknown>;
        } catch {
          return refuse(400, 'invalid_grant', 'The assertion is not a valid access token for this app in this tenant.');
        }
        const delegated = scopes.filter((x) => x.startsWith(`${GRAPH_AUDIENCE}/`)).map((x) => x.slice(GRAPH_AUDIENCE.length + 1));
        if (delegated.length === 0) return refuse(400, 'invalid_scope', 'Ask for at least one Microsoft Graph scope.');
        const accessToken = await signGraphToken(
          tenantId,
          { idtyp: 'user', oid: user.oid, sub: user.sub, name: user.name, upn: user.preferred_username, scp: delegated.join(' ') },
          now,
        );
        return { ok: true, accessToken, expiresIn: GRAPH_TOKEN_SECONDS, scope: delegated.map((x) => `${GRAPH_AUDIENCE}/${x}`).join(' ') };
      }
      return refuse(400, 'unsupported_grant_type', 'The local issuer serves client_credentials and on-behalf-of (jwt-bearer) grants.');
    },
  };
}
