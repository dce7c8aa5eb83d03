/**
 * The whole local stack (`npm start`: Azurite, the local identity issuer, the API, the stand-ins of
 * local-services.ts, the demo data) for tests: on free loopback ports, in memory and quiet unless told
 * otherwise, with a few calls every test makes against it. `setUpLocalStack` starts it before a file's
 * (or a describe block's) tests and stops it after them.
 */
import type { ApiLogger } from '../../src/api/api-services';
import { startLocalStack, type LocalStack, type LocalStackOptions } from '../../src/local/start-local-stack';
import { startedBeforeAll } from './started-before-all';

export const quietLogger: ApiLogger = { error: () => undefined, info: () => undefined };

export interface TestStackOptions extends Partial<LocalStackOptions> {
  /** LOCAL_CLOCK_START: the stack's clock starts at this ISO instant and runs from there. */
  readonly clockStart?: string;
}

export interface HttpAnswer {
  readonly status: number;
  /** The parsed body; undefined when there is none. */
  readonly json: any;
}

export interface TestStack extends LocalStack {
  /** The real time (Date.now()) just before the stack started. */
  readonly startedAt: number;
  /** A JSON call to the stack's host, as `curl` in the README makes it: a body is sent as JSON, a token as a bearer. */
  http(method: string, path: string, body?: unknown, token?: string): Promise<HttpAnswer>;
  /** The local identity issuer's API token for a person. */
  tokenOf(personId: string): Promise<string>;
}

export async function startTestStack(options: TestStackOptions = {}): Promise<TestStack> {
  const { clockStart, env, ...rest } = options;
  const startedAt = Date.now();
  const stack = await startLocalStack({
    httpPort: 0,
    logger: quietLogger,
    ...rest,
    ...(env || clockStart ? { env: { ...env, ...(clockStart ? { LOCAL_CLOCK_START: clockStart } : {}) } } : {}),
  });
  const http = async (method: string, path: string, body?: unknown, token?: string): Promise<HttpAnswer> => {
    const response = await fetch(`${stack.baseUrl}${path}`, {
      method,
      headers: { ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...(token ? { authorization: `Bearer ${token}` } : {}) },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const text = await response.text();
    return { status: response.status, json: text ? JSON.parse(text) : undefined };
  };
  const tokenOf = async (personId: string): Promise<string> => {
    const issued = await http('POST', '/local-identity/token', { personId });
    if (issued.status !== 200) throw new Error(`no local token for ${personId}: ${issued.status} ${JSON.stringify(issued.json)}`);
    return issued.json.accessToken as string;
  };
  return { ...stack, startedAt, http, tokenOf };
}

/** Starts the stack before the tests of this file (or describe block) and stops it after them. */
export function setUpLocalStack(options: TestStackOptions = {}, startTimeoutMs = 60_000): TestStack {
  let stack: TestStack | undefined;
  beforeAll(async () => {
    stack = await startTestStack(options);
  }, startTimeoutMs);
  afterAll(() => stack?.stop());
  return startedBeforeAll('the local stack', () => stack);
}
