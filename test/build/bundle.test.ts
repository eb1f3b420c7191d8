import { findDualFormatPackages } from '../../cli/build/bundle';

describe('findDualFormatPackages()', () => {
  it('names a package bundled as both its CommonJS and its ES module build', () => {
    expect(
      findDualFormatPackages([
        'node_modules/zod/v4/classic/schemas.js',
        'node_modules/zod/v4/classic/schemas.cjs',
        'node_modules/axios/dist/node/axios.cjs',
        'sdk/index.ts',
      ]),
    ).toEqual(['zod']);
  });

  it('handles scoped packages and nested node_modules', () => {
    expect(
      findDualFormatPackages([
        'node_modules/a/node_modules/@scope/pkg/index.mjs',
        'node_modules/a/node_modules/@scope/pkg/index.cjs',
      ]),
    ).toEqual(['@scope/pkg']);
  });

  it('accepts one format per package, even with files of both kinds under different names', () => {
    expect(
      findDualFormatPackages([
        'node_modules/zod/v4/classic/schemas.js',
        'node_modules/zod/v4/core/core.js',
        'node_modules/axios/dist/node/axios.cjs',
        'node_modules/axios/lib/helpers/other.js',
      ]),
    ).toEqual([]);
  });
});
