import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { generateMasterKey, loadSettings } from '../../sdk/settings';
import { runCliCaptured } from '../helpers/run-cli-captured';

let dir: string;
let file: string;
let secret: string;

beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'cli-settings-'));
  file = path.join(dir, 'settings.json');
  secret = randomBytes(16).toString('hex');
  await fs.writeFile(file, JSON.stringify({ client_id: 'c', client_secret: secret }));
});

afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

async function cli(argv: string[], env: Record<string, string> = {}) {
  return runCliCaptured(argv, { cwd: dir, env });
}

describe('connector settings encrypt|decrypt', () => {
  it('creates master.key (0600) when there is no key, encrypts, then decrypts', async () => {
    const encrypted = await cli(['settings', 'encrypt']);
    const keyFile = path.join(dir, 'master.key');
    expect(encrypted).toEqual({
      code: 0,
      stdout: '',
      stderr: `Wrote a new master key to ${keyFile}; keep it out of version control.\nEncrypted ${file}.\n`,
    });
    expect((await fs.stat(keyFile)).mode & 0o777).toBe(0o600);
    expect(await fs.readFile(file, 'utf8')).not.toContain(secret);
    const store = await loadSettings(file, { env: {}, cwd: dir });
    expect(store.getConnection().client_secret).toBe(secret);

    const decrypted = await cli(['settings', 'decrypt', '--settings', 'settings.json']);
    expect(decrypted.code).toBe(0);
    expect(JSON.parse(await fs.readFile(file, 'utf8'))).toEqual({
      client_id: 'c',
      client_secret: secret,
    });
  });

  it('uses CONNECTOR_MASTER_KEY and writes no key file', async () => {
    const key = generateMasterKey();
    const result = await cli(['settings', 'encrypt'], { CONNECTOR_MASTER_KEY: key });
    expect(result).toEqual({ code: 0, stdout: '', stderr: `Encrypted ${file}.\n` });
    await expect(fs.stat(path.join(dir, 'master.key'))).rejects.toMatchObject({ code: 'ENOENT' });
    const wrong = await cli(['settings', 'decrypt'], { CONNECTOR_MASTER_KEY: generateMasterKey() });
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toBe(
      `error [invalid_settings]: Settings file '${file}' could not be decrypted: wrong key or the file was modified.\n` +
        'hint: Check CONNECTOR_MASTER_KEY or master.key; if the file was edited, restore it or write it again.\n',
    );
  });

  it('leaves no master.key behind when the settings file cannot be encrypted', async () => {
    await fs.writeFile(file, '{ broken');
    const result = await cli(['settings', 'encrypt']);
    expect(result.code).toBe(2);
    expect(await fs.readdir(dir)).toEqual(['settings.json']);
  });
});
