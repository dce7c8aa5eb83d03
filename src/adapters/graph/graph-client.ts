/**
 * The official Graph client pointed at a configurable base URL (GRAPH_BASE_URL): Microsoft Graph in
 * Azure, the local calendar on a laptop. The middleware chain is the same in both.
 */
import {
  Client,
  HTTPMessageHandler,
  RetryHandler,
  RetryHandlerOptions,
  type Context,
  type Middleware,
} from '@microsoft/microsoft-graph-client';
import { TokenAcquisitionError } from './graph-errors';

/** Returns a bearer token for Graph; throws TokenAcquisitionError when none can be had. */
export type AccessTokenSource = () => Promise<string>;

export interface GraphClientOptions {
  /** e.g. https://graph.microsoft.com/v1.0 or http://127.0.0.1:7071/local-graph/v1.0 */
  readonly baseUrl: string;
  readonly accessToken: AccessTokenSource;
  /** Outer retries of 429/503/504 by the client's RetryHandler (which honours Retry-After). */
  readonly maxRetries?: number;
}

/**
 * The SDK's AuthenticationHandler only attaches tokens to https Graph hosts; this one attaches the
 * token to every request for the configured origin (and to nothing else), so an http local calendar
 * and https Graph go through the same code.
 */
class BearerTokenHandler implements Middleware {
  private next: Middleware | undefined;
  constructor(
    private readonly origin: string,
    private readonly accessToken: AccessTokenSource,
  ) {}

  async execute(context: Context): Promise<void> {
    const url = typeof context.request === 'string' ? context.request : context.request.url;
    if (new URL(url).origin === this.origin) {
      let token: string;
      try {
        token = await this.accessToken();
      } catch (cause) {
        throw cause instanceof TokenAcquisitionError ? cause : new TokenAcquisitionError('token source failed', { cause });
      }
      context.options ??= {};
      const options = context.options;
      const headers = new Headers(options.headers as HeadersInit | undefined);
      headers.set('Authorization', `Bearer ${token}`);
      options.headers = Object.fromEntries(headers.entries());
    }
    if (!this.next) throw new Error('BearerTokenHandler must not be the last middleware');
    await this.next.execute(context);
  }

  setNext(next: Middleware): void {
    this.next = next;
  }
}

/**
 * Graph's links are absolute (https://graph.microsoft.com/v1.0/…); the client is bound to
 * GRAPH_BASE_URL, so a link (`@odata.nextLink`, a delta link) is followed by its path after the
 * version segment.
 */
export function pathOf(link: string): string {
  return /\/v1\.0(\/.*)$/.exec(link)?.[1] ?? link;
}

/** Splits ".../v1.0" into the client's baseUrl and defaultVersion. */
export function splitGraphBaseUrl(baseUrl: string): { root: string; version: string; origin: string } {
  const url = new URL(baseUrl);
  const path = url.pathname.replace(/\/+$/, '');
  const slash = path.lastIndexOf('/');
  const version = path.slice(slash + 1);
  if (!/^(v1\.0|beta)$/.test(version)) {
    throw new Error(`GRAPH_BASE_URL must end with the API version (v1.0), got ${baseUrl}`);
  }
  return { root: `${url.origin}${path.slice(0, slash)}/`, version, origin: url.origin };
}

export function createGraphClient(options: GraphClientOptions): Client {
  const { root, version, origin } = splitGraphBaseUrl(options.baseUrl);
  const auth = new BearerTokenHandler(origin, options.accessToken);
  const retry = new RetryHandler(new RetryHandlerOptions(3, options.maxRetries ?? 3));
  const http = new HTTPMessageHandler();
  auth.setNext(retry);
  retry.setNext(http);
  return Client.initWithMiddleware({ middleware: auth, baseUrl: root, defaultVersion: version });
}
