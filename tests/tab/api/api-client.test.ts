import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApiClient } from '../../../src/tab/api/api-client';
import { ApiError, describeProblem, problemOf } from '../../../src/tab/api/api-error';
import { createTranslator } from '../../../src/tab/i18n/i18n';

interface Seen {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

/** A real HTTP server that answers from a script and records exactly what the client sent. */
async function scriptedServer(answer: (seen: Seen) => { status: number; body?: unknown; raw?: string }) {
  const seen: Seen[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const entry = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') };
      seen.push(entry);
      const { status, body, raw } = answer(entry);
      const text = raw ?? (body === undefined ? '' : JSON.stringify(body));
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(text);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { seen, baseUrl, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

const en = createTranslator('en');

describe('ApiClient', () => {
  it('sends the bearer token, JSON body and If-Match, and returns the parsed body', async () => {
    const server = await scriptedServer(() => ({ status: 200, body: { userId: 'u1', version: 'W/"2"' } }));
    try {
      const client = new ApiClient({ baseUrl: server.baseUrl, getToken: async () => 'token-123' });
      const saved = await client.put('/api/me/profile', { jobTitle: 'Analyst', version: 'W/"1"' }, { ifMatch: 'W/"1"' });
      expect(saved).toEqual({ userId: 'u1', version: 'W/"2"' });
      expect(server.seen).toHaveLength(1);
      const [request] = server.seen;
      expect(request!.method).toBe('PUT');
      expect(request!.url).toBe('/api/me/profile');
      expect(request!.headers.authorization).toBe('Bearer token-123');
      expect(request!.headers['content-type']).toBe('application/json');
      expect(request!.headers['if-match']).toBe('W/"1"');
      expect(JSON.parse(request!.body)).toEqual({ jobTitle: 'Analyst', version: 'W/"1"' });
    } finally {
      await server.close();
    }
  });

  it('maps the error body to a problem a person can act on, keeping the field and correlation id', async () => {
    const server = await scriptedServer(() => ({
      status: 422,
      body: { error: { code: 'PROFILE.CAPACITY_OUT_OF_RANGE', message: 'Capacity is a whole number from 0 to 10.', field: 'capacity', correlationId: 'c-42' } },
    }));
    try {
      const client = new ApiClient({ baseUrl: server.baseUrl, getToken: async () => 't' });
      const error = await client.put('/api/me/profile', { capacity: 11 }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ApiError);
      expect(problemOf(error)).toEqual({
        kind: 'rejected',
        status: 422,
        code: 'PROFILE.CAPACITY_OUT_OF_RANGE',
        serverMessage: 'Capacity is a whole number from 0 to 10.',
        field: 'capacity',
        correlationId: 'c-42',
      });
      expect(describeProblem(problemOf(error), en)).toEqual({ text: 'Capacity is a whole number from 0 to 10.', correlationId: 'c-42' });
    } finally {
      await server.close();
    }
  });

  it('keeps every problem the API lists in details.problems, each with its field and code, and drops malformed entries', async () => {
    const problems = [
      { field: 'agreement.firstDate', code: 'AGREEMENT.BAD_DATE', message: 'The first date is not a calendar date.' },
      { field: 'agreement.mentee.timeZone', message: 'Not a zone.' },
      { field: 7, message: 'no field' },
      'not an object',
    ];
    const server = await scriptedServer(() => ({
      status: 422,
      body: { error: { code: 'AGREEMENT.BAD_DATE', message: 'The first date is not a calendar date.', field: 'agreement.firstDate', details: { problems } } },
    }));
    try {
      const client = new ApiClient({ baseUrl: server.baseUrl, getToken: async () => 't' });
      const error = await client.post('/api/relationships/r1/agreement', {}).catch((e: unknown) => e);
      expect(problemOf(error).problems).toEqual([
        { field: 'agreement.firstDate', code: 'AGREEMENT.BAD_DATE', message: 'The first date is not a calendar date.' },
        { field: 'agreement.mentee.timeZone', message: 'Not a zone.' },
      ]);
    } finally {
      await server.close();
    }
  });

  it('turns 412 STORAGE.CONFLICT into a conflict with the catalogue message, not the raw text', async () => {
    const server = await scriptedServer(() => ({
      status: 412,
      body: { error: { code: 'STORAGE.CONFLICT', message: 'ETag mismatch on row pk/rk', correlationId: 'c-1' } },
    }));
    try {
      const client = new ApiClient({ baseUrl: server.baseUrl, getToken: async () => 't' });
      const problem = problemOf(await client.post('/api/requests/r1/accept', { version: 'old' }).catch((e: unknown) => e));
      expect(problem.kind).toBe('conflict');
      expect(describeProblem(problem, en).text).toBe(en('error.conflict'));
    } finally {
      await server.close();
    }
  });

  it('never shows a body that is not the agreed error shape (a stack trace from a proxy, say)', async () => {
    const server = await scriptedServer(() => ({ status: 500, raw: 'TypeError: cannot read properties of undefined\n    at handler (api.js:1:1)' }));
    try {
      const client = new ApiClient({ baseUrl: server.baseUrl, getToken: async () => 't' });
      const problem = problemOf(await client.get('/api/relationships').catch((e: unknown) => e));
      expect(problem).toEqual({ kind: 'server', status: 500 });
      expect(describeProblem(problem, en).text).toBe('The Mentoring service had a problem. Try again in a minute.');
    } finally {
      await server.close();
    }
  });

  it('retries a read once after a network failure but never retries a write', async () => {
    const server = await scriptedServer(() => ({ status: 200, body: [] }));
    try {
      let calls = 0;
      const failingOnce: typeof fetch = async (input, init) => {
        calls += 1;
        if (calls === 1) throw new TypeError('fetch failed');
        return fetch(input, init);
      };
      const reader = new ApiClient({ baseUrl: server.baseUrl, getToken: async () => 't', fetch: failingOnce });
      await expect(reader.get('/api/relationships')).resolves.toEqual([]);
      expect(calls).toBe(2);

      calls = 0;
      const writer = new ApiClient({ baseUrl: server.baseUrl, getToken: async () => 't', fetch: failingOnce });
      const problem = problemOf(await writer.post('/api/requests', { mentorId: 'm' }).catch((e: unknown) => e));
      expect(problem.kind).toBe('network');
      expect(calls).toBe(1);
      expect(server.seen.filter((s) => s.method === 'POST')).toHaveLength(0);
    } finally {
      await server.close();
    }
  });

  it('reports a missing token as a sign-in problem without calling the API', async () => {
    const server = await scriptedServer(() => ({ status: 200, body: {} }));
    try {
      const client = new ApiClient({ baseUrl: server.baseUrl, getToken: () => Promise.reject(new Error('consent_required')) });
      const problem = problemOf(await client.get('/api/me/profile').catch((e: unknown) => e));
      expect(problem.kind).toBe('unauthorized');
      expect(server.seen).toHaveLength(0);
    } finally {
      await server.close();
    }
  });
});
