export { buildPolicyPdf, type PolicyLayout } from './policy-pdf';
export { titleWithVersion } from './cover';
export { pageList, WHOLE_DOCUMENT } from './history';
export { locateClauses, renderPdf, renderPolicyPdf } from './render';
export * from './rendition';
