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

  it('hints that there is nothing to do when the file is already encrypted (exit 2)', async () => {
    const key = generateMasterKey();
    expect((await cli(['settings', 'encrypt'], { CONNECTOR_MASTER_KEY: key })).code).toBe(0);
    const again = await cli(['settings', 'encrypt'], { CONNECTOR_MASTER_KEY: key });
    expect(again.code).toBe(2);
    expect(again.stderr).toBe(
      `error [invalid_settings]: Settings file '${file}' is already encrypted.\n` +
        'hint: Nothing to do: the file is encrypted already (`bin/connector settings decrypt` turns it back into plain JSON).\n',
    );
  });

  it('hints that there is nothing to do when the file is not encrypted (exit 2)', async () => {
    const result = await cli(['settings', 'decrypt']);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      `error [invalid_settings]: Settings file '${file}' is not encrypted.\n` +
        'hint: Nothing to do: the file is plain JSON already (`bin/connector settings encrypt` encrypts it).\n',
    );
  });

  it('hints at the expected shape when the file does not hold a JSON object (exit 2)', async () => {
    await fs.writeFile(file, '["not", "an", "object"]');
    const result = await cli(['settings', 'decrypt']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/must hold a JSON object of connection values\.\n/);
    expect(result.stderr).toMatch(/\nhint: .*\{"connections": \{"NAME": \{\.\.\.\}\}\}\.\n$/);
  });
});
