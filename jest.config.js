/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test', '<rootDir>/connectors'],
  testMatch: ['**/*.test.ts'],
  // Suites that need a platform's own runtime run from jest.platform-runtimes.config.js; the
  // real-n8n suites run with `npm run test:n8n` (jest.n8n.config.js), not here.
  testPathIgnorePatterns: [
    '/node_modules/',
    '<rootDir>/test/platform-runtimes/',
    '<rootDir>/test/n8n/',
  ],
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json' }],
  },
  // Integration suites start real HTTP servers on loopback; give slow CI machines room.
  testTimeout: 30000,
  // Builds dist/ once per run when it is older than the sources, before any worker starts, so
  // suites that spawn the compiled CLI neither run stale code nor race each other's compiler.
  globalSetup: '<rootDir>/test/helpers/global-setup.ts',
  maxWorkers: 2,
};
