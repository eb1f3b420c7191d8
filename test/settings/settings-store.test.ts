import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadSettings } from '../../sdk/settings';

let dir: string;

beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'settings-store-'));
});

afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

async function writeJson(name: string, value: unknown): Promise<string> {
  const file = path.join(dir, name);
  await fs.writeFile(file, JSON.stringify(value));
  return file;
}

describe('loadSettings()', () => {
  it('reads a file holding one unnamed connection', async () => {
    const file = await writeJson('one.json', { client_id: 'abc', rest_api_endpoint: 'https://x' });
    const store = await loadSettings(file);
    expect(store.encrypted).toBe(false);
    expect(store.connectionNames()).toEqual([]);
    expect(store.getConnection()).toEqual({ client_id: 'abc', rest_api_endpoint: 'https://x' });
  });

  it('refuses a connection name for a file with one unnamed connection', async () => {
    const file = await writeJson('one.json', { client_id: 'abc' });
    const store = await loadSettings(file);
    expect(() => store.getConnection('us')).toThrow(
      expect.objectContaining({ code: 'invalid_settings' }),
    );
  });

  it('reads named connections and picks one by name', async () => {
    const file = await writeJson('named.json', {
      connections: { us: { client_id: 'us-client' }, emea: { client_id: 'emea-client' } },
    });
    const store = await loadSettings(file);
    expect(store.connectionNames()).toEqual(['us', 'emea']);
    expect(store.getConnection('emea')).toEqual({ client_id: 'emea-client' });
    expect(store.getConnection('us')).toEqual({ client_id: 'us-client' });
  });

  it('uses the only named connection when no name is given', async () => {
    const file = await writeJson('named.json', { connections: { us: { client_id: 'u' } } });
    const store = await loadSettings(file);
    expect(store.resolveConnectionName()).toBe('us');
    expect(store.getConnection()).toEqual({ client_id: 'u' });
  });

  it('requires a name when several connections exist, listing them', async () => {
    const file = await writeJson('named.json', { connections: { us: {}, emea: {} } });
    const store = await loadSettings(file);
    expect(() => store.getConnection()).toThrow(
      `Settings file '${file}' holds several connections; choose one of: us, emea.`,
    );
  });

  it('refuses an unknown connection name, listing the names', async () => {
    const file = await writeJson('named.json', { connections: { us: {}, emea: {} } });
    const store = await loadSettings(file);
    let caught: unknown;
    try {
      store.getConnection('apac');
    } catch (error) {
      caught = error;
    }
    expect(caught).toMatchObject({
      code: 'invalid_settings',
      message: `Settings file '${file}' has no connection 'apac'; it has: us, emea.`,
    });
  });

  it('does not treat inherited object keys as connection names', async () => {
    const file = await writeJson('named.json', { connections: { us: {} } });
    const store = await loadSettings(file);
    expect(() => store.getConnection('toString')).toThrow(/has no connection 'toString'/);
  });

  it('returns a copy, so callers cannot change the stored values', async () => {
    const file = await writeJson('one.json', { client_id: 'abc' });
    const store = await loadSettings(file);
    store.getConnection().client_id = 'changed';
    expect(store.getConnection().client_id).toBe('abc');
  });

  it('names the file and the position of malformed JSON without printing values', async () => {
    const secret = `s3cr3t-${randomBytes(8).toString('hex')}`;
    const file = path.join(dir, 'bad.json');
    // Line 3 holds an unquoted value: JSON.parse's own message would quote it.
    await fs.writeFile(file, `{\n  "client_id": "x",\n  "client_secret": ${secret}\n}\n`);
    const error = await loadSettings(file).then(
      () => undefined,
      (e: unknown) => e as Error & { code: string },
    );
    expect(error?.code).toBe('invalid_settings');
    expect(error?.message).toBe(
      `Settings file '${file}' is not valid JSON at line 3, column 20 (position 41).`,
    );
    expect(JSON.stringify(error)).not.toContain(secret);
    expect(String(error?.message)).not.toContain('s3cr3t');
  });

  it('reports truncated JSON at its end', async () => {
    const file = path.join(dir, 'cut.json');
    await fs.writeFile(file, '{"connections": {"us": {"client_id": "x"');
    await expect(loadSettings(file)).rejects.toThrow(
      `Settings file '${file}' is not valid JSON at line 1, column 41 (position 40).`,
    );
  });

  it('refuses an empty file', async () => {
    const file = path.join(dir, 'empty.json');
    await fs.writeFile(file, '');
    await expect(loadSettings(file)).rejects.toMatchObject({
      code: 'invalid_settings',
      message: `Settings file '${file}' is not valid JSON at line 1, column 1 (position 0).`,
    });
  });

  it.each([
    ['an array', []],
    ['null', null],
    ['a string', 'x'],
  ])('refuses a document that is %s', async (_label, value) => {
    const file = await writeJson('odd.json', value);
    await expect(loadSettings(file)).rejects.toMatchObject({
      code: 'invalid_settings',
      message: `Settings file '${file}' must hold a JSON object of connection values.`,
    });
  });

  it('refuses "connections" that is not an object, and a connection that is not one', async () => {
    const a = await writeJson('a.json', { connections: ['us'] });
    await expect(loadSettings(a)).rejects.toMatchObject({ code: 'invalid_settings' });
    const b = await writeJson('b.json', { connections: { us: 'x' } });
    await expect(loadSettings(b)).rejects.toThrow(
      `Settings file '${b}' has a connection 'us' that is not an object.`,
    );
    const c = await writeJson('c.json', { connections: {} });
    await expect(loadSettings(c)).rejects.toThrow(`Settings file '${c}' has no connections.`);
  });

  it('names a missing file', async () => {
    const file = path.join(dir, 'nope.json');
    await expect(loadSettings(file)).rejects.toMatchObject({
      code: 'invalid_settings',
      message: `Settings file '${file}' does not exist.`,
    });
  });

  it('accepts a byte-order mark', async () => {
    const file = path.join(dir, 'bom.json');
    await fs.writeFile(file, '\uFEFF{"client_id": "a"}');
    expect((await loadSettings(file)).getConnection()).toEqual({ client_id: 'a' });
  });
});

describe('SettingsStore.updateConnection()', () => {
  it('writes a rotated refresh token back into the named connection only', async () => {
    const oldToken = randomBytes(16).toString('hex');
    const newToken = randomBytes(16).toString('hex');
    const file = await writeJson('named.json', {
      comment: 'kept',
      connections: {
        us: { client_id: 'us', refresh_token: oldToken },
        emea: { client_id: 'emea', refresh_token: 'emea-token' },
      },
    });
    const store = await loadSettings(file);
    await store.updateConnection('us', {
      refresh_token: newToken,
      access_token: 'at',
      access_token_expires_at: '2030-01-01T00:00:00.000Z',
      ignored: undefined,
    });
    const onDisk = JSON.parse(await fs.readFile(file, 'utf8')) as unknown;
    expect(onDisk).toEqual({
      comment: 'kept',
      connections: {
        us: {
          client_id: 'us',
          refresh_token: newToken,
          access_token: 'at',
          access_token_expires_at: '2030-01-01T00:00:00.000Z',
        },
        emea: { client_id: 'emea', refresh_token: 'emea-token' },
      },
    });
    expect(store.getConnection('us').refresh_token).toBe(newToken);
    // A fresh load sees the same.
    expect((await loadSettings(file)).getConnection('us').refresh_token).toBe(newToken);
  });

  it('updates a single unnamed connection', async () => {
    const file = await writeJson('one.json', { client_id: 'a', refresh_token: 'old1' });
    const store = await loadSettings(file);
    await store.updateConnection(undefined, { refresh_token: 'new1' });
    expect(JSON.parse(await fs.readFile(file, 'utf8'))).toEqual({
      client_id: 'a',
      refresh_token: 'new1',
    });
  });

  it('keeps the mode the owner gave the file (issue 11: 0640 for a group stays 0640)', async () => {
    const file = await writeJson('one.json', { client_id: 'a' });
    await fs.chmod(file, 0o640);
    const store = await loadSettings(file);
    await store.updateConnection(undefined, { access_token: 'x' });
    expect((await fs.stat(file)).mode & 0o777).toBe(0o640);
  });

  it('serialises concurrent updates so none is lost', async () => {
    const file = await writeJson('one.json', { client_id: 'a' });
    const store = await loadSettings(file);
    await Promise.all(
      Array.from({ length: 10 }, (_, i) => store.updateConnection(undefined, { [`k${i}`]: i })),
    );
    const onDisk = JSON.parse(await fs.readFile(file, 'utf8')) as Record<string, unknown>;
    expect(Object.keys(onDisk).sort()).toEqual(
      ['client_id', ...Array.from({ length: 10 }, (_, i) => `k${i}`)].sort(),
    );
  });

  it('refuses an unknown connection name without writing', async () => {
    const file = await writeJson('named.json', { connections: { us: { a: 1 } } });
    const before = await fs.readFile(file, 'utf8');
    const store = await loadSettings(file);
    await expect(store.updateConnection('emea', { a: 2 })).rejects.toThrow(
      /has no connection 'emea'/,
    );
    expect(await fs.readFile(file, 'utf8')).toBe(before);
  });
});
