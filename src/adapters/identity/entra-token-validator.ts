/**
 * Validates Entra ID v2 access tokens (the Teams SSO token) and turns them into a Principal.
 * The local identity issuer is validated by this same code: only the JWKS address, the issuer
 * template and the client id differ between a laptop and Azure.
 *
 * Checks: RS256 signature against the JWKS (by `kid`), the issuer the token's own `tid` must have
 * (so a token minted for tenant B cannot pass as tenant A), the audience (client id or
 * `api://…/<client id>`), the `access_as_user` scope, expiry and not-before with a small clock skew,
 * and optionally an allow-list of tenants. The principal comes from `tid`/`oid` only.
 */
import { createRemoteJWKSet, decodeJwt, errors, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import { fail, ok, type Result } from '../../core/result';
import type { ErrorCode } from '../../core/error-codes';
import type { Principal } from '../../core/usecases/principal';

export const REQUIRED_SCOPE = 'access_as_user';

export interface TokenValidatorSettings {
  /** The Entra app (client) id: the token's audience. */
  readonly clientId: string;
  /** Where the signing keys are published (Entra's common JWKS, or the local issuer's). */
  readonly jwks: URL | JWTVerifyGetKey;
  /** The issuer with `{tenantid}` standing for the token's `tid`. */
  readonly issuerTemplate: string;
  /** Empty = any tenant. */
  readonly allowedTenants?: readonly string[];
  readonly clockToleranceSeconds?: number;
  /** Injected for tests; epoch ms. */
  readonly now?: () => number;
}

export interface TokenValidator {
  validate(authorizationHeader: string | null | undefined): Promise<Result<Principal>>;
  /** Whether the signing keys can be fetched (for /api/health, which decides how long to wait). */
  checkKeys(signal?: AbortSignal): Promise<Result<void>>;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const denied = (code: ErrorCode, message: string) => fail(code, message);

export const AUTH_MESSAGES = {
  missing: 'Sign in to continue: the request has no bearer token.',
  invalid: 'Your sign-in could not be verified. Sign in again.',
  expired: 'Your sign-in has expired. Sign in again.',
  notYetValid: 'Your sign-in is not valid yet; check that this device’s clock is correct and try again.',
  audience: 'This sign-in was issued for a different application. Sign in to the Mentoring app again.',
  issuer: 'This sign-in was not issued for your organisation. Sign in again.',
  scope: 'This sign-in does not grant access to the Mentoring API (scope access_as_user). Sign in again and consent.',
  tenant: 'Your organisation has not enabled the Mentoring app. Ask your administrator to install it.',
} as const;

function audienceMatches(aud: JWTPayload['aud'], clientId: string): boolean {
  const audiences = Array.isArray(aud) ? aud : aud === undefined ? [] : [aud];
  return audiences.some((a) => a === clientId || (a.startsWith('api://') && a.endsWith(`/${clientId}`)));
}

export function createTokenValidator(settings: TokenValidatorSettings): TokenValidator {
  const keys: JWTVerifyGetKey =
    settings.jwks instanceof URL ? createRemoteJWKSet(settings.jwks, { cooldownDuration: 30_000, cacheMaxAge: 6 * 3600_000 }) : settings.jwks;
  const tolerance = settings.clockToleranceSeconds ?? 120;
  const allowed = new Set((settings.allowedTenants ?? []).map((t) => t.toLowerCase()));
  const now = settings.now ?? (() => Date.now());

  async function validate(header: string | null | undefined): Promise<Result<Principal>> {
    const match = header ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
    if (!match) return denied('AUTH.MISSING_TOKEN', AUTH_MESSAGES.missing);
    const token = match[1]!;

    let unverified: JWTPayload;
    try {
      unverified = decodeJwt(token);
    } catch {
      return denied('AUTH.INVALID_TOKEN', AUTH_MESSAGES.invalid);
    }
    const tid = typeof unverified.tid === 'string' ? unverified.tid : '';
    if (!GUID.test(tid)) return denied('AUTH.INVALID_TOKEN', AUTH_MESSAGES.invalid);
    const expectedIssuer = settings.issuerTemplate.replace('{tenantid}', tid.toLowerCase());

    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, keys, {
        algorithms: ['RS256'],
        issuer: expectedIssuer,
        clockTolerance: tolerance,
        currentDate: new Date(now()),
        requiredClaims: ['exp', 'iat', 'tid', 'oid', 'aud', 'iss'],
      }));
    } catch (error) {
      return mapJoseError(error);
    }
    if (!audienceMatches(payload.aud, settings.clientId)) return denied('AUTH.WRONG_AUDIENCE', AUTH_MESSAGES.audience);
    const scopes = typeof payload.scp === 'string' ? payload.scp.split(' ') : [];
    if (!scopes.includes(REQUIRED_SCOPE)) return denied('AUTH.MISSING_SCOPE', AUTH_MESSAGES.scope);
    const oid = payload.oid;
    if (typeof oid !== 'string' || !GUID.test(oid)) return denied('AUTH.INVALID_TOKEN', AUTH_MESSAGES.invalid);
    if (allowed.size > 0 && !allowed.has(tid.toLowerCase())) return denied('AUTH.TENANT_NOT_ALLOWED', AUTH_MESSAGES.tenant);

    const roles = Array.isArray(payload.roles) ? payload.roles.filter((r): r is string => typeof r === 'string') : [];
    const name = typeof payload.name === 'string' ? payload.name : typeof payload.preferred_username === 'string' ? payload.preferred_username : '';
    return ok({ tenantId: tid.toLowerCase(), userId: oid.toLowerCase(), displayName: name, roles });
  }

  async function checkKeys(signal: AbortSignal = AbortSignal.timeout(30_000)): Promise<Result<void>> {
    if (!(settings.jwks instanceof URL)) return ok(undefined);
    try {
      const response = await fetch(settings.jwks, { signal });
      if (!response.ok) return fail('IDENTITY.KEYS_UNAVAILABLE', `The signing keys answered HTTP ${response.status}.`);
      const body = (await response.json()) as { keys?: unknown };
      if (!Array.isArray(body.keys) || body.keys.length === 0) return fail('IDENTITY.KEYS_UNAVAILABLE', 'The signing key set is empty.');
      return ok(undefined);
    } catch {
      return fail('IDENTITY.KEYS_UNAVAILABLE', 'The signing keys could not be fetched.');
    }
  }

  return { validate, checkKeys };
}

function mapJoseError(error: unknown): Result<never> {
  if (error instanceof errors.JWTExpired) return denied('AUTH.TOKEN_EXPIRED', AUTH_MESSAGES.expired);
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.claim === 'nbf' || error.claim === 'iat') return denied('AUTH.TOKEN_NOT_YET_VALID', AUTH_MESSAGES.notYetValid);
    if (error.claim === 'iss') return denied('AUTH.WRONG_ISSUER', AUTH_MESSAGES.issuer);
    return denied('AUTH.INVALID_TOKEN', AUTH_MESSAGES.invalid);
  }
  if (error instanceof errors.JWKSTimeout) return keysUnavailable();
  if (error instanceof errors.JOSEError) return denied('AUTH.INVALID_TOKEN', AUTH_MESSAGES.invalid);
  // Anything else is the key set being unreachable: still a refusal (never let a request through),
  // but the caller cannot fix it by signing in again, so say so.
  if (error instanceof TypeError && /fetch/i.test(error.message)) return keysUnavailable();
  throw error;
}

function keysUnavailable(): Result<never> {
  return denied('AUTH.KEYS_UNAVAILABLE', 'Sign-in cannot be verified right now; try again in a minute.');
}
