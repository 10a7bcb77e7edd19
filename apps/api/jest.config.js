// Unit specs sit beside the code (src/**/*.spec.ts); integration specs (test/**/*.spec.ts)
// run against a real Postgres through the real Nest + GraphQL app. The global setup starts
// an embedded Postgres, or uses DATABASE_URL's server, and creates a scratch database.
module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'api',
  rootDir: __dirname,
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
  testTimeout: 30000,
};
