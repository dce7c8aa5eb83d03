/**
 * The host-neutral shape of an API call and its answer. The Azure Functions registration and the
 * local host both translate to and from these, so every function behaves the same in both.
 */
import type { Principal } from '../core/usecases/principal';
import type { ErrorCode } from '../core/error-codes';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface ApiRequest {
  readonly method: string;
  /** Route parameters, already URL-decoded. */
  readonly params: Readonly<Record<string, string>>;
  readonly query: URLSearchParams;
  header(name: string): string | undefined;
  /** The raw body; undefined when there is none. */
  readonly bodyText: string | undefined;
  /** Set by the host when the body's bytes are not UTF-8 (the pipeline refuses it; see decodeBody). */
  readonly bodyNotUtf8?: true;
}

export interface ApiResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  /** Serialised as JSON; undefined for 204. */
  readonly body?: unknown;
  /** A plain-text body sent as is (text/plain), for protocols that require it (Graph's validation handshake). */
  readonly text?: string;
}

/** What a function's handler receives: the request, parsed where the pipeline can, and the caller. */
export interface ApiCall {
  readonly request: ApiRequest;
  /** Present for every function with `auth: 'user'`; taken from the validated token only. */
  readonly principal: Principal;
  /** Parsed JSON body (undefined when there was none). */
  readonly body: unknown;
  readonly correlationId: string;
  /** Epoch ms from the host's clock. */
  readonly now: number;
}

/** A handler's answer before the pipeline adds the correlation id and serialises it. */
export interface HandlerResponse {
  readonly status: number;
  readonly body?: unknown;
  /** Plain text instead of JSON (answered as text/plain; charset=utf-8). */
  readonly text?: string;
  readonly headers?: Readonly<Record<string, string>>;
}

export interface ErrorBody {
  readonly error: {
    readonly code: ErrorCode;
    readonly message: string;
    readonly field?: string;
    readonly details?: Readonly<Record<string, unknown>>;
    readonly correlationId: string;
  };
}
