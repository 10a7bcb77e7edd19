import { fileURLToPath } from 'node:url';
import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vitest/config';
import type { ProxyOptions } from 'vite';

/** The API in development (`npm run dev -w @ratify/api`). In production the API serves dist/ itself. */
const apiOrigin = process.env.RATIFY_API_ORIGIN ?? 'http://localhost:3000';

/**
 * Paths the API owns. Keys starting with "^" are regular expressions matched against
 * the request URL: a bare "/p" prefix would also swallow the app's own "/policies".
 */
const apiProxy: Record<string, ProxyOptions> = {
  '^/graphql(\\?|$)': { target: apiOrigin },
  '^/health(/|\\?|$)': { target: apiOrigin },
  '^/p(/|\\?|$)': { target: apiOrigin },
  '^/api(/|\\?|$)': { target: apiOrigin },
};

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [vue()],
  resolve: {
    // The document model's source, not its CommonJS dist build: one ES module graph, tree-shaken,
    // and no stale dist/ in development or tests.
    alias: {
      '@ratify/document': fileURLToPath(new URL('../../libs/document/src/index.ts', import.meta.url)),
      '@ratify/calendar': fileURLToPath(new URL('../../libs/calendar/src/index.ts', import.meta.url)),
      // Only the PDF lib's rendition model (cover rows, contrast rule): its renderer is Node's.
      '@ratify/pdf/rendition': fileURLToPath(new URL('../../libs/pdf/src/rendition.ts', import.meta.url)),
      // csv-parse's ES module build uses Node's global Buffer when it loads; its browser build
      // bundles a Buffer of its own. @ratify/calendar imports 'csv-parse/sync' (Node, jest, the API).
      'csv-parse/sync': 'csv-parse/browser/esm/sync',
    },
  },
  server: { port: 5173, proxy: apiProxy },
  preview: { port: 4173, proxy: apiProxy },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
  },
  test: {
    environment: 'happy-dom',
    include: ['src/**/*.spec.ts'],
    restoreMocks: true,
    unstubGlobals: true,
  },
});
