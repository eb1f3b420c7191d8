import * as fs from 'node:fs/promises';
import { runCli } from '../../cli/run';
import { encryptSettingsFile, generateMasterKey, loadSettings } from '../../sdk/settings';
import { startCliFixture } from '../doctor/support/cli-fixture';
import type { CliFixture } from '../doctor/support/cli-fixture';

let fixture: CliFixture;

beforeAll(async () => {
  fixture = await startCliFixture();
});

afterAll(async () => {
  await fixture.close();
});

describe('an encrypted settings file', () => {
  it('stays encrypted when doctor writes the new tokens back, and no value leaks', async () => {
    fixture.sandbox.reset();
    await fixture.writeSettings();
    const key = generateMasterKey();
    const env = { CONNECTOR_MASTER_KEY: key };
    await encryptSettingsFile(fixture.settingsFile, key, { env: {}, cwd: fixture.dir });

    let stdout = '';
    const code = await runCli(
      ['doctor', '--settings', 'settings.json', '--connection', 'us', '--json'],
      { stdout: (t) => (stdout += t), stderr: () => undefined },
      { cwd: fixture.dir, env },
    );
    expect(code).toBe(0);

    const raw = await fs.readFile(fixture.settingsFile, 'utf8');
    expect(JSON.parse(raw)).toMatchObject({
      format: 'connector-settings-encrypted',
      alg: 'aes-256-gcm',
    });
    const store = await loadSettings(fixture.settingsFile, { env, cwd: fixture.dir });
    const us = store.getConnection('us');
    expect(typeof us.access_token).toBe('string');
    for (const secret of [...fixture.secrets(), String(us.access_token), key]) {
      expect(raw).not.toContain(secret);
      expect(stdout).not.toContain(secret);
    }
  });
});
