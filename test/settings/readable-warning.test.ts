import * as fs from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { encryptSettingsFile, generateMasterKey, loadSettings } from '../../sdk/settings';

const SECRET = 'client-secret-value-0123456789';
let dir: string;
let file: string;

beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'settings-readable-'));
  file = path.join(dir, 'settings.json');
  await fs.writeFile(file, JSON.stringify({ client_id: 'c', client_secret: SECRET }));
});

afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

async function warningsFor(mode: number, options: { env?: Record<string, string> } = {}) {
  await fs.chmod(file, mode);
  const warnings: string[] = [];
  await loadSettings(file, {
    env: options.env ?? {},
    cwd: dir,
    onWarning: (m) => warnings.push(m),
  });
  return warnings;
}

describe('loadSettings() warns when others can read the secrets', () => {
  it.each([
    ['0644', 0o644],
    ['0640', 0o640],
    ['0604', 0o604],
  ])('a plain settings file of mode %s', async (_label, mode) => {
    const warnings = await warningsFor(mode);
    expect(warnings).toEqual([
      expect.stringContaining(`Settings file '${file}' is readable by group or others`),
    ]);
    expect(warnings[0]).toContain(`mode 0${mode.toString(8)}`);
    expect(warnings[0]).toContain(`chmod 600 '${file}'`);
    expect(warnings[0]).not.toContain(SECRET);
  });

  it('not for a private file (0600), nor one only its group may write (0620)', async () => {
    expect(await warningsFor(0o600)).toEqual([]);
    expect(await warningsFor(0o620)).toEqual([]);
  });

  it('not for a plain file that holds no secret; yes for a field the connector marks secret', async () => {
    await fs.writeFile(file, JSON.stringify({ connections: { prd: { ti: 'ACME_PRD', cs: 'x' } } }));
    await fs.chmod(file, 0o644);
    const warnings: string[] = [];
    const onWarning = (m: string) => warnings.push(m);
    await loadSettings(file, { env: {}, cwd: dir, onWarning });
    expect(warnings).toEqual([]);
    await loadSettings(file, { env: {}, cwd: dir, onWarning, secretFields: ['cs'] });
    expect(warnings).toHaveLength(1);
  });

  it('through a symbolic link: the mode of the file it points to counts', async () => {
    await fs.chmod(file, 0o644);
    const link = path.join(dir, 'link.json');
    await fs.symlink('settings.json', link);
    const warnings: string[] = [];
    await loadSettings(link, { env: {}, cwd: dir, onWarning: (m) => warnings.push(m) });
    expect(warnings).toHaveLength(1);
  });

  it('for an encrypted file, only when its master.key is readable by others', async () => {
    const key = generateMasterKey();
    const keyFile = path.join(dir, 'master.key');
    await fs.writeFile(keyFile, `${key}\n`);
    await fs.chmod(keyFile, 0o600);
    await encryptSettingsFile(file, key);
    // The envelope is useless without the key: a readable envelope alone is no warning.
    expect(await warningsFor(0o644)).toEqual([]);
    await fs.chmod(keyFile, 0o644);
    const warnings = await warningsFor(0o600);
    expect(warnings).toEqual([
      expect.stringContaining(`Master key file '${keyFile}' is readable by group or others`),
    ]);
    expect(warnings[0]).toContain(`chmod 600 '${keyFile}'`);
    expect(warnings[0]).not.toContain(key);
    // A key from the environment has no file to warn about.
    expect(await warningsFor(0o600, { env: { CONNECTOR_MASTER_KEY: key } })).toEqual([]);
  });
});
