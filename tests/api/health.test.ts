/**
 * /api/health says "degraded" only on a real failure (issue 15, point 11): a component that is slow
 * but answers is ok (with the time it took), one whose check says it does not work is unavailable,
 * and one that never answers is a timeout — distinguished, after a generous wait, and aborted.
 * Through the real pipeline, with the API's own storage and identity checks beside the test ones.
 */
import { handleApiRequest } from '../../src/api/handle-api-request';
import type { HealthCheck } from '../../src/api/api-services';
import { checkComponent, health, HEALTH_CHECK_TIMEOUT_MS } from '../../src/api/functions/health';
import type { ApiRequest } from '../../src/api/http-contract';
import { startApiHarness, type ApiHarness } from './support/api-harness';

let h: ApiHarness;
beforeAll(async () => {
  h = await startApiHarness();
});
afterAll(() => h.stop());

const request: ApiRequest = { method: 'GET', params: {}, query: new URLSearchParams(), header: () => undefined, bodyText: undefined };

async function healthWith(extra: HealthCheck[]) {
  const host = { ...h.api, services: { ...h.api.services, health: [...h.api.services.health, ...extra] } };
  const answer = await handleApiRequest(health, request, host);
  return answer as { status: number; body: { status: string; components: Record<string, any> } };
}

const slowButWorking = (ms: number): HealthCheck => ({
  name: 'slow',
  check: () => new Promise((resolve) => setTimeout(() => resolve({ status: 'ok' }), ms)),
});

it('a component slower than the old 5 s limit, but answering, is ok: 200 and its time', async () => {
  const answer = await healthWith([slowButWorking(6_000)]);
  expect(answer.status).toBe(200);
  expect(answer.body.status).toBe('ok');
  expect(answer.body.components.slow).toEqual({ status: 'ok', ms: expect.any(Number) });
  expect(answer.body.components.slow.ms).toBeGreaterThanOrEqual(5_900);
  expect(answer.body.components.storage).toEqual({ status: 'ok', ms: expect.any(Number) });
}, 20_000);

it('a component whose check fails makes it degraded (503), named with a safe detail; the others stay ok', async () => {
  const failing: HealthCheck = { name: 'calendar', check: async () => ({ status: 'unavailable', detail: 'the local calendar cannot reach its table' }) };
  const throwing: HealthCheck = { name: 'queue', check: async () => { throw new Error('AccountKey=secret'); } };
  const answer = await healthWith([failing, throwing, slowButWorking(50)]);
  expect(answer.status).toBe(503);
  expect(answer.body.status).toBe('degraded');
  expect(answer.body.components.calendar).toEqual({ status: 'unavailable', ms: expect.any(Number), detail: 'the local calendar cannot reach its table' });
  expect(answer.body.components.queue).toEqual({ status: 'unavailable', ms: expect.any(Number), detail: 'the check failed' });
  expect(JSON.stringify(answer.body)).not.toContain('secret');
  expect(answer.body.components.slow.status).toBe('ok');
  expect(answer.body.components.identity.status).toBe('ok');
});

it('a component that never answers is a timeout (not an error), after its timeout, and its check is aborted', async () => {
  let aborted = false;
  const hanging: HealthCheck = {
    name: 'hanging',
    timeoutMs: 300,
    check: (signal) =>
      new Promise(() => {
        signal.addEventListener('abort', () => {
          aborted = true;
        });
      }),
  };
  const answer = await healthWith([hanging]);
  expect(answer.status).toBe(503);
  expect(answer.body.components.hanging).toEqual({ status: 'timeout', timeoutMs: 300, detail: 'no answer within 0.3 s' });
  expect(aborted).toBe(true);
});

it('waits generously by default', async () => {
  expect(HEALTH_CHECK_TIMEOUT_MS).toBeGreaterThanOrEqual(15_000);
  const report = await checkComponent(slowButWorking(10));
  expect(report).toEqual({ status: 'ok', ms: expect.any(Number) });
});
