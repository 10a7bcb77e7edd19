export * from './policy-pdf';
export * from './render';
