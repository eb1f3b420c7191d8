import { readFileSync } from 'node:fs';
import path from 'node:path';
import { buildExitCode } from '../../cli/commands/build';
import { buildProgram } from '../../cli/program';
import { runCliCaptured } from '../helpers/run-cli-captured';
import type { BuildReport } from '../../cli/build/build-artifact';

const ROOT = path.resolve(__dirname, '..', '..');

function reportWith(overrides: Partial<BuildReport>): BuildReport {
  return {
    ok: false,
    outDir: '/tmp/out',
    files: [],
    modules: 1,
    problems: [],
    selfTest: [
      { name: 'load', ok: true, detail: 'loads' },
      { name: 'keys', ok: true, detail: 'keys' },
    ],
    ...overrides,
  };
}

describe('connector build exit codes', () => {
  const failedTest = (code: string) => ({
    name: 'test',
    ok: false,
    detail: `test lambda for 'us' failed: [${code}] no`,
    code,
  });

  it.each([
    ['reauthorization_required', 3],
    ['invalid_client', 3],
    ['remote_error', 4],
    ['transport', 4],
    ['invalid_settings', 2],
    ['internal', 1],
    ['not_a_code', 1],
  ])('a failed connection test with %s exits %i', (code, exitCode) => {
    const report = reportWith({
      selfTest: [...reportWith({}).selfTest, failedTest(code)],
    });
    expect(buildExitCode(report)).toBe(exitCode);
  });

  it('exits 1 when the bundle itself is broken, whatever the connection test said', () => {
    const report = reportWith({
      problems: [{ where: 'actions.x', message: 'sample_output does not match' }],
      selfTest: [
        { name: 'load', ok: false, detail: 'bundle failed to load' },
        failedTest('transport'),
      ],
    });
    expect(buildExitCode(report)).toBe(1);
    expect(
      buildExitCode(
        reportWith({
          selfTest: [{ name: 'keys', ok: false, detail: 'differ' }, failedTest('transport')],
        }),
      ),
    ).toBe(1);
  });

  it('refuses an unknown sandbox connection as invalid_input with a hint, honouring --json', async () => {
    const { code, stdout, stderr } = await runCliCaptured(
      ['build', '--connection', 'nope', '--json'],
      { cwd: ROOT, env: {} },
    );
    expect(code).toBe(2);
    expect(stdout).toBe('');
    const printed = JSON.parse(stderr) as { code: string; message: string; hint?: string };
    expect(printed.code).toBe('invalid_input');
    expect(printed.message).toMatch(/^The sandbox has no connection 'nope'; it has: us, /);
    expect(printed.hint).toContain('--connection');

    const plain = await runCliCaptured(['build', '--connection', 'nope'], { cwd: ROOT, env: {} });
    expect(plain.stderr).toMatch(/^error \[invalid_input\]: The sandbox has no connection 'nope'/);
    expect(plain.stderr).toMatch(/\nhint: Pass --connection with one of the listed names/);
  });
});

describe('README "Build and upload"', () => {
  const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const start = readme.indexOf('## Build and upload');
  const section = readme.slice(start, readme.indexOf('\n## ', start + 1));
  const build = buildProgram(() => undefined).commands.find((c) => c.name() === 'build');

  // Derived from the program, so a new flag fails here until it is documented.
  it.each(
    (build?.options ?? [])
      .filter((option) => !['--verbose', '--json'].includes(option.long ?? ''))
      .map((option) => [option.long ?? '', option.defaultValue as unknown]),
  )('documents %s and its default', (flag, defaultValue) => {
    const row = section.split('\n').find((line) => line.startsWith(`| \`${flag}`));
    expect(row).toBeDefined();
    if (typeof defaultValue === 'string') expect(row).toContain(`\`${defaultValue}\``);
  });

  it('says that a source map is written and which files to upload', () => {
    expect(section).toContain('connector.js.map');
    expect(section).toMatch(/Upload `connector\.js` and `manifest\.json`/);
  });
});
