import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

const PACKAGE_NAME = 'workday-rest-connector';

/**
 * The directory of this package's sources, found by walking up from `start` to the package.json
 * that has `sdk/index.ts` beside it: this file sits at `cli/build/` in the sources and at
 * `dist/cli/build/` once compiled (where tsc also copies package.json into `dist/`), and the
 * bundle is built from the TypeScript sources either way. Bundling `dist/sdk` instead would mix
 * zod's CommonJS and ESM builds, two copies that do not share `.meta()`.
 */
export function findPackageRoot(start: string = __dirname): string {
  let dir = start;
  for (;;) {
    try {
      const pkg = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as {
        name?: unknown;
      };
      if (pkg.name === PACKAGE_NAME && existsSync(path.join(dir, 'sdk', 'index.ts'))) return dir;
    } catch {
      // No readable package.json here: keep walking up.
    }
    const parent = path.dirname(dir);
    if (parent === dir) return path.resolve(start, '..', '..');
    dir = parent;
  }
}
