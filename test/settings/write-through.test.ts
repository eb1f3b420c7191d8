import * as fs from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadSettings, writeFileAtomic, writeSettingsFile } from '../../sdk/settings';
import { deadPid } from '../helpers/dead-pid';

let dir: string;

beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'settings-write-through-'));
});

afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

const modeOf = async (file: string) => (await fs.stat(file)).mode & 0o777;

/** `dir/real/settings.json` with `content` and `mode`, and `dir/settings.json` linking to it. */
async function linkedSettings(content: unknown, mode: number) {
  const target = path.join(dir, 'real', 'settings.json');
  await fs.mkdir(path.dirname(target));
  await fs.writeFile(target, JSON.stringify(content));
  await fs.chmod(target, mode);
  const link = path.join(dir, 'settings.json');
  await fs.symlink(path.join('real', 'settings.json'), link);
  return { target, link };
}

describe('writing a settings file through a symbolic link', () => {
  it('replaces the file the link points to and keeps the link and the mode', async () => {
    const { target, link } = await linkedSettings({ a: 1 }, 0o640);
    await writeFileAtomic(link, '{"a":2}');
    expect((await fs.lstat(link)).isSymbolicLink()).toBe(true);
    expect(await fs.readlink(link)).toBe(path.join('real', 'settings.json'));
    expect(await fs.readFile(target, 'utf8')).toBe('{"a":2}');
    expect(await modeOf(target)).toBe(0o640);
    expect((await fs.readdir(path.join(dir, 'real'))).sort()).toEqual(['settings.json']);
  });

  it('writes a token back through the link (SettingsStore.updateConnection)', async () => {
    const { target, link } = await linkedSettings(
      { connections: { us: { client_id: 'c' } } },
      0o600,
    );
    const store = await loadSettings(link);
    await store.updateConnection('us', { access_token: 'new-token' });
    expect((await fs.lstat(link)).isSymbolicLink()).toBe(true);
    expect(JSON.parse(await fs.readFile(target, 'utf8'))).toEqual({
      connections: { us: { client_id: 'c', access_token: 'new-token' } },
    });
    // The lock sat beside the target, and is gone.
    expect(await fs.readdir(path.join(dir, 'real'))).toEqual(['settings.json']);
  });

  it('follows a chain of links and creates the file a dangling link names', async () => {
    const target = path.join(dir, 'real', 'settings.json');
    await fs.mkdir(path.dirname(target));
    await fs.symlink(target, path.join(dir, 'second.json'));
    await fs.symlink('second.json', path.join(dir, 'first.json'));
    await writeFileAtomic(path.join(dir, 'first.json'), 'created');
    expect(await fs.readFile(target, 'utf8')).toBe('created');
    expect(await modeOf(target)).toBe(0o600);
    expect((await fs.lstat(path.join(dir, 'first.json'))).isSymbolicLink()).toBe(true);
  });

  it('refuses a loop of links without writing', async () => {
    await fs.symlink('b.json', path.join(dir, 'a.json'));
    await fs.symlink('a.json', path.join(dir, 'b.json'));
    await expect(writeFileAtomic(path.join(dir, 'a.json'), 'x')).rejects.toMatchObject({
      code: 'ELOOP',
    });
    expect((await fs.readdir(dir)).sort()).toEqual(['a.json', 'b.json']);
  });
});

describe('the mode of a written settings file', () => {
  it('keeps the mode of an existing file on write-back (0644 stays 0644)', async () => {
    const file = path.join(dir, 'settings.json');
    await fs.writeFile(file, JSON.stringify({ client_id: 'a' }));
    await fs.chmod(file, 0o644);
    const store = await loadSettings(file);
    await store.updateConnection(undefined, { access_token: 'x' });
    expect(await modeOf(file)).toBe(0o644);
  });

  it('creates a new file 0600 whatever the umask', async () => {
    const previous = process.umask(0);
    try {
      await writeFileAtomic(path.join(dir, 'new.json'), '{}');
    } finally {
      process.umask(previous);
    }
    expect(await modeOf(path.join(dir, 'new.json'))).toBe(0o600);
  });

  it('keeps a group-shared mode that the umask would cut (0660 under umask 022)', async () => {
    const file = path.join(dir, 'settings.json');
    await fs.writeFile(file, '{}');
    await fs.chmod(file, 0o660);
    const previous = process.umask(0o022);
    try {
      await writeFileAtomic(file, '{"a":1}');
    } finally {
      process.umask(previous);
    }
    expect(await modeOf(file)).toBe(0o660);
  });

  it('writeSettingsFile makes the file 0600 through a link, over a looser one, creating folders', async () => {
    const { target, link } = await linkedSettings({}, 0o644);
    await writeSettingsFile(link, { connections: { us: { client_secret: 's' } } });
    expect((await fs.lstat(link)).isSymbolicLink()).toBe(true);
    expect(await modeOf(target)).toBe(0o600);
    expect(JSON.parse(await fs.readFile(target, 'utf8'))).toEqual({
      connections: { us: { client_secret: 's' } },
    });
    const nested = path.join(dir, 'a', 'b', 'settings.json');
    await writeSettingsFile(nested, { connections: {} });
    expect(await modeOf(nested)).toBe(0o600);
  });
});

describe('temporary files of an interrupted write', () => {
  it('are removed by the next write when their process is gone; a live one is left', async () => {
    const file = path.join(dir, 'settings.json');
    await fs.writeFile(file, '{}');
    const dead = `.settings.json.${await deadPid()}.0123456789ab.tmp`;
    const live = `.settings.json.${process.pid}.ba9876543210.tmp`;
    const other = `.other.json.${await deadPid()}.0123456789ab.tmp`;
    for (const name of [dead, live, other]) await fs.writeFile(path.join(dir, name), 'partial');
    await writeFileAtomic(file, '{"a":1}');
    expect((await fs.readdir(dir)).sort()).toEqual([live, other, 'settings.json'].sort());
  });

  it('are removed beside the target of a link', async () => {
    const { target, link } = await linkedSettings({}, 0o600);
    const dead = path.join(dir, 'real', `.settings.json.${await deadPid()}.0123456789ab.tmp`);
    await fs.writeFile(dead, 'partial');
    const store = await loadSettings(link);
    await store.updateConnection(undefined, { access_token: 't' });
    expect(await fs.readdir(path.dirname(target))).toEqual(['settings.json']);
  });
});
