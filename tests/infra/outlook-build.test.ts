/**
 * The Outlook add-in's pages in the tab's production build (`npm run build:tab`, what `atk deploy`
 * runs): the pane and the guard's page load Office.js from Microsoft's CDN and bundle none of it; the
 * guard's one-file script sits beside them with the deploy's settings written in; the manifest's
 * ribbon icons are there.
 */
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { buildTab } from '../e2e/support/build-tab';

const CDN = '<script src="https://appsforoffice.microsoft.com/lib/1/hosted/office.js"></script>';
const SETTINGS = {
  VITE_API_ENDPOINT: 'https://func-mentordev-abcde.azurewebsites.net',
  VITE_AAD_APP_CLIENT_ID: '7e1a2b3c-4d5e-4f60-8a7b-9c0d1e2f3a02',
  VITE_TAB_DOMAIN: 'stmentordevabcdeweb.z6.web.core.windows.net',
  VITE_TEAMS_APP_ID: '7e1a2b3c-4d5e-4f60-8a7b-9c0d1e2f3a01',
};

let outDir: string;
beforeAll(() => {
  const saved = { ...process.env };
  Object.assign(process.env, SETTINGS);
  try {
    outDir = buildTab();
  } finally {
    for (const key of Object.keys(SETTINGS)) if (saved[key] === undefined) delete process.env[key];
    Object.assign(process.env, saved);
  }
}, 180_000);
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

const read = (file: string) => readFileSync(path.join(outDir, file), 'utf8');

test('the pane page loads Office.js from the CDN, then its module, with the deploy settings in its meta tags', () => {
  const html = read('outlook-pane.html');
  expect(html).toContain(CDN);
  expect(html.indexOf(CDN)).toBeLessThan(html.indexOf('type="module"'));
  expect(html).toContain(`<meta name="api-endpoint" content="${SETTINGS.VITE_API_ENDPOINT}" />`);
  expect(html).toContain(`<meta name="aad-client-id" content="${SETTINGS.VITE_AAD_APP_CLIENT_ID}" />`);
  expect(html).toContain(`<meta name="teams-app-id" content="${SETTINGS.VITE_TEAMS_APP_ID}" />`);
});

test('the guard page loads Office.js from the CDN, then the one-file guard script, which carries the settings', () => {
  const html = read('outlook-guard.html');
  expect(html.indexOf(CDN)).toBeGreaterThan(0);
  expect(html.indexOf(CDN)).toBeLessThan(html.indexOf('<script src="./outlook-guard.js"></script>'));
  const script = read('outlook-guard.js');
  for (const value of [SETTINGS.VITE_API_ENDPOINT, SETTINGS.VITE_AAD_APP_CLIENT_ID, SETTINGS.VITE_TAB_DOMAIN]) expect(script).toContain(value);
});

test('no Office.js is bundled: no built script defines Office or OfficeExtension', () => {
  const scripts = [path.join(outDir, 'outlook-guard.js'), ...readdirSync(path.join(outDir, 'assets')).filter((f) => f.endsWith('.js')).map((f) => path.join(outDir, 'assets', f))];
  const defining = scripts.filter((f) => /OfficeExtension\s*=|window\.Office\s*=|\bOffice\s*=\s*\{/.test(readFileSync(f, 'utf8')));
  expect(defining).toEqual([]);
});

test('the ribbon icons the manifest names are published', () => {
  for (const size of [16, 32, 80]) expect(existsSync(path.join(outDir, 'outlook', `icon-${size}.png`))).toBe(true);
});
