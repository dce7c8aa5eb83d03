/**
 * POST /api/messages for any host (the Azure Functions app, `npm start`, tests and benches), in the
 * order that keeps it standing:
 *
 *   1. POST only; a Content-Length over the cap is refused before reading anything;
 *   2. the channel's JWT is checked (with BOT_ID) before a byte of the body is read;
 *   3. the body is read as a stream and abandoned the moment it passes the cap (chunked bodies too);
 *   4. JSON, then the activity's shape, then (in local mode) its serviceUrl;
 *   5. only then the Agents SDK's CloudAdapter runs the turn.
 *
 * Every refusal is a stable code from the catalogue with our own sentence; the SDK's own error text
 * (token failures, "request to https://login.botframework.com/… failed", parser messages) is logged
 * with a reference id and never sent.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Activity } from '@microsoft/agents-activity';
import type { ActivityHandler, CloudAdapter, Request as AgentsRequest, WebResponse } from '@microsoft/agents-hosting';
import type { ErrorCode } from '../../contracts/errors';
import { readCapped } from '../../adapters/http/read-capped';
import type { BotLogger } from './bot-host';
import { firstActivityProblem, InboundActivitySchema } from './inbound-activity';

/** Bot Framework activities are small (Teams caps a message near 28 KB); 256 KiB leaves room for any card submit. */
export const BOT_MAX_BODY_BYTES = 256 * 1024;

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

export interface BotEndpointRequest {
  readonly method: string;
  readonly headers: Readonly<Record<string, string | undefined>>;
  /** The raw body as it arrives; read lazily, after authentication, and never past the cap. */
  readonly body: AsyncIterable<Uint8Array> | null;
}

export interface BotEndpointResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: unknown;
  /** True when the body was left unread (too large): the host should close the connection. */
  readonly abandonedBody?: boolean;
}

export interface BotEndpointOptions {
  readonly maxBodyBytes?: number;
  /** Local mode: the only service URLs the bot will answer (its replies go there). */
  readonly allowServiceUrl?: (serviceUrl: string) => boolean;
}

export type BotEndpoint = (request: BotEndpointRequest) => Promise<BotEndpointResponse>;

type Refusal = { readonly code: ErrorCode; readonly status: number; readonly message: string; readonly field?: string };

function refusal(refused: Refusal, reference: string, extra: Partial<Pick<BotEndpointResponse, 'abandonedBody'>> = {}): BotEndpointResponse {
  const headers: Record<string, string> = { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', 'x-correlation-id': reference };
  if (refused.status === 401) headers['www-authenticate'] = 'Bearer';
  return {
    status: refused.status,
    headers,
    body: { error: { code: refused.code, message: refused.message, ...(refused.field ? { field: refused.field } : {}), correlationId: reference } },
    ...extra,
  };
}

/** A WebResponse for the SDK that records what it would send instead of writing it. */
function recordingResponse() {
  const recorded: { status: number; headers: Record<string, string>; body?: unknown; ended: boolean } = { status: 200, headers: {}, ended: false };
  const res: WebResponse = {
    get headersSent() {
      return recorded.ended;
    },
    get writableEnded() {
      return recorded.ended;
    },
    status(code: number) {
      recorded.status = code;
      return res;
    },
    setHeader(name: string, value: string) {
      recorded.headers[name.toLowerCase()] = String(value);
      return res;
    },
    send(body?: unknown) {
      recorded.body = body;
      return res;
    },
    end() {
      recorded.ended = true;
      return res;
    },
  };
  return { res, recorded };
}

export function botEndpoint(adapter: CloudAdapter, bot: ActivityHandler, logger: BotLogger, options: BotEndpointOptions = {}): BotEndpoint {
  const max = options.maxBodyBytes ?? BOT_MAX_BODY_BYTES;
  return async (request) => {
    const reference = randomUUID();
    if (request.method.toUpperCase() !== 'POST') {
      return { ...refusal({ code: 'HTTP.METHOD_NOT_ALLOWED', status: 405, message: 'The bot endpoint accepts POST only.' }, reference), abandonedBody: true };
    }
    const tooLarge: Refusal = { code: 'BOT.BODY_TOO_LARGE', status: 413, message: `An activity is at most ${max / 1024} KiB.` };
    const declared = Number(request.headers['content-length'] ?? '');
    if (Number.isFinite(declared) && declared > max) return refusal(tooLarge, reference, { abandonedBody: true });

    // 2. The channel token, from the headers alone.
    const agentsRequest: AgentsRequest = { method: 'POST', headers: { ...request.headers } };
    const auth = recordingResponse();
    let authorized = false;
    try {
      await adapter.authorizeRequest(agentsRequest, auth.res, () => {
        authorized = true;
      });
    } catch (error) {
      logger.error('bot request authorization threw', { reference, error: String(error) });
    }
    if (!authorized) {
      logger.error('bot request refused: channel token', { reference, status: auth.recorded.status, detail: auth.recorded.body });
      return refusal({ code: 'BOT.UNAUTHORIZED', status: 401, message: 'The request does not carry a valid channel token for this bot.' }, reference, { abandonedBody: true });
    }

    // 3. The body, streamed against the cap.
    const read = await readCapped(request.body, max);
    if (!read.ok) return refusal(tooLarge, reference, { abandonedBody: true });

    // 4. JSON, the activity's shape, where replies would go.
    let json: unknown;
    try {
      // Strict UTF-8: invalid bytes are refused, never patched with U+FFFD into what the bot stores.
      json = JSON.parse(strictUtf8.decode(read.bytes));
    } catch {
      return refusal({ code: 'BOT.INVALID_JSON', status: 400, message: 'The body must be a Bot Framework activity in JSON (UTF-8).' }, reference);
    }
    const shape = InboundActivitySchema.safeParse(json);
    if (!shape.success) {
      const problem = firstActivityProblem(shape.error);
      return refusal({ code: 'BOT.INVALID_ACTIVITY', status: 400, ...problem }, reference);
    }
    try {
      Activity.fromObject(json as Record<string, unknown>);
    } catch (error) {
      logger.error('bot activity refused by the SDK schema', { reference, error: String(error) });
      // Only the path of the SDK's first complaint goes back, in our words.
      const path = (error as { issues?: { path?: unknown[] }[] }).issues?.[0]?.path;
      const field = Array.isArray(path) && path.length > 0 ? path.map(String).join('.').slice(0, 200) : undefined;
      return refusal(
        { code: 'BOT.INVALID_ACTIVITY', status: 400, message: field ? `The activity's "${field}" is malformed.` : 'The body is not a well-formed Bot Framework activity.', ...(field ? { field } : {}) },
        reference,
      );
    }
    if (options.allowServiceUrl && !options.allowServiceUrl(shape.data.serviceUrl)) {
      return refusal(
        {
          code: 'BOT.SERVICE_URL_NOT_ALLOWED',
          status: 400,
          field: 'serviceUrl',
          message: 'Locally the bot answers only the local Bot Connector and the Agents Playground (loopback service URLs).',
        },
        reference,
      );
    }

    // 5. The turn.
    const turn = recordingResponse();
    try {
      await adapter.process({ ...agentsRequest, body: json as Record<string, unknown>, ...(agentsRequest.user ? { user: agentsRequest.user } : {}) }, turn.res, (context) => bot.run(context));
    } catch (error) {
      logger.error('bot request failed before or around the turn', { reference, error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) });
      return refusal({ code: 'BOT.CHANNEL_UNAVAILABLE', status: 502, message: `The bot could not reach the channel for this activity; try again. Reference ${reference}.` }, reference);
    }
    if (turn.recorded.status === 400 && turn.recorded.body === undefined) {
      return refusal({ code: 'BOT.INVALID_ACTIVITY', status: 400, message: 'The activity was refused: its service URL does not match the channel token.' }, reference);
    }
    const headers: Record<string, string> = { ...turn.recorded.headers };
    if (turn.recorded.body !== undefined) headers['content-type'] = 'application/json; charset=utf-8';
    return { status: turn.recorded.status, headers, ...(turn.recorded.body !== undefined ? { body: turn.recorded.body } : {}) };
  };
}

/** The node:http request as a body source that stops pulling without destroying the socket (a 413 still gets out). */
function nodeBody(request: IncomingMessage): AsyncIterable<Uint8Array> {
  return {
    [Symbol.asyncIterator]() {
      const inner = request[Symbol.asyncIterator]() as AsyncIterator<Uint8Array>;
      return {
        next: () => inner.next(),
        return: async () => {
          request.pause();
          return { done: true, value: undefined };
        },
      };
    },
  };
}

/** The endpoint on a plain Node HTTP server (the local host, tests, benches). */
export function nodeBotListener(endpoint: BotEndpoint) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const headers: Record<string, string | undefined> = {};
    for (const [k, v] of Object.entries(req.headers)) headers[k] = Array.isArray(v) ? v.join(',') : v;
    const out = await endpoint({ method: req.method ?? 'POST', headers, body: nodeBody(req) });
    const payload = out.body === undefined ? '' : typeof out.body === 'string' ? out.body : JSON.stringify(out.body);
    const responseHeaders: Record<string, string | number> = { ...out.headers, 'content-length': Buffer.byteLength(payload) };
    if (out.abandonedBody) responseHeaders.connection = 'close';
    res.writeHead(out.status, responseHeaders);
    res.end(payload, () => {
      // The unread rest of an oversize body is never pulled into memory: the request stays paused,
      // our side of the connection is closed once the answer is out (so the client can still read
      // it), and the socket is destroyed shortly after whatever the client does.
      if (out.abandonedBody && !req.complete) {
        req.pause();
        req.socket.end();
        setTimeout(() => req.socket.destroy(), 2000).unref();
      }
    });
  };
}
