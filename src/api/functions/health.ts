/** GET /api/health: each component's status, without sign-in and without anything secret. */
import { ok } from '../../core/result';
import type { ComponentStatus } from '../api-services';
import { anonymousFunction } from '../function-definition';

const CHECK_TIMEOUT_MS = 5_000;

export const health = anonymousFunction('health', 'GET', 'health', async (_call, services) => {
  const entries = await Promise.all(
    services.health.map(async (component): Promise<[string, ComponentStatus]> => {
      const timeout = new Promise<ComponentStatus>((resolve) =>
        setTimeout(() => resolve({ status: 'unavailable', detail: 'no answer within 5 s' }), CHECK_TIMEOUT_MS).unref(),
      );
      try {
        return [component.name, await Promise.race([component.check(), timeout])];
      } catch {
        return [component.name, { status: 'unavailable', detail: 'the check failed' }];
      }
    }),
  );
  const components = Object.fromEntries(entries);
  const healthy = entries.every(([, s]) => s.status === 'ok');
  return ok({ status: healthy ? 200 : 503, body: { status: healthy ? 'ok' : 'degraded', components } });
});
