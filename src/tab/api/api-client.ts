import { ApiError, problemFromResponse } from './api-error';

export type TokenProvider = () => Promise<string>;

export interface ApiClientOptions {
  /** '' for same origin (dev server proxy or the deployed tab), or an absolute API origin. */
  baseUrl: string;
  getToken: TokenProvider;
  fetch?: typeof fetch;
}

export interface RequestOptions {
  body?: unknown;
  /** The entity's version (ETag) for optimistic concurrency; a stale one comes back as a conflict. */
  ifMatch?: string;
  signal?: AbortSignal;
  /** Answer the body as text (a CSV export) instead of JSON; errors are still read as JSON. */
  text?: boolean;
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * The one place the tab talks HTTP: attaches the token, turns error bodies into `ApiError`, and
 * retries only reads (once, on a network failure) — a retried write could create a second request or
 * meeting, so writes are never retried.
 */
export class ApiClient {
  private readonly fetchImpl: typeof fetch;

  constructor(private readonly options: ApiClientOptions) {
    this.fetchImpl = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  }

  get<T>(path: string, options: RequestOptions = {}): Promise<T> {
    return this.send<T>('GET', path, options, 1);
  }
  post<T>(path: string, body?: unknown, options: RequestOptions = {}): Promise<T> {
    return this.send<T>('POST', path, { ...options, body }, 0);
  }
  put<T>(path: string, body: unknown, options: RequestOptions = {}): Promise<T> {
    return this.send<T>('PUT', path, { ...options, body }, 0);
  }
  patch<T>(path: string, body: unknown, options: RequestOptions = {}): Promise<T> {
    return this.send<T>('PATCH', path, { ...options, body }, 0);
  }
  delete<T>(path: string, options: RequestOptions = {}): Promise<T> {
    return this.send<T>('DELETE', path, options, 0);
  }

  private async send<T>(method: Method, path: string, options: RequestOptions, retriesLeft: number): Promise<T> {
    let token: string;
    try {
      token = await this.options.getToken();
    } catch {
      throw new ApiError({ kind: 'unauthorized' });
    }
    const headers: Record<string, string> = { Authorization: `Bearer ${token}`, Accept: options.text ? 'text/csv, application/json' : 'application/json' };
    if (options.body !== undefined) headers['Content-Type'] = 'application/json';
    if (options.ifMatch) headers['If-Match'] = options.ifMatch;

    let response: Response;
    try {
      response = await this.fetchImpl(`${this.options.baseUrl}${path}`, {
        method,
        headers,
        ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
        ...(options.signal ? { signal: options.signal } : {}),
      });
    } catch (error) {
      if (options.signal?.aborted) throw error;
      if (retriesLeft > 0) return this.send<T>(method, path, options, retriesLeft - 1);
      throw new ApiError({ kind: 'network' });
    }

    if (options.text && response.ok) return (await response.text()) as T;
    const body = await readJson(response);
    if (!response.ok) throw new ApiError(problemFromResponse(response.status, body === unreadable ? undefined : body));
    if (body === unreadable) throw new ApiError({ kind: 'unexpected', status: response.status });
    return body as T;
  }
}

const unreadable = Symbol('unreadable body');

async function readJson(response: Response): Promise<unknown> {
  if (response.status === 204) return undefined;
  const text = await response.text().catch(() => '');
  if (text.length === 0) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return unreadable;
  }
}
