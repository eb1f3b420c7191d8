/**
 * Settings files as a user keeps them, driven through the CLI against the sandbox: a link to a
 * file kept elsewhere, a mode shared with a group, a lock or temporary file left by a killed run.
 * Every writer (token write-back, `sandbox --write-settings` for each connector) goes through the
 * SDK's one writer, so each must keep the link.
 */
import * as fs from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { connectorNames, resolveConnector } from '../../cli/connectors';
import { useCliFixture } from '../helpers/cli-fixture';
import { deadPid } from '../helpers/dead-pid';

const fixture = useCliFixture();

/** Moves the fixture's settings to `real/settings.json` (mode `mode`) and links to it. */
async function linkSettings(mode: number): Promise<string> {
  const target = path.join(fixture.dir, 'real', 'settings.json');
  await fs.rm(path.dirname(target), { recursive: true, force: true });
  await fs.mkdir(path.dirname(target));
  await fs.rename(fixture.settingsFile, target);
  await fs.chmod(target, mode);
  await fs.symlink(path.join('real', 'settings.json'), fixture.settingsFile);
  return target;
}

afterEach(async () => {
  // The next test's settings file is written afresh, not through this test's link.
  await fs.rm(fixture.settingsFile, { force: true });
  await fs.rm(path.join(fixture.dir, 'real'), { recursive: true, force: true });
});

describe('exec writing refreshed tokens back', () => {
  it('writes through a symbolic link, keeps the mode 0640 and warns that the group can read it', async () => {
    const target = await linkSettings(0o640);
    const run = await fixture.exec('test', 'us');
    expect(run.code).toBe(0);
    expect(run.stderr).toContain(
      `warn: Settings file '${fixture.settingsFile}' is readable by group or others (mode 0640)`,
    );
    expect(run.stderr).not.toContain('Saving the refreshed tokens failed');
    expect((await fs.lstat(fixture.settingsFile)).isSymbolicLink()).toBe(true);
    const saved = JSON.parse(await fs.readFile(target, 'utf8'));
    expect(saved.connections.us.access_token).toEqual(expect.any(String));
    expect((await fs.stat(target)).mode & 0o777).toBe(0o640);
  });

  it('prints no warning for a private file', async () => {
    await fs.chmod(fixture.settingsFile, 0o600);
    const run = await fixture.exec('test', 'us');
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
  });

  it('takes over a lock left by a killed run and cleans its temporary file', async () => {
    const pid = await deadPid();
    await fs.writeFile(`${fixture.settingsFile}.lock`, `${pid}\n`);
    const leftover = path.join(fixture.dir, `.settings.json.${pid}.00112233aabb.tmp`);
    await fs.writeFile(leftover, '{"connections": {"us": {');
    const run = await fixture.exec('test', 'us');
    expect(run.code).toBe(0);
    expect(run.stderr).not.toContain('Saving the refreshed tokens failed');
    expect((await fixture.readConnection('us')).access_token).toEqual(expect.any(String));
    const left = await fs.readdir(fixture.dir);
    expect(
      left.filter((name) => name.startsWith('.settings.json') || name.endsWith('.lock')),
    ).toEqual([]);
  });
});

describe.each(connectorNames())('sandbox --connector %s --write-settings', (name) => {
  it('writes through a symbolic link, private (0600)', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'write-settings-link-'));
    try {
      const target = path.join(dir, 'vault', 'settings.json');
      await fs.mkdir(path.dirname(target));
      await fs.writeFile(target, '{}');
      await fs.chmod(target, 0o644);
      const link = path.join(dir, 'settings.json');
      await fs.symlink(target, link);
      let banner = '';
      const stop = new AbortController();
      const running = resolveConnector(name).runSimulator({
        port: 0,
        writeSettings: link,
        stdout: { write: (text: string) => (banner += text) },
        signal: stop.signal,
      });
      try {
        while (!/Ctrl\+C/i.test(banner)) await new Promise((r) => setTimeout(r, 20));
        expect((await fs.lstat(link)).isSymbolicLink()).toBe(true);
        expect((await fs.stat(target)).mode & 0o777).toBe(0o600);
        const written = JSON.parse(await fs.readFile(target, 'utf8'));
        expect(Object.keys(written.connections).length).toBeGreaterThan(0);
      } finally {
        stop.abort();
        await running;
      }
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });
});

describe('hints name the command as it is run (bin/connector), never a bare `connector`', () => {
  it('in an SDK hint (a missing settings file), as text and as JSON', async () => {
    const run = await fixture.cli('exec', 'test', '--settings', 'missing.json');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('(`bin/connector sandbox --write-settings FILE` writes one)');
    expect(run.stderr).not.toMatch(/`connector /);
    const json = await fixture.cli('exec', 'test', '--settings', 'missing.json', '--json');
    expect(JSON.parse(json.stderr).hint).toContain('`bin/connector sandbox --write-settings');
  });

  it('for a connector without a demo', async () => {
    const run = await fixture.cli('demo', '--connector', 'ukg-pro');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Run `bin/connector demo` for the Workday demo.');
  });
});
