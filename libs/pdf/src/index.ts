export { buildPolicyPdf, type PolicyLayout } from './policy-pdf';
export { titleWithVersion } from './cover';
export { pageList, WHOLE_DOCUMENT } from './history';
export { locateClauses, renderPdf, renderPolicyPdf } from './render';
export * from './rendition';

// The piscina worker is `dist/render-worker.js` (built with the lib): callers resolve
// '@ratify/pdf/dist/render-worker.js', which also works where the lib is mapped to its sources.
