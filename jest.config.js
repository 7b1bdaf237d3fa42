/** Tests run against a real server and a real PostgreSQL; see test/support. */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  // TypeScript to JavaScript with swc: types are checked by `npm run typecheck` (tsc), so the tests only need the
  // code. On a fresh clone every test worker transpiles the app, and TypeScript's own transpiler (ts-jest) spent
  // about 6 s of CPU per worker on it. The settings are tsconfig.json's: legacy decorators with their metadata
  // (type-graphql and MikroORM read it), ES2022 class fields.
  transform: {
    '^.+\\.ts$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', decorators: true },
          transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: true },
          target: 'es2022',
        },
        module: { type: 'commonjs' },
        sourceMaps: 'inline',
      },
    ],
  },
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
  testTimeout: 30000,
  // Four files at once, also on two cores: a file spends much of its time waiting on its server, PostgreSQL,
  // Redis and browser, and with four the cores stay busy (on two cores: 175 s with four, 203 s with two, for the
  // same CPU).
  // Every file has databases and ports of its own; four keeps PostgreSQL's connections well under its limit.
  maxWorkers: 4,
  testSequencer: '<rootDir>/test/support/sequencer.js',
  // Every file's duration beside its name as it finishes, and a table of them, slowest first, at the end.
  slowTestThreshold: 0,
  reporters: ['default', '<rootDir>/test/support/durations-reporter.js'],
};
