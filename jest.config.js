/** Tests run with TZ=UTC (set by `npm test`) and an injected clock; the TZ guard below catches a direct `jest` call. */
if (process.env.TZ !== 'UTC') {
  throw new Error('Run the tests with TZ=UTC (use `npm test`), so that no test depends on the machine zone.');
}

/** @type {import('jest').Config} */
module.exports = {
  testMatch: ['<rootDir>/tests/**/*.test.ts', '<rootDir>/tests/**/*.test.tsx'],
  transform: {
    '^.+\\.(t|j)sx?$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', tsx: true },
          transform: { react: { runtime: 'automatic' } },
          target: 'es2022',
        },
        module: { type: 'commonjs' },
      },
    ],
  },
  transformIgnorePatterns: ['/node_modules/(?!(jose)/)'],
  testEnvironment: 'node',
  reporters: ['default', '<rootDir>/tests/support/summary-reporter.js'],
  globalSetup: '<rootDir>/tests/support/global-setup.ts',
  globalTeardown: '<rootDir>/tests/support/global-teardown.ts',
  testTimeout: 30000,
  // Two workers on CI's two cores: most suites wait on Azurite, Chromium or loopback HTTP rather than
  // on the CPU, and one worker (Jest's default for two cores) took the whole run past 28 minutes.
  maxWorkers: 2,
};
