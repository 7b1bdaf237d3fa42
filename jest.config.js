/** Tests run against a real server and a real PostgreSQL; see test/support. */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
  testTimeout: 30000,
  // Four files at once, also on two cores: a file spends much of its time waiting on its server, PostgreSQL,
  // Redis and browser, and with four the cores stay busy (about 120 s on two cores instead of 150 s with two).
  // Every file has databases and ports of its own; four keeps PostgreSQL's connections well under its limit.
  maxWorkers: 4,
  // Every file's duration beside its name as it finishes, and a table of them, slowest first, at the end.
  slowTestThreshold: 0,
  reporters: ['default', '<rootDir>/test/support/durations-reporter.js'],
};
