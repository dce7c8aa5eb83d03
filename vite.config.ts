import react from '@vitejs/plugin-react';
import { resolve } from 'node:path';
import { defineConfig } from 'vite';

/**
 * The Mentoring tab. `npm run dev:tab` serves it on 127.0.0.1:53000 and forwards the API and the local
 * identity issuer to the local host on 127.0.0.1:7071, so the tab calls same-origin paths in every mode.
 */
const localHost = 'http://127.0.0.1:7071';

export default defineConfig({
  root: resolve(__dirname, 'src/tab'),
  base: './',
  plugins: [react()],
  build: {
    outDir: resolve(__dirname, 'dist/tab'),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
  },
  server: {
    host: '127.0.0.1',
    port: 53000,
    strictPort: true,
    proxy: {
      '/api': { target: localHost, changeOrigin: false },
      '/local-identity': { target: localHost, changeOrigin: false },
    },
  },
  preview: { host: '127.0.0.1', port: 53000, strictPort: true },
});
