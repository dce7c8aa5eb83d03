/**
 * The boundary guard's one-file script, `outlook-guard.js`. Classic Outlook on Windows runs event
 * handlers in a JavaScript-only runtime that loads one script and supports no imports (Microsoft's
 * Smart Alerts guidance), so esbuild bundles src/outlook/guard/guard-entry.ts into a single IIFE; the
 * other clients load the same file from outlook-guard.html. Office.js is not in it: the runtime (or the
 * page, from Microsoft's CDN) provides `Office`.
 *
 * The settings the handlers need are written in at build time (a JavaScript-only runtime has no page
 * to read them from): VITE_API_ENDPOINT, VITE_AAD_APP_CLIENT_ID and VITE_TAB_DOMAIN, which the deploy
 * step sets from the environment (teamsapp.yml, m365agents.yml).
 */
import path from 'node:path';
import { build } from 'esbuild';
import type { Plugin } from 'vite';

export const GUARD_SCRIPT = 'outlook-guard.js';
const entry = path.resolve(__dirname, '..', 'src', 'outlook', 'guard', 'guard-entry.ts');

export interface GuardScriptSettings {
  apiEndpoint: string;
  clientId: string;
  tabDomain: string;
}

export function guardSettingsFrom(env: NodeJS.ProcessEnv): GuardScriptSettings {
  return { apiEndpoint: env.VITE_API_ENDPOINT ?? '', clientId: env.VITE_AAD_APP_CLIENT_ID ?? '', tabDomain: env.VITE_TAB_DOMAIN ?? '' };
}

export async function bundleGuardScript(settings: GuardScriptSettings, options: { minify?: boolean } = {}): Promise<string> {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2019',
    minify: options.minify ?? true,
    write: false,
    legalComments: 'none',
    define: { __MENTORING_GUARD_SETTINGS__: JSON.stringify(settings) },
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}

/** Vite: emits outlook-guard.js beside the pages in a build, and serves it from the dev server. */
export function outlookGuardScript(env: NodeJS.ProcessEnv = process.env): Plugin {
  return {
    name: 'mentoring-outlook-guard-script',
    async generateBundle() {
      this.emitFile({ type: 'asset', fileName: GUARD_SCRIPT, source: await bundleGuardScript(guardSettingsFrom(env)) });
    },
    configureServer(server) {
      server.middlewares.use(`/${GUARD_SCRIPT}`, (_request, response, next) => {
        bundleGuardScript(guardSettingsFrom(env), { minify: false }).then((code) => {
          response.setHeader('Content-Type', 'text/javascript; charset=utf-8');
          response.end(code);
        }, next);
      });
    },
  };
}
