import { existsSync } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { runCliCaptured } from '../helpers/run-cli-captured';

const ROOT = path.resolve(__dirname, '..', '..');
let out: string;

beforeEach(async () => {
  out = await mkdtemp(path.join(os.tmpdir(), 'zapier-target-'));
});
afterEach(() => rm(out, { recursive: true, force: true }));

const run = (argv: string[]) => runCliCaptured(argv, { cwd: ROOT, env: {} });

describe('connector build --target zapier', () => {
  it('writes one app per requested option, and only those', async () => {
    const { code, stdout } = await run([
      'build',
      '--target',
      'zapier',
      '--option',
      'refresh_token',
      '--out',
      out,
    ]);
    expect(code).toBe(0);
    expect(await readdir(out)).toEqual(['refresh_token']);
    expect((await readdir(path.join(out, 'refresh_token'))).sort()).toEqual([
      '.zapierapprc',
      'connector.js',
      'index.js',
      'package.json',
    ]);
    expect(stdout).toMatch(
      /session auth \(option refresh_token\), 1 trigger\(s\), 6 search\(es\), 4 create\(s\), 4 pick list trigger\(s\)/,
    );
  });

  it('writes both options side by side by default', async () => {
    const { code } = await run(['build', '--target', 'zapier', '--out', out]);
    expect(code).toBe(0);
    expect((await readdir(out)).sort()).toEqual(['authorization_code', 'refresh_token']);
    expect(existsSync(path.join(out, 'connector.js'))).toBe(false);
  });

  it('builds another connector (--connector): one app per authorization option, each its Zapier kind', async () => {
    const { code, stdout } = await run([
      'build',
      '--target',
      'zapier',
      '--connector',
      'ukg-pro',
      '--out',
      out,
    ]);
    expect(code).toBe(0);
    expect((await readdir(out)).sort()).toEqual(['client_credentials', 'web_service_account']);
    expect(stdout).toMatch(
      /basic auth \(option web_service_account\), 0 trigger\(s\), 4 search\(es\), 1 create\(s\)/,
    );
    expect(stdout).toMatch(/session auth \(option client_credentials\)/);
  });

  it('refuses an unknown option, naming the known ones, and writes nothing', async () => {
    const { code, stderr } = await run([
      'build',
      '--target',
      'zapier',
      '--option',
      'api_key',
      '--out',
      out,
    ]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/The connector has no authorization option "api_key"/);
    expect(stderr).toMatch(/hint: Use --option with one of: authorization_code, refresh_token/);
    expect(await readdir(out)).toEqual([]);
  });

  it('refuses an unknown target and --option without --target zapier', async () => {
    const unknown = await run(['build', '--target', 'lambda', '--out', out]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/Unknown build target "lambda"/);
    expect(unknown.stderr).toMatch(/one of: bundle, zapier/);
    const stray = await run(['build', '--option', 'refresh_token', '--out', out]);
    expect(stray.code).toBe(2);
    expect(stray.stderr).toMatch(/--option only applies to --target zapier/);
  });
});
