import { readFileSync } from 'node:fs';
import * as path from 'node:path';

const PACKAGE_NAME = 'workday-rest-connector';

/** The fields of this package's package.json the CLI reads; unchecked until read. */
export interface OwnPackageJson {
  name?: unknown;
  version?: unknown;
}

/**
 * Walks up from `start` to the first directory whose package.json is this package's and for
 * which `pick` returns a value, and returns that value; `undefined` at the file system root.
 * Needed because the CLI's files sit one level deeper (`dist/`) once built.
 */
export function findInOwnPackageJson<T>(
  start: string,
  pick: (dir: string, pkg: OwnPackageJson) => T | undefined,
): T | undefined {
  let dir = start;
  for (;;) {
    try {
      const pkg = JSON.parse(
        readFileSync(path.join(dir, 'package.json'), 'utf8'),
      ) as OwnPackageJson;
      const picked = pkg.name === PACKAGE_NAME ? pick(dir, pkg) : undefined;
      if (picked !== undefined) return picked;
    } catch {
      // No readable package.json here: keep walking up.
    }
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}
