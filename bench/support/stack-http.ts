import type { LocalStack } from '../../src/local/start-local-stack';

/** One JSON call to the local stack, as a client of the API would make it; anything but 2xx stops the bench with its answer. */
export async function stackHttp(stack: LocalStack, method: string, path: string, body?: unknown, token?: string): Promise<any> {
  const response = await fetch(`${stack.baseUrl}${path}`, {
    method,
    headers: { ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...(token ? { authorization: `Bearer ${token}` } : {}) },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const text = await response.text();
  if (response.status >= 300) throw new Error(`${method} ${path}: ${response.status} ${text.slice(0, 300)}`);
  return text ? JSON.parse(text) : undefined;
}
