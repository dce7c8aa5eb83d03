/**
 * The local identity issuer: a stand-in for Entra ID that signs v2-shaped access tokens for the demo
 * people with its own RSA key and publishes the public key as a JWKS. The API validates these tokens
 * with the production validator; only the JWKS address and issuer differ. The key is kept under
 * .data/ so that tokens survive a restart (or in memory, for tests).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { randomUUID } from 'node:crypto';
import { calculateJwkThumbprint, exportJWK, generateKeyPair, importJWK, SignJWT, type CryptoKey, type JWK } from 'jose';
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
}

export interface IssuerOptions {
  /** The host's base URL, e.g. http://127.0.0.1:7071 */
  readonly baseUrl: string;
  readonly clientId: string;
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
        .setIssuer(issuerTemplate.replace('{tenantid}', person.tenantId))
        .setAudience(options.clientId)
        .setIssuedAt(iat)
        .setNotBefore(iat)
        .setExpirationTime(iat + lifetimeSeconds)
        .sign(privateKey);
    },
  };
}
