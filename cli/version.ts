import { readFileSync } from 'node:fs';
import * as path from 'node:path';

const PACKAGE_NAME = 'workday-rest-connector';

/**
 * The package version from package.json. Looked up by walking up from this file, because the
 * file sits at `cli/` in the sources but at `dist/cli/` once built.
 */
export function readPackageVersion(start: string = __dirname): string {
  let dir = start;
  for (;;) {
    try {
      const pkg = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as {
        name?: unknown;
        version?: unknown;
      };
      if (pkg.name === PACKAGE_NAME && typeof pkg.version === 'string') return pkg.version;
    } catch {
      // No (readable) package.json here: keep walking up.
    }
    const parent = path.dirname(dir);
    if (parent === dir) return '0.0.0-unknown';
    dir = parent;
  }
}
