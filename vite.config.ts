import react from '@vitejs/plugin-react';
import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import { outlookGuardScript } from './scripts/outlook-guard-script';

/**
 * The Mentoring tab. `npm start` (src/local/tab/local-tab.service.ts) and `npm run dev:tab` serve it on
 * 127.0.0.1:53000 and forward the API and the local identity issuer to the local host on
 * 127.0.0.1:7071, so the tab calls same-origin paths in every mode. The local stack's tests run the
 * same server on free ports: MENTORING_TAB_PORT and MENTORING_TAB_UPSTREAM say where.
 */
const localHost = process.env.MENTORING_TAB_UPSTREAM ?? 'http://127.0.0.1:7071';
const port = Number(process.env.MENTORING_TAB_PORT ?? 53000);
const API_PATHS = '^/api/(?![^?]*\\.(?:tsx?|jsx?|css|json|map)(?:\\?|$))';

/**
 * Debugging in Teams against a tenant (`MENTORING_MODE=tenant npm start`) serves the tab through a dev
 * tunnel: Vite must accept the tunnel's host name (it refuses unknown Host headers since its fix for
 * DNS rebinding) and its hot reload must connect back through the tunnel on 443. TAB_ENDPOINT comes from
 * .localConfigs / env/.env.local.user; any Microsoft dev tunnel host is accepted as well.
 */
const tunnelHost = process.env.TAB_ENDPOINT?.startsWith('https://') ? new URL(process.env.TAB_ENDPOINT).hostname : undefined;
export const TAB_ALLOWED_HOSTS = ['.devtunnels.ms', ...(tunnelHost ? [tunnelHost] : [])];

export default defineConfig({
  root: resolve(__dirname, 'src/tab'),
  base: './',
  plugins: [react(), outlookGuardScript()],
  // The Outlook pages live in src/tab but their modules in src/outlook: `../outlook/…` from a page at the
  // root is `/outlook/…` to the dev server, which would look in src/tab. Only modules are mapped (the
  // add-in's icons under /outlook/ stay static files).
  resolve: { alias: [{ find: /^\/outlook\/(.*\.tsx?)$/, replacement: `${resolve(__dirname, 'src/outlook')}/$1` }] },
  // Pre-bundled dependencies go under .data/ (or a test's own directory) so parallel servers never share a cache.
  cacheDir: process.env.MENTORING_TAB_CACHE_DIR ?? resolve(__dirname, 'node_modules/.vite'),
  build: {
    outDir: resolve(__dirname, 'dist/tab'),
    emptyOutDir: true,
    target: 'es2022',
    // The production tab is a public static website: no source maps are published with it.
    sourcemap: false,
    // The tab, and the Outlook add-in's pages (the pane; the guard's page, whose one-file script
    // outlookGuardScript emits): one build, one static website.
    rollupOptions: {
      input: {
        index: resolve(__dirname, 'src/tab/index.html'),
        'outlook-pane': resolve(__dirname, 'src/tab/outlook-pane.html'),
        'outlook-guard': resolve(__dirname, 'src/tab/outlook-guard.html'),
      },
    },
  },
  server: {
    host: '127.0.0.1',
    port,
    strictPort: true,
    allowedHosts: TAB_ALLOWED_HOSTS,
    ...(tunnelHost ? { hmr: { host: tunnelHost, protocol: 'wss', clientPort: 443 } } : {}),
    // The tab's own modules live under /api/ too (src/tab/api/*.ts); only requests that are not source
    // files go to the API. No API route ends in a source file's extension.
    proxy: {
      [API_PATHS]: { target: localHost, changeOrigin: false },
      '/local-identity': { target: localHost, changeOrigin: false },
      // The Outlook harness (outlook-harness.html) reads and sends its appointment through the local calendar.
      '/local-graph': { target: localHost, changeOrigin: false },
    },
  },
  preview: { host: '127.0.0.1', port, strictPort: true },
});
