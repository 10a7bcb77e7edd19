// Browser tests: the real Ratify (built API serving the built web app, a real Postgres with
// the demo data) driven by playwright-core in Debian's chromium.
module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'web-e2e',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.e2e.ts'],
  globalSetup: '<rootDir>/src/support/start-ratify.ts',
  globalTeardown: '<rootDir>/src/support/stop-ratify.ts',
  testTimeout: 60000,
};
