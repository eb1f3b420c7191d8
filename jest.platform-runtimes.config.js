// The suites that run generated platform packages under the platforms' own runtimes (installed
// by platform-runtimes/*/install.sh, which `.ci/run` calls first). `npm test` leaves them out so
// it needs nothing beyond `npm ci`.
const base = require('./jest.config');

/** @type {import('jest').Config} */
module.exports = {
  ...base,
  roots: ['<rootDir>/test/platform-runtimes'],
  testPathIgnorePatterns: ['/node_modules/'],
  testTimeout: 120000,
};
