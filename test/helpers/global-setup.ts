import { DIST_BUILD_ERROR_ENV, buildDistIfStale } from './build-dist';

/**
 * Jest globalSetup: builds dist/ once per run, before any worker starts, when it is older than
 * the sources. A failed build does not stop the run: the error is handed (through the environment
 * the workers inherit) to ensureDist(), so only the suites that spawn the compiled CLI fail.
 */
export default async function globalSetup(): Promise<void> {
  const error = await buildDistIfStale();
  if (error === undefined) delete process.env[DIST_BUILD_ERROR_ENV];
  else process.env[DIST_BUILD_ERROR_ENV] = error;
}
