// Shared jest settings for every project: TypeScript through SWC (with the decorator
// metadata NestJS and @nestjs/graphql need) and the libs mapped to their sources.
const path = require('node:path');

const root = __dirname;

module.exports = {
  testEnvironment: 'node',
  transform: {
    '^.+\\.(t|j)sx?$': [
      require.resolve('@swc/jest'),
      {
        jsc: {
          parser: { syntax: 'typescript', decorators: true },
          transform: { legacyDecorator: true, decoratorMetadata: true },
          target: 'es2022',
        },
        module: { type: 'commonjs', ignoreDynamic: true },
      },
    ],
  },
  moduleNameMapper: {
    '^@ratify/(document|importer|pdf|merge|calendar)$': path.join(root, 'libs/$1/src/index.ts'),
  },
  testMatch: ['**/?(*.)+(spec|test).ts'],
};
