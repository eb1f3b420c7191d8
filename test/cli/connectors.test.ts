import * as fs from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { connectorNames, resolveConnector } from '../../cli/connectors';
import { startSandbox } from '../../sandbox/index';
import { writeSettingsFile } from '../../sdk/settings';
import type { SandboxHandle } from '../../sandbox/index';
import { runCliCaptured } from '../helpers/run-cli-captured';

let sandbox: SandboxHandle;
let dir: string;
let settings: string;

beforeAll(async () => {
  sandbox = await startSandbox();
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'cli-connectors-'));
  settings = path.join(dir, 'settings.json');
  await writeSettingsFile(settings, sandbox.settings);
});
afterAll(async () => {
  await sandbox.close();
  await fs.rm(dir, { recursive: true, force: true });
});

describe('the connector registry', () => {
  it('defaults to Workday, whose definition is the top-level connector', () => {
    const entry = resolveConnector(undefined);
    expect(entry.name).toBe('workday');
    expect(entry.load().title).toBe('Workday');
    expect(connectorNames()[0]).toBe('workday');
  });

  it.each(['exec', 'doctor', 'build', 'sandbox', 'oauth2'])(
    '`%s --connector nope` is a usage error naming the connectors there are',
    async (command) => {
      const argv =
        command === 'exec'
          ? ['exec', 'test', '--connector', 'nope']
          : [command, '--connector', 'nope'];
      const run = await runCliCaptured(
        command === 'sandbox' ? argv : [...argv, '--settings', settings],
        { cwd: dir },
      );
      expect(run.code).toBe(2);
      expect(run.stderr).toContain("Unknown connector 'nope'");
      for (const name of connectorNames()) expect(run.stderr).toContain(name);
    },
  );

  it('`exec test --connector workday` is the same run as without the flag', async () => {
    const withFlag = await runCliCaptured(
      ['exec', 'test', '--connector', 'workday', '--settings', settings, '--connection', 'us'],
      { cwd: dir },
    );
    const without = await runCliCaptured(
      ['exec', 'test', '--settings', settings, '--connection', 'us'],
      { cwd: dir },
    );
    expect(withFlag.code).toBe(0);
    expect(JSON.parse(withFlag.stdout)).toEqual(JSON.parse(without.stdout));
    expect(JSON.parse(withFlag.stdout)).toMatchObject({ tenant: 'acme_us' });
  });

  it('`doctor --connector workday` runs the Workday diagnosis (tenant and functional areas)', async () => {
    const run = await runCliCaptured(
      ['doctor', '--connector', 'workday', '--settings', settings, '--connection', 'us', '--json'],
      { cwd: dir },
    );
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as {
      connections: Array<{ tenant: string; checks: Array<{ check: string }> }>;
    };
    expect(report.connections[0]?.tenant).toBe('acme_us');
    expect(report.connections[0]?.checks.map((c) => c.check)).toContain('token facts');
  });

  it('`disconnect` refuses a Workday connection (no revocation endpoint) and changes nothing', async () => {
    const before = await fs.readFile(settings, 'utf8');
    const run = await runCliCaptured(['disconnect', '--settings', settings, '--connection', 'us'], {
      cwd: dir,
    });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('[invalid_settings]');
    expect(run.stderr).toContain('cannot be revoked');
    expect(await fs.readFile(settings, 'utf8')).toBe(before);
  });
});
