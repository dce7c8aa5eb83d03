/** Translation between the Azure Functions HTTP types and the host-neutral API request/response. */
import type { HttpRequest, HttpResponseInit } from '@azure/functions';
import type { ApiRequest, ApiResponse } from './http-contract';
import { decodeBody, MAX_BODY_BYTES } from './handle-api-request';

export async function fromAzureRequest(request: HttpRequest): Promise<ApiRequest> {
  const url = new URL(request.url);
  const length = Number(request.headers.get('content-length') ?? '0');
  // Over-long bodies are refused by the pipeline; do not buffer more than one byte past the limit.
  // The bytes, not request.text(): invalid UTF-8 must be refused, not patched with U+FFFD.
  const body =
    length > MAX_BODY_BYTES ? { bodyText: 'x'.repeat(MAX_BODY_BYTES + 1) } : request.body ? decodeBody(new Uint8Array(await request.arrayBuffer())) : { bodyText: undefined };
  return {
    method: request.method,
    params: { ...request.params },
    query: url.searchParams,
    header: (name) => request.headers.get(name) ?? undefined,
    ...body,
  };
}

export function toAzureResponse(response: ApiResponse): HttpResponseInit {
  return {
    status: response.status,
    headers: { ...response.headers },
    ...(response.text !== undefined ? { body: response.text } : response.body !== undefined ? { body: JSON.stringify(response.body) } : {}),
  };
}
