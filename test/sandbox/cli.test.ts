import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SandboxHandle } from '../../sandbox';
import { runSandboxCommand } from '../../sandbox/cli';
import { writeSettingsFile } from '../../sdk/settings';

describe('runSandboxCommand()', () => {
  let dir: string;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'sandbox-cli-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('prints endpoints and demo logins, writes the settings file, and stops on abort', async () => {
    const output: string[] = [];
    const controller = new AbortController();
    let handle: SandboxHandle | undefined;
    const path = join(dir, 'settings.json');
    const running = runSandboxCommand({
      port: 0,
      writeSettings: path,
      saveSettings: writeSettingsFile,
      faults: 'latencyMs=1,latencyMatch=workers',
      stdout: { write: (text: string) => output.push(text) },
      signal: controller.signal,
      onReady: (sandbox) => {
        handle = sandbox;
      },
    });
    await new Promise<void>((resolve) => {
      const wait = (): void => (handle === undefined ? void setTimeout(wait, 5) : resolve());
      wait();
    });
    const sandbox = handle!;
    const text = output.join('');
    expect(text).toContain(`Workday sandbox listening on ${sandbox.origin}`);
    expect(text).toContain(`token     ${sandbox.origin}/ccx/oauth2/acme_emea/token`);
    for (const name of ['us', 'emea', 'us_limited', 'us_user', 'us_client_at_emea'])
      expect(text).toContain(`  ${name} `);
    expect(text).toMatch(/acme_us\s+lmcneil\s+Sandbox-Demo-1/);
    expect(text).toContain(`written to ${path} (mode 0600)`);
    for (const connection of Object.values(sandbox.settings.connections)) {
      expect(text).not.toContain(connection.client_secret);
      if (connection.refresh_token !== undefined)
        expect(text).not.toContain(connection.refresh_token);
    }
    expect(text).not.toContain(sandbox.users.ISU_Connector_US!.password);
    expect((await stat(path)).mode & 0o777).toBe(0o600);
    expect(JSON.parse(await readFile(path, 'utf8'))).toEqual(sandbox.settings);
    const faults = await (await fetch(`${sandbox.origin}/_sandbox/faults`)).json();
    expect(faults).toEqual({ latencyMs: 1, latencyMatch: 'workers' });

    controller.abort();
    await running;
    await expect(fetch(`${sandbox.origin}/_sandbox/state`)).rejects.toThrow();
  });

  it('closes on SIGTERM', async () => {
    let handle: SandboxHandle | undefined;
    const running = runSandboxCommand({
      stdout: { write: () => true },
      onReady: (sandbox) => {
        handle = sandbox;
        // Emitted to the listeners only: the jest worker itself is not signalled.
        setImmediate(() => process.emit('SIGTERM'));
      },
    });
    await running;
    expect(handle).toBeDefined();
    await expect(fetch(`${handle!.origin}/_sandbox/state`)).rejects.toThrow();
    expect(process.listenerCount('SIGTERM')).toBe(0);
  });

  it('refuses an invalid fault spec before starting', async () => {
    await expect(runSandboxCommand({ faults: 'latencyMs=-5' })).rejects.toThrow(
      "Fault spec 'latencyMs' is invalid",
    );
  });
});
