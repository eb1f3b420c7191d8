/**
 * Smoke test of the bench harness: the whole `bench/` program, transpiled like `npm run build`
 * does (esbuild per file, same layout), runs `--quick` as its own process with the sandbox in a
 * child process. It asserts that every figure ran and that `results.json` has the keys and
 * types issues 7 and 8 require — never timings: speed is not a test assertion.
 */
import { execFile } from 'node:child_process';
import {
  copyFileSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  symlinkSync,
} from 'node:fs';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import { REQUIRED_KEYS } from '../../bench/report';

const run = promisify(execFile);
const ROOT = join(__dirname, '..', '..');
// Every source folder and file tsconfig.build.json compiles (and what they import); read from it,
// so folders that hold no package sources (platform-runtimes/, with its node_modules) stay out.
const SOURCES = (
  JSON.parse(readFileSync(join(ROOT, 'tsconfig.build.json'), 'utf8')) as { include: string[] }
).include;
const OUT = join(ROOT, '.tmp', `bench-smoke-${process.pid}`);

function tsFiles(path: string): string[] {
  if (statSync(path).isFile()) return path.endsWith('.ts') && !path.endsWith('.d.ts') ? [path] : [];
  return readdirSync(path).flatMap((name) => tsFiles(join(path, name)));
}

const NUMBER_KEYS = REQUIRED_KEYS.filter((k) => !['cpu_model', 'node_version', 'date'].includes(k));

describe('npm run bench --quick', () => {
  let results: Record<string, unknown>;
  let stdout: string;

  beforeAll(async () => {
    rmSync(OUT, { recursive: true, force: true });
    mkdirSync(OUT, { recursive: true });
    await build({
      entryPoints: SOURCES.flatMap((s) => tsFiles(join(ROOT, s))),
      outdir: OUT,
      outbase: ROOT,
      format: 'cjs',
      platform: 'node',
      target: 'node20',
      logLevel: 'silent',
    });
    // tsc copies the imported JSON (fixtures, package.json) into dist/; do the same here.
    symlinkSync(join(ROOT, 'fixtures'), join(OUT, 'fixtures'));
    copyFileSync(join(ROOT, 'package.json'), join(OUT, 'package.json'));
    const outFile = join(OUT, 'results.json');
    const child = await run(
      process.execPath,
      [join(OUT, 'bench', 'run.js'), '--quick', '--out', outFile],
      {
        cwd: ROOT,
        timeout: 150_000,
        maxBuffer: 10 * 1024 * 1024,
      },
    );
    stdout = child.stdout;
    results = JSON.parse(readFileSync(outFile, 'utf8')) as Record<string, unknown>;
  }, 180_000);

  afterAll(() => {
    rmSync(OUT, { recursive: true, force: true });
  });

  it('writes every required key, each figure with a number', () => {
    for (const key of REQUIRED_KEYS) expect(results).toHaveProperty(key);
    const missing = NUMBER_KEYS.filter(
      (key) => typeof results[key] !== 'number' || !Number.isFinite(results[key]),
    );
    expect(missing).toEqual([]);
    expect(results.failures).toBe(0);
  });

  it('records the machine and the mode', () => {
    expect(typeof results.cpu_model).toBe('string');
    expect(results.node_version).toBe(process.version);
    expect(Number.isNaN(Date.parse(String(results.date)))).toBe(false);
    expect(results.bench_mode).toBe('quick');
    expect(results.sandbox_process).toBe('child');
  });

  it('reports the counts that are facts, not timings', () => {
    // The refresh storm's token count is read from the sandbox, and every action succeeded.
    expect(results.b2_token_requests).toBe(1);
    expect(results.b2_all_succeeded).toBe(true);
    // Parallel paging returns what sequential paging returns, also under a 429 storm.
    expect(results.b6_search_order_equal).toBe(true);
    expect(results.b6_429_complete_ordered).toBe(true);
    // The baseline of B4 builds the same document as the connector.
    expect(results.b4_same_xml_as_library).toBe(true);
    expect(results.b3_events).toBeGreaterThanOrEqual(450);
    expect(results.b3_events_ordered).toBe(true);
  });

  it('prints one table with a row per figure', () => {
    const header = stdout.split('\n')[0] ?? '';
    expect(header.split(/\s{2,}/)).toEqual([
      'figure',
      'ours',
      'baseline',
      'ratio',
      'target',
      'met?',
    ]);
    for (const figure of ['Sandbox ceiling', 'B1 ', 'B2 ', 'B3 ', 'B4 ', 'B5 ', 'B6 ']) {
      expect(stdout).toContain(figure);
    }
    expect(stdout).not.toContain('FAILED');
    expect(relative(ROOT, OUT)).toMatch(/^\.tmp/);
  });
});
