import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { copyFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ConnectorError } from '../../sdk/errors';
import { SELF_TEST_SCRIPT } from './self-test-script';

/** How to run the self-test. */
export interface SelfTestOptions {
  /** The bundle to test; it is copied into a fresh temporary directory first. */
  bundleFile: string;
  /** Raw connection values for the bundle's `test` lambda; omitted: only load and list keys. */
  connection?: unknown;
  /**
   * Kill the child after this long.
   * @default 20000
   */
  timeoutMs?: number;
}

/** What the fresh process reported; every field was checked after crossing the process boundary. */
export interface SelfTestReport {
  loaded: boolean;
  loadError?: string;
  title?: string;
  version?: string;
  actions: string[];
  triggers: string[];
  pickLists: string[];
  hasCreateSession: boolean;
  /** Modules the child loaded from outside its own directory (should be none). */
  outsideFiles: string[];
  /** A `node_modules` folder on the child's resolution path, if one exists (should be none). */
  reachableNodeModules?: string;
  /** Outcome of the `test` lambda, when a connection was given. */
  test?: { ok: true; result: unknown } | { ok: false; code: string; message: string };
}

function asStrings(value: unknown): string[] {
  return Array.isArray(value)
    ? value.filter((item): item is string => typeof item === 'string')
    : [];
}

function asRecord(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
}

function parseReport(stdout: string): SelfTestReport {
  let raw: unknown;
  try {
    raw = JSON.parse(stdout);
  } catch {
    throw new ConnectorError('internal', 'The self-test process did not print a JSON report.');
  }
  const body = asRecord(raw);
  const report: SelfTestReport = {
    loaded: body.loaded === true,
    actions: asStrings(body.actions),
    triggers: asStrings(body.triggers),
    pickLists: asStrings(body.pick_lists),
    hasCreateSession: body.hasCreateSession === true,
    outsideFiles: asStrings(body.outsideFiles),
  };
  if (typeof body.loadError === 'string') report.loadError = body.loadError;
  if (typeof body.title === 'string') report.title = body.title;
  if (typeof body.version === 'string') report.version = body.version;
  if (body.test !== undefined) {
    const test = asRecord(body.test);
    report.test =
      test.ok === true
        ? { ok: true, result: test.result }
        : {
            ok: false,
            code: typeof test.code === 'string' ? test.code : 'internal',
            message: typeof test.message === 'string' ? test.message : 'no message',
          };
  }
  return report;
}

/** The first `node_modules` folder Node's resolution would search from `dir`, if any. */
function findReachableNodeModules(dir: string): string | undefined {
  let current = dir;
  for (;;) {
    const candidate = path.join(current, 'node_modules');
    if (existsSync(candidate)) return candidate;
    const parent = path.dirname(current);
    if (parent === current) return undefined;
    current = parent;
  }
}

function runChild(
  script: string,
  cwd: string,
  request: string,
  timeoutMs: number,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    // A clean environment: no NODE_PATH or NODE_OPTIONS (ts-node, loaders) leaking in.
    const env: NodeJS.ProcessEnv = { PATH: process.env.PATH ?? '' };
    if (process.env.SYSTEMROOT !== undefined) env.SYSTEMROOT = process.env.SYSTEMROOT;
    const child = spawn(process.execPath, [script], { cwd, env, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
    child.stdin.end(request);
  });
}

/**
 * Loads the bundle in a fresh `node` process whose working directory is a temporary directory
 * outside the repository (so no `node_modules` resolves), lists the actions and triggers it
 * exposes and, when a connection is given, runs its `test` lambda there.
 *
 * @throws ConnectorError `internal` when the child crashes or prints no report; a bundle that
 *   fails to load or a failing `test` lambda are reported, not thrown.
 */
export async function runSelfTest(options: SelfTestOptions): Promise<SelfTestReport> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'connector-self-test-'));
  try {
    const bundleName = path.basename(options.bundleFile);
    await copyFile(options.bundleFile, path.join(dir, bundleName));
    const script = path.join(dir, 'self-test.cjs');
    await writeFile(script, SELF_TEST_SCRIPT, { mode: 0o600 });
    const request = JSON.stringify({ bundle: bundleName, connection: options.connection });
    const child = await runChild(script, dir, request, options.timeoutMs ?? 20_000);
    if (child.code !== 0)
      throw new ConnectorError(
        'internal',
        `The self-test process exited with code ${String(child.code)}: ${child.stderr.trim().split('\n')[0] ?? ''}`,
      );
    const report = parseReport(child.stdout);
    const reachable = findReachableNodeModules(dir);
    if (reachable !== undefined) report.reachableNodeModules = reachable;
    return report;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
