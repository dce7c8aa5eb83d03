/** The admin's guide keeps its promise: every prerequisite and step, in order, says how to check it. */
import { readFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(__dirname, '..', '..');
const guide = readFileSync(path.join(root, 'docs', 'try-it-in-your-tenant.md'), 'utf8');
const readme = readFileSync(path.join(root, 'README.md'), 'utf8');

function section(heading: string): string {
  const start = guide.indexOf(`## ${heading}`);
  expect(start).toBeGreaterThanOrEqual(0);
  const end = guide.indexOf('\n## ', start + 3);
  return guide.slice(start, end < 0 ? undefined : end);
}

/** Top-level numbered items of a section ("1. ...", up to the next one). */
const items = (text: string) => text.split(/\n(?=\d+\. )/).slice(1);

test.each(['Prerequisites, in order', 'Step by step', 'Local debugging against your tenant'])('every item of "%s" says how to check it worked', (heading) => {
  const numbered = items(section(heading));
  expect(numbered.length).toBeGreaterThan(2);
  expect(numbered.map((item, i) => [i + 1, item.includes('*Check:*')])).toEqual(numbered.map((_, i) => [i + 1, true]));
});

test('the prerequisites name the one-directory rule, the restricted-tenant set-ups and the admin roles', () => {
  const prerequisites = section('Prerequisites, in order');
  for (const must of ['same Entra tenant', 'Identifier URIs restricted', 'Shared-key storage denied', 'Federated credentials restricted', 'Global Administrator', 'Exchange administrator', 'Flex Consumption']) {
    expect([must, prerequisites.includes(must)]).toEqual([must, true]);
  }
  const steps = section('Step by step');
  for (const must of ['admin consent', 'New-ApplicationAccessPolicy', 'Test-ApplicationAccessPolicy', '/api/publish']) expect([must, steps.includes(must)]).toEqual([must, true]);
  expect(section('Removing everything')).toContain('az keyvault purge');
  expect(section('Rotating the client secret')).toContain('SECRET_AAD_APP_CLIENT_SECRET');
});

test('the README links the guide and walks debugging in Teams', () => {
  expect(readme).toContain('[docs/try-it-in-your-tenant.md](docs/try-it-in-your-tenant.md)');
  const debug = readme.slice(readme.indexOf('## Debug in Teams'), readme.indexOf('## Try it in your tenant'));
  for (const must of ['Sign-in and SSO in Teams', 'Outlook and the Microsoft 365 app', 'The bot through the tunnel', 'MENTORING_MODE=tenant', 'allowedHosts']) {
    expect([must, debug.includes(must)]).toEqual([must, true]);
  }
});
