import { join } from 'node:path';

export { buildPolicyPdf, type PolicyLayout } from './policy-pdf';
export { titleWithVersion } from './cover';
export { pageList, WHOLE_DOCUMENT } from './history';
export { locateClauses, renderPdf, renderPolicyPdf } from './render';
export * from './rendition';

/**
 * The compiled render worker, for `new Piscina({ filename: renderWorkerFile })`. It exists only
 * once the lib is built (`npm run build -w @ratify/pdf` emits `dist/render-worker.js` beside
 * `dist/index.js`); run from the TypeScript sources (jest, tsx) this path has no file behind it.
 */
export const renderWorkerFile = join(__dirname, 'render-worker.js');
