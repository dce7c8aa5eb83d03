import { startLocalStack, type LocalStack } from '../../../src/local/start-local-stack';
import { createLocalTabService } from '../../../src/local/tab/local-tab.service';

const quiet = { error: () => undefined, info: () => undefined };

describe('the tab on the local stack (npm start) on free ports', () => {
  let stack: LocalStack;
  let tabOrigin: string;
  beforeAll(async () => {
    stack = await startLocalStack({ httpPort: 0, seed: false, logger: quiet, services: [createLocalTabService] });
    const tab = stack.services.find((s) => s.name === 'tab');
    tabOrigin = new URL(tab!.links![0]!.path).origin;
  }, 90_000);
  afterAll(() => stack.stop());

  it('serves the tab page from Vite’s dev server on loopback, on its own port', async () => {
    expect(tabOrigin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(tabOrigin).not.toBe(stack.baseUrl);
    const page = await fetch(`${tabOrigin}/`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('<div id="root"></div>');
    expect(html).toContain('/@vite/client');
  });

  it('compiles the tab’s modules on request', async () => {
    const entry = await fetch(`${tabOrigin}/main.tsx`);
    expect(entry.status).toBe(200);
    expect(entry.headers.get('content-type')).toMatch(/javascript/);
    expect(await entry.text()).toContain('createRoot');
  });

  it('serves the tab’s own modules under /api/ (src/tab/api) itself instead of forwarding them', async () => {
    const module = await fetch(`${tabOrigin}/api/api-client.ts`);
    expect(module.status).toBe(200);
    expect(await module.text()).toContain('class ApiClient');
  });

  it('forwards /api and /local-identity to the local host, so the tab calls same-origin paths', async () => {
    const health = await fetch(`${tabOrigin}/api/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: 'ok', components: { tab: { status: 'ok' } } });
    const people = await fetch(`${tabOrigin}/local-identity/people`);
    expect(people.status).toBe(200);
    expect(((await people.json()) as { people: unknown[] }).people.length).toBeGreaterThan(0);
  });

  it('prints the tab’s address among the URLs and redirects /tab on the local host to it', async () => {
    const tab = stack.services.find((s) => s.name === 'tab')!;
    expect(tab.links).toEqual([{ label: expect.stringMatching(/tab/i), path: `${tabOrigin}/` }]);
    const redirect = await fetch(`${stack.baseUrl}/tab`, { redirect: 'manual' });
    expect(redirect.status).toBe(302);
    expect(redirect.headers.get('location')).toBe(`${tabOrigin}/`);
  });

  it('reports the tab unavailable in /api/health once its dev server is gone', async () => {
    const tab = stack.services.find((s) => s.name === 'tab')!;
    await tab.close!();
    const health = await fetch(`${stack.baseUrl}/api/health`);
    expect(health.status).toBe(503);
    expect(await health.json()).toMatchObject({ status: 'degraded', components: { tab: { status: 'unavailable', detail: expect.stringContaining(tabOrigin) } } });
  });
});
