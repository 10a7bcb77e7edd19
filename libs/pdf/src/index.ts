export * from './policy-pdf';
export * from './render';
export * from './rendition';
