// bin/connector is how the README runs the CLI: instant, a path (so it cannot resolve to another
// npm package), and working right after `npm ci` (whose `prepare` script builds dist/).
import { spawn, spawnSync } from 'node:child_process';
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { ROOT } from '../helpers/build-dist';
import { ensureDist } from '../helpers/ensure-dist';

const WRAPPER = path.join(ROOT, 'bin', 'connector');
const PACKAGE_VERSION = (
  JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }
).version;

function run(wrapper: string, args: string[], cwd: string) {
  return spawnSync(wrapper, args, { cwd, encoding: 'utf8', timeout: 30_000 });
}

/** A copy of the wrapper in a scratch tree shaped like the repository, without dist/. */
function scratchTree(): { root: string; wrapper: string } {
  const root = mkdtempSync(path.join(tmpdir(), 'bin-connector-'));
  mkdirSync(path.join(root, 'bin'));
  const wrapper = path.join(root, 'bin', 'connector');
  copyFileSync(WRAPPER, wrapper);
  return { root, wrapper };
}

describe('bin/connector', () => {
  const scratch: string[] = [];
  afterAll(() => {
    for (const dir of scratch) rmSync(dir, { recursive: true, force: true });
  });

  it('is an executable file, so a fresh clone can run it as bin/connector', () => {
    expect(statSync(WRAPPER).mode & 0o111).toBe(0o111);
  });

  it('runs the compiled CLI from any working directory', () => {
    ensureDist();
    const outside = mkdtempSync(path.join(tmpdir(), 'bin-connector-cwd-'));
    scratch.push(outside);
    const result = run(WRAPPER, ['--version'], outside);
    expect({ status: result.status, stdout: result.stdout }).toEqual({
      status: 0,
      stdout: `${PACKAGE_VERSION}\n`,
    });
  });

  it('says how to build dist/ when it is missing, and exits 1', () => {
    const { root, wrapper } = scratchTree();
    scratch.push(root);
    const result = run(wrapper, ['--version'], root);
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(path.join('dist', 'cli', 'main.js'));
    expect(result.stderr).toMatch(/hint: Run `npm ci` \(or `npm run build`\)/);
  });

  it('passes its arguments on, and warns when a source is newer than dist/', () => {
    const { root, wrapper } = scratchTree();
    scratch.push(root);
    mkdirSync(path.join(root, 'dist', 'cli'), { recursive: true });
    const main = path.join(root, 'dist', 'cli', 'main.js');
    writeFileSync(main, 'process.stdout.write(JSON.stringify(process.argv.slice(2)));\n');
    mkdirSync(path.join(root, 'cli'));
    writeFileSync(path.join(root, 'cli', 'changed.ts'), 'export {};\n');
    const past = new Date(Date.now() - 60_000);
    utimesSync(main, past, past);

    const stale = run(wrapper, ['exec', 'test', '--json'], root);
    expect(stale.status).toBe(0);
    expect(JSON.parse(stale.stdout)).toEqual(['exec', 'test', '--json']);
    expect(stale.stderr).toContain(`dist/ is older than ${path.join('cli', 'changed.ts')}`);
    expect(stale.stderr).toContain('npm run build');

    // Built after the change: no warning.
    const later = new Date(Date.now() + 60_000);
    utimesSync(main, later, later);
    const fresh = run(wrapper, ['--version'], root);
    expect({ status: fresh.status, stderr: fresh.stderr }).toEqual({ status: 0, stderr: '' });
  });

  // `bin/connector ... | head` closes the pipe early: the command must keep its own exit code
  // (and run to its end) instead of dying of an unhandled EPIPE with exit 1 and a stack trace.
  function runWithClosedReader(closedStream: 'stdout' | 'stderr', args: string[]) {
    return new Promise<{ code: number | null; other: string }>((resolve, reject) => {
      const child = spawn(WRAPPER, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
      // Closed before the child has started, so its first write hits a pipe with no reader.
      child[closedStream].destroy();
      let other = '';
      child[closedStream === 'stdout' ? 'stderr' : 'stdout'].on('data', (chunk: Buffer) => {
        other += chunk.toString();
      });
      child.on('error', reject);
      child.on('close', (code) => resolve({ code, other }));
    });
  }

  it("exits with the command's own code when the reader of stdout goes away", async () => {
    ensureDist();
    const result = await runWithClosedReader('stdout', ['--help']);
    expect(result).toEqual({ code: 0, other: '' });
  });

  it("exits with the command's own code when the reader of stderr goes away", async () => {
    ensureDist();
    const missing = path.join(tmpdir(), 'bin-connector-no-such-settings.json');
    const result = await runWithClosedReader('stderr', [
      'exec',
      'actions.search_inbox_tasks',
      '--settings',
      missing,
    ]);
    // 2: the settings problem found before any request, as the README says.
    expect(result).toEqual({ code: 2, other: '' });
  });
});
