// Keeps `dist/` (what `npm run build` writes and the spawned CLI runs) in step with the sources.
// Jest's globalSetup calls buildDistIfStale() once per run, before any worker starts, so no suite
// ever sees a half-written dist/ from a build started by another suite.
import { spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  rmSync,
  rmdirSync,
  statSync,
  utimesSync,
} from 'node:fs';
import path from 'node:path';

/** The repository root. */
export const ROOT = path.resolve(__dirname, '..', '..');

/** The compiled CLI entry point `npm start` runs; its mtime marks when dist/ was last built. */
export const CLI_MAIN = path.join(ROOT, 'dist', 'cli', 'main.js');

/** The environment variable through which a failed build reaches the suites that need dist/. */
export const DIST_BUILD_ERROR_ENV = 'TEST_DIST_BUILD_ERROR';

const BUILD_CONFIG = 'tsconfig.build.json';

// Another jest run in the same working tree may be building too; a directory is created
// atomically, so it serves as a lock between processes.
const LOCK_DIR = path.join(ROOT, '.tmp', 'dist-build.lock');
const LOCK_STALE_MS = 180_000;
const LOCK_POLL_MS = 100;

/**
 * Everything whose change can change dist/: the paths tsconfig.build.json includes, the two
 * tsconfig files (one extends the other), package.json and fixtures/ (imported JSON is copied).
 */
export function distInputs(): string[] {
  const config = JSON.parse(readFileSync(path.join(ROOT, BUILD_CONFIG), 'utf8')) as {
    include?: unknown;
  };
  const include = Array.isArray(config.include)
    ? config.include.filter((entry): entry is string => typeof entry === 'string')
    : [];
  if (include.length === 0) throw new Error(`${BUILD_CONFIG} has no "include" list.`);
  return [...include, BUILD_CONFIG, 'tsconfig.json', 'package.json', 'fixtures'].map((entry) =>
    path.join(ROOT, entry),
  );
}

/**
 * The newest mtime under `entry`: of .ts/.json files and of directories too, because a renamed or
 * deleted source changes only its directory's mtime (a rename keeps the file's own).
 */
function newestMtime(entry: string): number {
  if (!existsSync(entry)) return 0;
  const stats = statSync(entry);
  if (!stats.isDirectory()) return /\.(ts|json)$/.test(entry) ? stats.mtimeMs : 0;
  return Math.max(
    stats.mtimeMs,
    ...readdirSync(entry).map((name) => newestMtime(path.join(entry, name))),
  );
}

/** True when dist/ is missing or older than any of {@link distInputs}. */
export function distIsStale(): boolean {
  if (!existsSync(CLI_MAIN)) return true;
  const built = statSync(CLI_MAIN).mtimeMs;
  return distInputs().some((input) => newestMtime(input) > built);
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

async function acquireLock(): Promise<void> {
  mkdirSync(path.dirname(LOCK_DIR), { recursive: true });
  for (;;) {
    try {
      mkdirSync(LOCK_DIR);
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    // A run killed mid-build leaves its lock behind; a build never takes this long.
    const age = Date.now() - (statSync(LOCK_DIR, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
    if (age > LOCK_STALE_MS) rmSync(LOCK_DIR, { recursive: true, force: true });
    await sleep(LOCK_POLL_MS);
  }
}

/**
 * Runs `tsc -p tsconfig.build.json` (`npm run build`) when dist/ is stale, holding a lock so two
 * jest runs never build at once. Resolves to the build's error output when it failed, else
 * undefined. After a successful build, CLI_MAIN's mtime is set back to when the build started, so
 * a source saved during the build still counts as newer next time; after a failed one it is set
 * to the epoch, so the next run builds again.
 */
export async function buildDistIfStale(): Promise<string | undefined> {
  if (!distIsStale()) return undefined;
  await acquireLock();
  try {
    // The run that held the lock may have just built it.
    if (!distIsStale()) return undefined;
    const started = new Date();
    const tsc = require.resolve('typescript/bin/tsc');
    const result = spawnSync(process.execPath, [tsc, '-p', BUILD_CONFIG], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    const ok = result.status === 0 && existsSync(CLI_MAIN);
    if (existsSync(CLI_MAIN)) {
      const mark = ok ? started : new Date(0);
      utimesSync(CLI_MAIN, mark, mark);
    }
    if (ok) return undefined;
    const output = `${result.stdout ?? ''}${result.stderr ?? ''}${result.error?.message ?? ''}`;
    return `npm run build failed:\n${output.slice(0, 2000)}`;
  } finally {
    rmdirSync(LOCK_DIR);
  }
}
