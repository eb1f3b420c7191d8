import * as fsPromises from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadSettings, writeFileAtomic } from '../../sdk/settings';
import type { SettingsFs } from '../../sdk/settings';

let dir: string;

beforeEach(async () => {
  dir = await fsPromises.mkdtemp(path.join(os.tmpdir(), 'atomic-write-'));
});

afterEach(async () => {
  await fsPromises.rm(dir, { recursive: true, force: true });
});

const failingRename: SettingsFs = {
  ...fsPromises,
  rename: async () => {
    throw Object.assign(new Error('injected: disk full'), { code: 'ENOSPC' });
  },
};

describe('writeFileAtomic()', () => {
  it('replaces the file, keeping its mode, and leaves no temporary file', async () => {
    const file = path.join(dir, 'x.json');
    await fsPromises.writeFile(file, 'old');
    await fsPromises.chmod(file, 0o640);
    await writeFileAtomic(file, 'new');
    expect(await fsPromises.readFile(file, 'utf8')).toBe('new');
    expect((await fsPromises.stat(file)).mode & 0o777).toBe(0o640);
    expect(await fsPromises.readdir(dir)).toEqual(['x.json']);
  });

  it('gives a file the mode asked for (0600 over a looser one)', async () => {
    const file = path.join(dir, 'x.json');
    await fsPromises.writeFile(file, 'old');
    await fsPromises.chmod(file, 0o644);
    await writeFileAtomic(file, 'new', { mode: 0o600 });
    expect((await fsPromises.stat(file)).mode & 0o777).toBe(0o600);
  });

  it('keeps the old content and removes the temporary file when the rename fails', async () => {
    const file = path.join(dir, 'x.json');
    await fsPromises.writeFile(file, 'old');
    await expect(writeFileAtomic(file, 'new', { fs: failingRename })).rejects.toThrow(
      'injected: disk full',
    );
    expect(await fsPromises.readFile(file, 'utf8')).toBe('old');
    expect(await fsPromises.readdir(dir)).toEqual(['x.json']);
  });

  it('wrote the new content to a temporary file in the same directory before renaming', async () => {
    const file = path.join(dir, 'x.json');
    const seen: Array<{ from: string; content: string }> = [];
    const spying: SettingsFs = {
      ...fsPromises,
      rename: async (from, to) => {
        seen.push({ from: String(from), content: await fsPromises.readFile(from, 'utf8') });
        await fsPromises.rename(from, to);
      },
    };
    await writeFileAtomic(file, 'content', { fs: spying });
    expect(seen).toHaveLength(1);
    expect(path.dirname(seen[0]?.from ?? '')).toBe(dir);
    expect(seen[0]?.content).toBe('content');
  });
});

describe('SettingsStore.updateConnection() on a failed write', () => {
  it('leaves the settings file intact, no temporary file, and memory unchanged', async () => {
    const file = path.join(dir, 'settings.json');
    const original = JSON.stringify({ connections: { us: { refresh_token: 'old-token' } } });
    await fsPromises.writeFile(file, original);
    const store = await loadSettings(file, { fs: failingRename });
    await expect(store.updateConnection('us', { refresh_token: 'new-token' })).rejects.toThrow(
      'injected: disk full',
    );
    expect(await fsPromises.readFile(file, 'utf8')).toBe(original);
    expect(await fsPromises.readdir(dir)).toEqual(['settings.json']);
    expect(store.getConnection('us').refresh_token).toBe('old-token');
  });
});
