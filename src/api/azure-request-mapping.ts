/** Translation between the Azure Functions HTTP types and the host-neutral API request/response. */
import type { HttpRequest, HttpResponseInit } from '@azure/functions';
import type { ApiRequest, ApiResponse } from './http-contract';
import { decodeBody, MAX_BODY_BYTES } from './handle-api-request';
import { readCapped } from '../adapters/http/read-capped';

/** The request body as a stream of bytes (the Functions worker hands it over as a web ReadableStream). */
export function azureBodyStream(request: HttpRequest): AsyncIterable<Uint8Array> | null {
  return request.body as unknown as AsyncIterable<Uint8Array> | null;
}

export async function fromAzureRequest(request: HttpRequest): Promise<ApiRequest> {
  const url = new URL(request.url);
  const declared = Number(request.headers.get('content-length') ?? '');
  // Over-long bodies are refused by the pipeline. Content-Length is only a claim (a chunked body has
  // none): the bytes are counted while streaming and never buffered past the limit. The bytes, not
  // text: invalid UTF-8 must be refused, not patched with U+FFFD.
  const read = Number.isFinite(declared) && declared > MAX_BODY_BYTES ? { ok: false as const } : await readCapped(azureBodyStream(request), MAX_BODY_BYTES);
  const body = read.ok ? decodeBody(read.bytes) : { bodyText: 'x'.repeat(MAX_BODY_BYTES + 1) };
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
