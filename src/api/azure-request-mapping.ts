/** Translation between the Azure Functions HTTP types and the host-neutral API request/response. */
import type { HttpRequest, HttpResponseInit } from '@azure/functions';
import type { ApiRequest, ApiResponse } from './http-contract';
import { decodeBody, MAX_BODY_BYTES } from './handle-api-request';

/** The request body as a stream of bytes (the Functions worker hands it over as a web ReadableStream). */
export function azureBodyStream(request: HttpRequest): AsyncIterable<Uint8Array> | null {
  return request.body as unknown as AsyncIterable<Uint8Array> | null;
}

/**
 * Reads the body as it streams and stops at `limit + 1` bytes: Content-Length is a claim, and a
 * chunked body has none, so only the bytes counted here decide. Undefined when the body is longer.
 */
export async function readBodyCapped(body: AsyncIterable<Uint8Array> | null, limit: number): Promise<Uint8Array | undefined> {
  if (!body) return new Uint8Array(0);
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of body) {
    size += chunk.byteLength;
    if (size > limit) return undefined;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

export async function fromAzureRequest(request: HttpRequest): Promise<ApiRequest> {
  const url = new URL(request.url);
  const declared = Number(request.headers.get('content-length') ?? '');
  // Over-long bodies are refused by the pipeline. Content-Length is only a claim (a chunked body has
  // none): the bytes are counted while streaming and never buffered past the limit. The bytes, not
  // text: invalid UTF-8 must be refused, not patched with U+FFFD.
  const read = Number.isFinite(declared) && declared > MAX_BODY_BYTES ? undefined : await readBodyCapped(azureBodyStream(request), MAX_BODY_BYTES);
  const body = read === undefined ? { bodyText: 'x'.repeat(MAX_BODY_BYTES + 1) } : decodeBody(read);
  return {
    method: request.method,
    params: { ...request.params },
    query: url.searchParams,
    header: (name) => request.headers.get(name) ?? undefined,
    ...body,
  };
}

/** The raw request for an endpoint that reads its own body (the bot's POST /api/messages). */
export function fromAzureStreamingRequest(request: HttpRequest): {
  method: string;
  headers: Record<string, string | undefined>;
  body: AsyncIterable<Uint8Array> | null;
} {
  const headers: Record<string, string | undefined> = {};
  request.headers.forEach((value, name) => {
    headers[name.toLowerCase()] = value;
  });
  return { method: request.method, headers, body: azureBodyStream(request) };
}

export function toAzureResponse(response: ApiResponse): HttpResponseInit {
  return {
    status: response.status,
    headers: { ...response.headers },
    ...(response.text !== undefined ? { body: response.text } : response.body !== undefined ? { body: JSON.stringify(response.body) } : {}),
  };
}
