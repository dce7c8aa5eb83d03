/** How the local calendar answers: a status, headers and Graph's JSON (errors in Graph's error shape). */
import { randomBytes } from 'node:crypto';

export interface Answer {
  readonly status: number;
  readonly headers?: Record<string, string>;
  readonly body?: unknown;
}

export const graphError = (status: number, code: string, message: string, headers?: Record<string, string>): Answer => ({
  status,
  ...(headers ? { headers } : {}),
  body: { error: { code, message, innerError: { date: new Date().toISOString().slice(0, 19), 'request-id': randomBytes(16).toString('hex') } } },
});

export const itemNotFound = (): Answer => graphError(404, 'ErrorItemNotFound', 'The specified object was not found in the store.');
