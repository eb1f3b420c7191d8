import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  ENCRYPTED_FORMAT,
  decryptSettingsFile,
  encryptSettingsFile,
  generateMasterKey,
  loadSettings,
} from '../../sdk/settings';

let dir: string;
let work: string;
let secret: string;
let file: string;
const noEnv = {};

beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'settings-enc-'));
  // A separate "working directory" so master.key lookups in cwd are under the test's control.
  work = await fs.mkdtemp(path.join(os.tmpdir(), 'settings-cwd-'));
  secret = randomBytes(16).toString('hex');
  file = path.join(dir, 'settings.json');
  await fs.writeFile(
    file,
    JSON.stringify({ connections: { us: { client_id: 'us', client_secret: secret } } }),
  );
});

afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
  await fs.rm(work, { recursive: true, force: true });
});

async function readEnvelope(): Promise<Record<string, string>> {
  return JSON.parse(await fs.readFile(file, 'utf8')) as Record<string, string>;
}

describe('encrypted settings', () => {
  it('round-trips with a hex key from CONNECTOR_MASTER_KEY', async () => {
    const hexKey = generateMasterKey();
    expect(hexKey).toMatch(/^[0-9a-f]{64}$/);
    await encryptSettingsFile(file, hexKey);
    const raw = await fs.readFile(file, 'utf8');
    expect(raw).not.toContain(secret);
    expect(raw).not.toContain('client_id');
    const envelope = JSON.parse(raw) as Record<string, unknown>;
    expect(Object.keys(envelope).sort()).toEqual(['alg', 'data', 'format', 'iv', 'tag', 'version']);
    expect(envelope).toMatchObject({ format: ENCRYPTED_FORMAT, version: 1, alg: 'aes-256-gcm' });
    expect(Buffer.from(envelope.iv as string, 'base64')).toHaveLength(12);
    expect(Buffer.from(envelope.tag as string, 'base64')).toHaveLength(16);

    const store = await loadSettings(file, { env: { CONNECTOR_MASTER_KEY: hexKey }, cwd: work });
    expect(store.encrypted).toBe(true);
    expect(store.getConnection('us')).toEqual({ client_id: 'us', client_secret: secret });
  });

  it('round-trips with a base64 key', async () => {
    const key = randomBytes(32);
    await encryptSettingsFile(file, key.toString('base64'));
    const store = await loadSettings(file, {
      env: { CONNECTOR_MASTER_KEY: key.toString('base64') },
      cwd: work,
    });
    expect(store.getConnection('us').client_secret).toBe(secret);
    // The same bytes given as hex decrypt it too: both spellings name one key.
    const again = await loadSettings(file, {
      env: { CONNECTOR_MASTER_KEY: key.toString('hex') },
      cwd: work,
    });
    expect(again.getConnection('us').client_secret).toBe(secret);
  });

  it('finds master.key beside the settings file', async () => {
    const key = generateMasterKey();
    await fs.writeFile(path.join(dir, 'master.key'), `${key}\n`);
    await encryptSettingsFile(file, key);
    const store = await loadSettings(file, { env: noEnv, cwd: work });
    expect(store.getConnection('us').client_secret).toBe(secret);
  });

  it('falls back to master.key in the working directory', async () => {
    const key = generateMasterKey();
    await fs.writeFile(path.join(work, 'master.key'), key);
    await encryptSettingsFile(file, key);
    const store = await loadSettings(file, { env: noEnv, cwd: work });
    expect(store.getConnection('us').client_secret).toBe(secret);
  });

  it('says so when an encrypted file has no key anywhere', async () => {
    await encryptSettingsFile(file, generateMasterKey());
    await expect(loadSettings(file, { env: noEnv, cwd: work })).rejects.toMatchObject({
      code: 'invalid_settings',
      message: `Settings file '${file}' is encrypted but no master key was found.`,
    });
  });

  it('refuses a malformed key without quoting it', async () => {
    await encryptSettingsFile(file, generateMasterKey());
    const badKey = 'not-a-key-' + randomBytes(4).toString('hex');
    const error = await loadSettings(file, {
      env: { CONNECTOR_MASTER_KEY: badKey },
      cwd: work,
    }).catch((e: unknown) => e as Error);
    expect(error).toMatchObject({
      code: 'invalid_settings',
      message: 'Master key from CONNECTOR_MASTER_KEY is not a 32-byte key.',
    });
    expect(JSON.stringify(error)).not.toContain(badKey);
  });

  it('refuses a wrong key', async () => {
    await encryptSettingsFile(file, generateMasterKey());
    await expect(
      loadSettings(file, { env: { CONNECTOR_MASTER_KEY: generateMasterKey() }, cwd: work }),
    ).rejects.toMatchObject({
      code: 'invalid_settings',
      message: `Settings file '${file}' could not be decrypted: wrong key or the file was modified.`,
    });
  });

  it.each(['data', 'iv', 'tag'])('refuses the file when one byte of %s changed', async (field) => {
    const key = generateMasterKey();
    await encryptSettingsFile(file, key);
    const envelope = await readEnvelope();
    const bytes = Buffer.from(envelope[field] as string, 'base64');
    bytes[bytes.length - 1] = (bytes[bytes.length - 1] as number) ^ 0x01;
    envelope[field] = bytes.toString('base64');
    await fs.writeFile(file, JSON.stringify(envelope));
    await expect(
      loadSettings(file, { env: { CONNECTOR_MASTER_KEY: key }, cwd: work }),
    ).rejects.toThrow('could not be decrypted: wrong key or the file was modified.');
  });

  it.each([
    ['format', 'connector-settings-encryptex'],
    ['alg', 'aes-128-gcm'],
    ['version', 2],
  ])('refuses an envelope whose %s was changed', async (field, value) => {
    const key = generateMasterKey();
    await encryptSettingsFile(file, key);
    const envelope: Record<string, unknown> = await readEnvelope();
    envelope[field] = value;
    await fs.writeFile(file, JSON.stringify(envelope));
    await expect(
      loadSettings(file, { env: { CONNECTOR_MASTER_KEY: key }, cwd: work }),
    ).rejects.toThrow('could not be decrypted');
  });

  it('refuses non-canonical base64 (a changed padding character)', async () => {
    const key = generateMasterKey();
    await encryptSettingsFile(file, key);
    const envelope = await readEnvelope();
    // 12 bytes encode to 16 characters without padding, so append junk the decoder would skip.
    envelope.iv = `${envelope.iv as string}!`;
    await fs.writeFile(file, JSON.stringify(envelope));
    await expect(
      loadSettings(file, { env: { CONNECTOR_MASTER_KEY: key }, cwd: work }),
    ).rejects.toThrow('could not be decrypted');
  });

  it('keeps the file encrypted when a rotated token is written back', async () => {
    const key = generateMasterKey();
    await fs.chmod(file, 0o600);
    await encryptSettingsFile(file, key);
    const first = await readEnvelope();
    const options = { env: { CONNECTOR_MASTER_KEY: key }, cwd: work };
    const store = await loadSettings(file, options);
    const rotated = randomBytes(16).toString('hex');
    await store.updateConnection('us', { refresh_token: rotated });
    const raw = await fs.readFile(file, 'utf8');
    expect(raw).not.toContain(rotated);
    const second = JSON.parse(raw) as Record<string, string>;
    expect(second.format).toBe(ENCRYPTED_FORMAT);
    // GCM must never reuse a nonce under one key.
    expect(second.iv).not.toBe(first.iv);
    expect((await loadSettings(file, options)).getConnection('us')).toEqual({
      client_id: 'us',
      client_secret: secret,
      refresh_token: rotated,
    });
    expect((await fs.stat(file)).mode & 0o777).toBe(0o600);
  });

  it('decrypts a file back to plain JSON', async () => {
    const key = generateMasterKey();
    const before = await fs.readFile(file, 'utf8');
    await encryptSettingsFile(file, key);
    await decryptSettingsFile(file, { key });
    expect(await fs.readFile(file, 'utf8')).toBe(before);
  });

  it('keeps the mode of an encrypted file, and makes the decrypted plain text private (0600)', async () => {
    const key = generateMasterKey();
    await fs.chmod(file, 0o644);
    await encryptSettingsFile(file, key);
    expect((await fs.stat(file)).mode & 0o777).toBe(0o644);
    await decryptSettingsFile(file, { key });
    expect((await fs.stat(file)).mode & 0o777).toBe(0o600);
  });

  it('refuses to encrypt twice or decrypt a plain file', async () => {
    const key = generateMasterKey();
    await expect(decryptSettingsFile(file, { key })).rejects.toThrow(
      `Settings file '${file}' is not encrypted.`,
    );
    await encryptSettingsFile(file, key);
    await expect(encryptSettingsFile(file, key)).rejects.toThrow(
      `Settings file '${file}' is already encrypted.`,
    );
  });

  it('refuses to encrypt malformed settings', async () => {
    await fs.writeFile(file, '{"client_id": ');
    await expect(encryptSettingsFile(file, generateMasterKey())).rejects.toMatchObject({
      code: 'invalid_settings',
    });
    expect(await fs.readFile(file, 'utf8')).toBe('{"client_id": ');
  });

  it('refuses to encrypt valid JSON that is not settings, leaving it plain', async () => {
    await fs.writeFile(file, '{"connections": []}');
    await expect(encryptSettingsFile(file, generateMasterKey())).rejects.toThrow(
      `Settings file '${file}' has a "connections" entry that is not an object of named connections.`,
    );
    expect(await fs.readFile(file, 'utf8')).toBe('{"connections": []}');
  });

  it('refuses to encrypt an encrypted file even when no key is at hand', async () => {
    const key = generateMasterKey();
    await encryptSettingsFile(file, key);
    const sealed = await fs.readFile(file, 'utf8');
    await expect(
      encryptSettingsFile(file, generateMasterKey(), { env: noEnv, cwd: work }),
    ).rejects.toThrow(`Settings file '${file}' is already encrypted.`);
    expect(await fs.readFile(file, 'utf8')).toBe(sealed);
  });
});
