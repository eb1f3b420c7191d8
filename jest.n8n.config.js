/**
 * The suites that run real n8n (`npm run test:n8n`, called by `.ci/run` after
 * `platform-runtimes/n8n/install.sh`). Kept out of `npm test` because each one starts n8n
 * processes for minutes; they fail, never skip, when n8n is not installed.
 */
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test/n8n'],
  testMatch: ['**/*.n8n.test.ts'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json' }],
  },
  testTimeout: 300000,
  // One suite at a time: each runs n8n processes of 300-500 MB on a two-core machine.
  maxWorkers: 1,
};
