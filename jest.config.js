/** Tests run against a real server and a real PostgreSQL; see test/support. */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
  testTimeout: 30000,
  // Two files at once: most of a file's time is waiting on its server, PostgreSQL and browser, so the
  // suite takes about half as long on two cores (every file has a database and ports of its own).
  maxWorkers: 2,
  // Every file's duration beside its name as it finishes, and a table of them, slowest first, at the end.
  slowTestThreshold: 0,
  reporters: ['default', '<rootDir>/test/support/durations-reporter.js'],
};
