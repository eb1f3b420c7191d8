import { findInOwnPackageJson } from './package-json';

/**
 * The package version from package.json. Looked up by walking up from this file, because the
 * file sits at `cli/` in the sources but at `dist/cli/` once built.
 */
export function readPackageVersion(start: string = __dirname): string {
  return (
    findInOwnPackageJson(start, (_dir, pkg) =>
      typeof pkg.version === 'string' ? pkg.version : undefined,
    ) ?? '0.0.0-unknown'
  );
}
