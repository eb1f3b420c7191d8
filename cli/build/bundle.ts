import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { isBuiltin } from 'node:module';
import path from 'node:path';
import { build } from 'esbuild';
import type { Message } from 'esbuild';
import { ConnectorError } from '../../sdk/errors';

/** Where the bundle's parts come from. */
export interface BundleOptions {
  /** The module whose default export is the connector definition (`connector.ts`). */
  entry: string;
  /** The SDK folder whose `index.ts` (runtime) and `schema/index.ts` the bundle re-exports. */
  sdkDir: string;
  /** The bundle to write (`dist/upload/connector.js`); a `.map` is written beside it. */
  outFile: string;
  /** Directory imports and tsconfig are resolved from. */
  cwd: string;
  /**
   * The entry module's source, for bundles that export something else (a platform target's
   * runtime); its imports resolve from `cwd`.
   * @default the connector, `createSession` and the schema export
   */
  contents?: string;
}

/** What was written. */
export interface BundleResult {
  outFile: string;
  mapFile: string;
  bytes: number;
  sha256: string;
  /** Source modules that went into the bundle. */
  inputCount: number;
}

function importPath(from: string, to: string): string {
  const relative = path.relative(from, to).split(path.sep).join('/');
  return relative.startsWith('.') ? relative : `./${relative}`;
}

function formatMessage(message: Message): string {
  const at = message.location;
  return at === null ? message.text : `${at.file}:${at.line}:${at.column + 1}: ${message.text}`;
}

/**
 * Packages bundled twice, once as CommonJS and once as ES module (the same file stem as `.cjs`
 * and `.js`/`.mjs`): happens when one module `require`s a package that another `import`s. Two
 * copies of zod would not share `.meta()` or `instanceof`, so the build refuses it.
 */
export function findDualFormatPackages(inputs: readonly string[]): string[] {
  const stems = new Map<string, Set<string>>();
  for (const input of inputs) {
    const match = /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\/(.*)\.(cjs|mjs|js)$/.exec(input);
    if (match === null) continue;
    const [, pkg = '', stem = '', ext = ''] = match;
    const key = `${pkg}\0${stem}`;
    const formats = stems.get(key) ?? new Set<string>();
    formats.add(ext === 'cjs' ? 'cjs' : 'esm');
    stems.set(key, formats);
  }
  const dual = new Set<string>();
  for (const [key, formats] of stems)
    if (formats.size > 1) dual.add((key.split('\0')[0] ?? '').replace(/^.*node_modules\//, ''));
  return [...dual];
}

/**
 * The entry the bundle is built from. Besides the definition it exports the SDK runtime and
 * schema export it was built with, so a process holding only `connector.js` can run the
 * connector (`createSession`) and describe its schemas with the zod copy that knows their meta.
 */
function entrySource(options: BundleOptions): string {
  const entry = importPath(options.cwd, path.resolve(options.cwd, options.entry));
  const sdk = importPath(options.cwd, path.join(options.sdkDir, 'index'));
  const schema = importPath(options.cwd, path.join(options.sdkDir, 'schema', 'index'));
  return [
    `export { default, default as connector } from ${JSON.stringify(entry)};`,
    `export { createSession } from ${JSON.stringify(sdk)};`,
    `export { toWorkatoFields, toJsonSchema, secretFieldNames } from ${JSON.stringify(schema)};`,
  ].join('\n');
}

/**
 * Bundles a connector and the SDK runtime into one self-contained CommonJS file with esbuild
 * (node platform, target node20, every package inlined so no `node_modules` is needed at run
 * time, not minified, names kept, external source map).
 *
 * @throws ConnectorError `invalid_input` naming the file and line esbuild could not bundle, or
 *   the package left outside the bundle.
 */
export async function bundleConnector(options: BundleOptions): Promise<BundleResult> {
  const mapFile = `${options.outFile}.map`;
  let metafile;
  try {
    const result = await build({
      stdin: {
        contents: options.contents ?? entrySource(options),
        resolveDir: options.cwd,
        sourcefile: 'upload-entry.ts',
        loader: 'ts',
      },
      absWorkingDir: options.cwd,
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      minify: false,
      keepNames: true,
      sourcemap: 'linked',
      // Paths are enough to map a stack trace; inlining every source would triple the upload.
      sourcesContent: false,
      outfile: options.outFile,
      metafile: true,
      logLevel: 'silent',
    });
    metafile = result.metafile;
  } catch (error) {
    const errors = (error as { errors?: Message[] }).errors ?? [];
    const first = errors[0];
    throw new ConnectorError(
      'invalid_input',
      `esbuild could not bundle "${options.entry}": ${first === undefined ? String(error) : formatMessage(first)}`,
      {
        hint: 'Fix the source error above; `npx tsc -p tsconfig.json --noEmit` shows it with context.',
        details: { errors: errors.map(formatMessage) },
      },
    );
  }
  const outputs = Object.values(metafile.outputs);
  const leftOut = outputs
    .flatMap((output) => output.imports)
    .filter((imported) => imported.external && !isBuiltin(imported.path))
    .map((imported) => imported.path);
  if (leftOut.length > 0)
    throw new ConnectorError(
      'invalid_input',
      `The bundle would need "${leftOut[0]}" from node_modules at run time.`,
      {
        hint: 'Every package must be inlined; do not mark packages external.',
        details: { leftOut },
      },
    );
  const dual = findDualFormatPackages(Object.keys(metafile.inputs));
  if (dual.length > 0)
    throw new ConnectorError(
      'invalid_input',
      `The bundle holds two copies of "${dual[0]}" (its CommonJS and its ES module build).`,
      {
        hint: 'Bundle the TypeScript sources, not compiled dist/ files, and import the package the same way everywhere.',
        details: { packages: dual },
      },
    );
  const content = await readFile(options.outFile);
  return {
    outFile: options.outFile,
    mapFile,
    bytes: content.length,
    sha256: createHash('sha256').update(content).digest('hex'),
    inputCount: Object.keys(metafile.inputs).length,
  };
}
