import * as fs from 'node:fs/promises';
import { encryptSettingsFile, generateMasterKey, loadSettings } from '../../sdk/settings';
import { useCliFixture } from '../helpers/cli-fixture';
import { runCliCaptured } from '../helpers/run-cli-captured';

const fixture = useCliFixture();

describe('an encrypted settings file', () => {
  it('stays encrypted when doctor writes the new tokens back, and no value leaks', async () => {
    const key = generateMasterKey();
    const env = { CONNECTOR_MASTER_KEY: key };
    await encryptSettingsFile(fixture.settingsFile, key, { env: {}, cwd: fixture.dir });

    const { code, stdout } = await runCliCaptured(
      ['doctor', '--settings', 'settings.json', '--connection', 'us', '--json'],
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
