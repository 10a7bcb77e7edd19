export * from './types';
export * from './links';
export * from './outline';
export * from './render-html';
export * from './text';
export * from './walk';
export { policyExtensions, policySchema } from './schema';
