/**
 * The local identity issuer's HTTP face on the local host:
 *   GET  /local-identity/discovery/v2.0/keys                     the JWKS
 *   GET  /local-identity/{tenantid}/v2.0/.well-known/openid-configuration
 *   GET  /local-identity/people                                  who you can sign in as
 *   POST /local-identity/token {"personId"}                      → {"accessToken", "expiresIn", ...} for the API
 *   POST /local-identity/graph-token {"personId"}                → the same for the local calendar (Graph
 *                                                                audience, the person's delegated scopes)
 *   POST /local-identity/{tenantid}/oauth2/v2.0/token            Entra's token endpoint for MSAL (client
 *                                                                credentials, on-behalf-of)
 */
import { z } from 'zod';
import { DEMO_TENANTS } from './demo-people';
import { GRAPH_AUDIENCE, LOCAL_GRAPH_SCOPES, LOCAL_IDENTITY_PREFIX, type LocalIdentityIssuer } from './identity-issuer';
import { readBody, sendJson, type LocalService } from './local-service';
import type { ErrorCode } from '../core/error-codes';

const TokenRequest = z.object({ personId: z.string().min(1).max(100) });
const TOKEN_LIFETIME_SECONDS = 3600;

export function localIdentityService(issuer: LocalIdentityIssuer): LocalService {
  return {
    name: 'identity',
    prefix: LOCAL_IDENTITY_PREFIX,
    links: [
      { label: 'Local identity: demo people', path: `${LOCAL_IDENTITY_PREFIX}/people` },
      { label: 'Local identity: JWKS', path: `${LOCAL_IDENTITY_PREFIX}/discovery/v2.0/keys` },
    ],
    async handle(request, response, url) {
      const path = url.pathname.slice(LOCAL_IDENTITY_PREFIX.length);
      if (request.method === 'GET' && path === '/discovery/v2.0/keys') {
        return sendJson(response, 200, issuer.jwks, { 'cache-control': 'public, max-age=300' });
      }
      const discovery = /^\/([0-9a-f-]{36})\/v2\.0\/\.well-known\/openid-configuration$/i.exec(path);
      if (request.method === 'GET' && discovery) {
        const issuerUrl = issuer.issuerTemplate.replace('{tenantid}', discovery[1]!.toLowerCase());
        return sendJson(response, 200, {
          issuer: issuerUrl,
          jwks_uri: issuer.jwksUri,
          token_endpoint: `${url.origin}${LOCAL_IDENTITY_PREFIX}/token`,
          id_token_signing_alg_values_supported: ['RS256'],
        });
      }
      const oauth = /^\/([0-9a-f-]{36})\/oauth2\/v2\.0\/token$/i.exec(path);
      if (request.method === 'POST' && oauth) {
        const grant = await issuer.exchangeToken(oauth[1]!.toLowerCase(), new URLSearchParams((await readBody(request, 20_000)) ?? ''));
        if (!grant.ok) return sendJson(response, grant.status, { error: grant.error, error_description: grant.description });
        return sendJson(response, 200, {
          token_type: 'Bearer',
          scope: grant.scope,
          expires_in: grant.expiresIn,
          ext_expires_in: grant.expiresIn,
          access_token: grant.accessToken,
        });
      }
      if (request.method === 'GET' && path === '/people') {
        return sendJson(response, 200, {
          tenants: DEMO_TENANTS,
          people: issuer.people.map((p) => ({
            personId: p.personId,
            tenantId: p.tenantId,
            displayName: p.displayName,
            email: p.email,
            jobTitle: p.jobTitle,
            timeZone: p.timeZone,
            roles: p.roles,
          })),
        });
      }
      if (request.method === 'POST' && (path === '/token' || path === '/graph-token')) {
        let raw: unknown;
        try {
          raw = JSON.parse((await readBody(request, 10_000)) ?? '');
        } catch {
          raw = undefined;
        }
        const parsed = TokenRequest.safeParse(raw);
        if (!parsed.success) {
          return sendJson(response, 400, {
            error: { code: 'LOCAL_IDENTITY.INVALID_REQUEST' satisfies ErrorCode, message: 'Send {"personId": "<id>"}; see GET /local-identity/people.', field: 'personId' },
          });
        }
        const graph = path === '/graph-token';
        const accessToken = graph ? await issuer.issueGraphToken(parsed.data.personId) : await issuer.issueToken(parsed.data.personId, { lifetimeSeconds: TOKEN_LIFETIME_SECONDS });
        if (!accessToken) {
          return sendJson(response, 404, {
            error: { code: 'LOCAL_IDENTITY.UNKNOWN_PERSON' satisfies ErrorCode, message: 'No demo person has this id; see GET /local-identity/people.', field: 'personId' },
          });
        }
        return sendJson(response, 200, { accessToken, tokenType: 'Bearer', expiresIn: TOKEN_LIFETIME_SECONDS, ...(graph ? { audience: GRAPH_AUDIENCE, scope: LOCAL_GRAPH_SCOPES } : {}) });
      }
      sendJson(response, 404, { error: { code: 'LOCAL_IDENTITY.NOT_FOUND' satisfies ErrorCode, message: `No local identity endpoint at ${url.pathname}.` } });
    },
    async health() {
      return issuer.jwks.keys.length > 0 ? { status: 'ok' } : { status: 'unavailable', detail: 'no signing key' };
    },
  };
}
