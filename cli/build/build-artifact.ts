import { rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { bundleConnector } from './bundle';
import { loadBundle } from './load-bundle';
import { createManifest } from './manifest';
import { findPackageRoot } from './package-root';
import { runSelfTest } from './self-test';
import { makeOutputDir } from './make-output-dir';
import type { BuildProblem, Manifest } from './manifest-types';
import type { SelfTestReport } from './self-test';

/** The file names of the upload artifact. */
export const BUNDLE_FILE = 'connector.js';
export const MANIFEST_FILE = 'manifest.json';

/** What to build and how to test it. */
export interface BuildArtifactOptions {
  /** Directory relative paths resolve against. */
  cwd: string;
  /**
   * Output directory.
   * @default 'dist/upload'
   */
  out?: string;
  /**
   * The module whose default export is the connector definition.
   * @default 'connector.ts'
   */
  entry?: string;
  /**
   * The SDK sources bundled with the connector.
   * @default the `sdk/` folder of this package
   */
  sdkDir?: string;
  /** A connection whose `test` lambda the self-test runs; omitted: the bundle is only loaded. */
  selfTestConnection?: { name: string; connection: unknown };
  /**
   * Kill the self-test process after this long.
   * @default 20000
   */
  selfTestTimeoutMs?: number;
}

/** One line of the self-test outcome. */
export interface SelfTestCheck {
  name: string;
  ok: boolean;
  detail: string;
  /** The ConnectorError code the bundle's `test` lambda failed with (failed `test` check only). */
  code?: string;
}

/** Everything the build did, for the summary and for tests. */
export interface BuildReport {
  ok: boolean;
  outDir: string;
  files: Array<{ file: string; bytes: number }>;
  /** Source modules bundled. */
  modules: number;
  manifest?: Manifest;
  problems: BuildProblem[];
  selfTest: SelfTestCheck[];
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((item, index) => item === b[index]);
}

function describeKeys(report: SelfTestReport): string {
  const count = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  return `${count(report.actions.length, 'action')}, ${count(report.triggers.length, 'trigger')}, ${count(report.pickLists.length, 'pick list')}`;
}

/** A one-line, non-JSON account of what the `test` lambda returned. */
export function summarizeValue(value: unknown, max = 100): string {
  let text: string;
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    text = Object.entries(value)
      .filter(([, v]) => ['string', 'number', 'boolean'].includes(typeof v))
      .map(([k, v]) => `${k}=${String(v)}`)
      .join(' ');
  } else {
    text = String(value);
  }
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

function checkSelfTest(
  report: SelfTestReport,
  manifest: Manifest,
  connectionName: string | undefined,
): SelfTestCheck[] {
  const checks: SelfTestCheck[] = [];
  if (!report.loaded) {
    checks.push({
      name: 'load',
      ok: false,
      detail: `bundle failed to load: ${report.loadError ?? 'unknown'}`,
    });
    return checks;
  }
  const outside = report.outsideFiles[0];
  const isolated = outside === undefined && report.reachableNodeModules === undefined;
  checks.push({
    name: 'load',
    ok: isolated,
    detail: isolated
      ? 'loads in a fresh node process with no node_modules reachable'
      : outside !== undefined
        ? `the bundle loaded "${outside}" from outside its directory`
        : `"${report.reachableNodeModules ?? ''}" is reachable from the temporary directory, so independence is unproven`,
  });
  const actionsMatch = sameList(
    report.actions,
    manifest.actions.map((a) => a.key),
  );
  const triggersMatch = sameList(
    report.triggers,
    manifest.triggers.map((t) => t.key),
  );
  const picksMatch = sameList(report.pickLists, manifest.pick_lists);
  const keysOk = actionsMatch && triggersMatch && picksMatch;
  checks.push({
    name: 'keys',
    ok: keysOk,
    detail: keysOk
      ? `exposes the manifest's ${describeKeys(report)}`
      : `exposes ${describeKeys(report)} that differ from the manifest (${[
          actionsMatch ? '' : `actions: ${report.actions.join(', ')}`,
          triggersMatch ? '' : `triggers: ${report.triggers.join(', ')}`,
          picksMatch ? '' : `pick lists: ${report.pickLists.join(', ')}`,
        ]
          .filter((part) => part !== '')
          .join('; ')})`,
  });
  if (!report.hasCreateSession)
    checks.push({ name: 'runtime', ok: false, detail: 'the bundle does not export createSession' });
  if (connectionName !== undefined) {
    const test = report.test;
    checks.push(
      test === undefined
        ? { name: 'test', ok: false, detail: `the test lambda did not run for '${connectionName}'` }
        : test.ok
          ? {
              name: 'test',
              ok: true,
              detail: `test lambda for '${connectionName}' passed: ${summarizeValue(test.result)}`,
            }
          : {
              name: 'test',
              ok: false,
              detail: `test lambda for '${connectionName}' failed: [${test.code}] ${test.message}`,
              code: test.code,
            },
    );
  }
  return checks;
}

/**
 * Builds the upload artifact: bundles the connector with esbuild into `connector.js`, describes
 * it in `manifest.json` (checking each `sample_output` against its schemas), then self-tests the
 * bundle in a fresh `node` process. A failed check removes the artifact, so no half-checked
 * upload is left behind.
 */
export async function buildArtifact(options: BuildArtifactOptions): Promise<BuildReport> {
  const outDir = path.resolve(options.cwd, options.out ?? path.join('dist', 'upload'));
  const bundleFile = path.join(outDir, BUNDLE_FILE);
  const manifestFile = path.join(outDir, MANIFEST_FILE);
  await makeOutputDir(outDir);
  await rm(manifestFile, { force: true });

  const bundled = await bundleConnector({
    entry: options.entry ?? 'connector.ts',
    sdkDir: options.sdkDir ?? path.join(findPackageRoot(), 'sdk'),
    outFile: bundleFile,
    cwd: options.cwd,
  });
  const { definition, tools } = loadBundle(bundleFile);
  const { manifest, problems } = createManifest(definition, tools, {
    file: BUNDLE_FILE,
    bytes: bundled.bytes,
    sha256: bundled.sha256,
  });
  const report: BuildReport = {
    ok: false,
    outDir,
    files: [],
    modules: bundled.inputCount,
    manifest,
    problems,
    selfTest: [],
  };
  if (problems.length === 0) {
    await writeFile(manifestFile, `${JSON.stringify(manifest, null, 2)}\n`);
    const selfTest = await runSelfTest({
      bundleFile,
      ...(options.selfTestConnection === undefined
        ? {}
        : { connection: options.selfTestConnection.connection }),
      ...(options.selfTestTimeoutMs === undefined ? {} : { timeoutMs: options.selfTestTimeoutMs }),
    });
    report.selfTest = checkSelfTest(selfTest, manifest, options.selfTestConnection?.name);
  }
  report.ok = problems.length === 0 && report.selfTest.every((check) => check.ok);
  if (!report.ok) {
    await Promise.all(
      [bundleFile, bundled.mapFile, manifestFile].map((file) => rm(file, { force: true })),
    );
    return report;
  }
  for (const file of [bundleFile, bundled.mapFile, manifestFile])
    report.files.push({ file, bytes: (await stat(file)).size });
  return report;
}
