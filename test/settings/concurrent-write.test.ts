import { fork } from 'node:child_process';
import * as fsPromises from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadSettings, nodeSettingsFs, withFileLock } from '../../sdk/settings';
import { deadPid } from '../helpers/dead-pid';

let dir: string;
let file: string;

beforeEach(async () => {
  dir = await fsPromises.mkdtemp(path.join(os.tmpdir(), 'settings-concurrent-'));
  file = path.join(dir, 'settings.json');
  await fsPromises.writeFile(
    file,
    JSON.stringify({ connections: { us: { client_id: 'us-client' }, emea: { client_id: 'e' } } }),
  );
});

afterEach(async () => {
  await fsPromises.rm(dir, { recursive: true, force: true });
});

describe('SettingsStore.updateConnection() with several writers', () => {
  it('keeps what another store saved after this one was loaded', async () => {
    // Two loads of one file stand for two processes (e.g. `oauth2` waiting on a sign-in while
    // an `exec` refreshes a token): each write must patch the file, not its stale copy.
    const first = await loadSettings(file);
    const second = await loadSettings(file);
    await second.updateConnection('emea', { access_token: 'emea-token' });
    await first.updateConnection('us', { refresh_token: 'us-refresh' });
    const saved = JSON.parse(await fsPromises.readFile(file, 'utf8'));
    expect(saved.connections.emea).toEqual({ client_id: 'e', access_token: 'emea-token' });
    expect(saved.connections.us).toEqual({ client_id: 'us-client', refresh_token: 'us-refresh' });
    expect(await fsPromises.readdir(dir)).toEqual(['settings.json']);
  });

  it('loses no update when two processes write the same file at once', async () => {
    const script = path.join(dir, 'writer.js');
    const settingsModule = require.resolve('../../sdk/settings');
    // Real separate processes, each loading the TypeScript module through ts-node. Both load the
    // file first and start writing only when told, so their writes overlap.
    const tsNode = require.resolve('ts-node');
    await fsPromises.writeFile(
      script,
      [
        `require(${JSON.stringify(tsNode)}).register({ transpileOnly: true });`,
        `const { loadSettings } = require(${JSON.stringify(settingsModule)});`,
        'const [file, name, count] = process.argv.slice(2);',
        '(async () => {',
        '  const store = await loadSettings(file);',
        "  await new Promise((resolve) => { process.once('message', resolve); process.send('ready'); });",
        '  for (let i = 0; i < Number(count); i++) await store.updateConnection(name, { [`k${i}`]: i });',
        '  process.disconnect();',
        '})().catch((e) => { console.error(e); process.exit(1); });',
      ].join('\n'),
    );
    const children = ['us', 'emea'].map((name) => fork(script, [file, name, '40']));
    await Promise.all(
      children.map((child) => new Promise((resolve) => child.once('message', resolve))),
    );
    const exits = children.map(
      (child) => new Promise<number | null>((resolve) => child.on('exit', resolve)),
    );
    for (const child of children) child.send('go');
    expect(await Promise.all(exits)).toEqual([0, 0]);
    const saved = JSON.parse(await fsPromises.readFile(file, 'utf8'));
    for (const name of ['us', 'emea']) {
      for (let i = 0; i < 40; i++) expect(saved.connections[name][`k${i}`]).toBe(i);
    }
  }, 60_000);
});

describe('withFileLock()', () => {
  it('waits for the holder and then runs', async () => {
    const order: string[] = [];
    let release!: () => void;
    const held = withFileLock(file, nodeSettingsFs, async () => {
      order.push('first in');
      await new Promise<void>((resolve) => (release = resolve));
      order.push('first out');
    });
    await new Promise((resolve) => setTimeout(resolve, 30));
    const waiting = withFileLock(file, nodeSettingsFs, async () => {
      order.push('second in');
    });
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(order).toEqual(['first in']);
    release();
    await Promise.all([held, waiting]);
    expect(order).toEqual(['first in', 'first out', 'second in']);
  });

  it('refuses after the timeout, naming the lock file', async () => {
    // Held by a live process (this one), so it is waited for and never taken over.
    await fsPromises.writeFile(`${file}.lock`, `${process.pid}\n`);
    await expect(
      withFileLock(file, nodeSettingsFs, async () => 'ran', { timeoutMs: 100 }),
    ).rejects.toMatchObject({
      code: 'invalid_settings',
      message: expect.stringContaining('.lock'),
    });
  });

  it('takes over a lock left by a crashed process', async () => {
    await fsPromises.writeFile(`${file}.lock`, `${await deadPid()}\n`);
    await expect(withFileLock(file, nodeSettingsFs, async () => 'ran')).resolves.toBe('ran');
    await expect(fsPromises.stat(`${file}.lock`)).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
