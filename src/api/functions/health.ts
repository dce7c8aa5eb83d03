/**
 * GET /api/health: each component's status, without sign-in and without anything secret.
 *
 * Degraded (503) only on a real failure: a component whose check answered that it does not work
 * (`unavailable`), or one that gave no answer at all within a generous timeout (`timeout`, with the
 * time waited). A component that is slow but answers — as everything is on a machine under heavy
 * load — is `ok`, with the time it took in `ms`.
 */
import { ok } from '../../core/result';
import type { HealthCheck } from '../api-services';
import { anonymousFunction } from '../function-definition';

/** Long enough that load alone does not fail a working component; short of Functions' HTTP limit. */
export const HEALTH_CHECK_TIMEOUT_MS = 20_000;

export type ComponentReport =
  /** `detail` on ok is a note (a credential that expires soon), not a failure. */
  | { readonly status: 'ok'; readonly ms: number; readonly detail?: string }
  | { readonly status: 'unavailable'; readonly ms: number; readonly detail: string }
  | { readonly status: 'timeout'; readonly timeoutMs: number; readonly detail: string };

export async function checkComponent(component: HealthCheck, now: () => number = () => performance.now()): Promise<ComponentReport> {
  const timeoutMs = component.timeoutMs ?? HEALTH_CHECK_TIMEOUT_MS;
  const controller = new AbortController();
  const started = now();
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), timeoutMs);
  });
  const checked = component.check(controller.signal).then(
    (status) => status,
    () => ({ status: 'unavailable' as const, detail: 'the check failed' }),
  );
  try {
    const first = await Promise.race([checked, timedOut]);
    const ms = Math.round(now() - started);
    if (first === 'timeout') {
      controller.abort();
      return { status: 'timeout', timeoutMs, detail: `no answer within ${timeoutMs / 1000} s` };
    }
    if (first.status === 'ok') return { status: 'ok', ms, ...(first.detail !== undefined ? { detail: first.detail } : {}) };
    return { status: 'unavailable', ms, detail: first.detail ?? 'not working' };
  } finally {
    clearTimeout(timer);
  }
}

export const health = anonymousFunction('health', 'GET', 'health', async (_call, services) => {
  const entries = await Promise.all(services.health.map(async (component) => [component.name, await checkComponent(component)] as const));
  const healthy = entries.every(([, report]) => report.status === 'ok');
  return ok({ status: healthy ? 200 : 503, body: { status: healthy ? 'ok' : 'degraded', components: Object.fromEntries(entries) } });
});
