import { existsSync } from 'node:fs';

import { CLI_MAIN, DIST_BUILD_ERROR_ENV } from './build-dist';

export { CLI_MAIN } from './build-dist';

/**
 * Checks that `dist/` is there for tests that spawn the compiled CLI. It does not build: jest's
 * globalSetup (test/helpers/global-setup.ts) rebuilds a stale dist/ once per run, before any
 * suite starts, so suites running in parallel never race a compiler writing dist/. Throws the
 * build's error when that build failed.
 */
export function ensureDist(): void {
  const buildError = process.env[DIST_BUILD_ERROR_ENV];
  if (buildError !== undefined && buildError !== '') throw new Error(buildError);
  if (!existsSync(CLI_MAIN)) {
    throw new Error(
      `${CLI_MAIN} is missing: run jest with its config (its globalSetup builds dist/) or npm run build.`,
    );
  }
}
