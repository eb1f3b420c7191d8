import { existsSync } from 'node:fs';
import path from 'node:path';
import { findInOwnPackageJson } from '../package-json';

/**
 * The directory of this package's sources, found by walking up from `start` to the package.json
 * that has `sdk/index.ts` beside it: this file sits at `cli/build/` in the sources and at
 * `dist/cli/build/` once compiled (where tsc also copies package.json into `dist/`), and the
 * bundle is built from the TypeScript sources either way. Bundling `dist/sdk` instead would mix
 * zod's CommonJS and ESM builds, two copies that do not share `.meta()`.
 */
export function findPackageRoot(start: string = __dirname): string {
  return (
    findInOwnPackageJson(start, (dir) =>
      existsSync(path.join(dir, 'sdk', 'index.ts')) ? dir : undefined,
    ) ?? path.resolve(start, '..', '..')
  );
}
