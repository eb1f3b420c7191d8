import * as fs from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadSettings, nodeSettingsFs, withFileLock } from '../../sdk/settings';
import { deadPid, liveProcess } from '../helpers/dead-pid';

let dir: string;
let file: string;
let lock: string;

beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'settings-stale-lock-'));
  file = path.join(dir, 'settings.json');
  lock = `${file}.lock`;
  await fs.writeFile(file, JSON.stringify({ connections: { us: { client_id: 'c' } } }));
});

afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

const ago = async (target: string, ms: number) => {
  const when = new Date(Date.now() - ms);
  await fs.utimes(target, when, when);
};

describe('a lock file left by a process that is gone', () => {
  it('is taken over at once, however fresh it is', async () => {
    await fs.writeFile(lock, `${await deadPid()}\n${os.hostname()}\n`);
    // A wait of 200 ms would end in a refusal: the takeover must not wait for the lock to age.
    await expect(
      withFileLock(file, nodeSettingsFs, async () => 'ran', { timeoutMs: 200 }),
    ).resolves.toBe('ran');
    await expect(fs.stat(lock)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('does not stop a token write-back (old format: a PID line only)', async () => {
    await fs.writeFile(lock, `${await deadPid()}\n`);
    const store = await loadSettings(file);
    await store.updateConnection('us', { access_token: 'saved' });
    expect(JSON.parse(await fs.readFile(file, 'utf8')).connections.us.access_token).toBe('saved');
    expect(await fs.readdir(dir)).toEqual(['settings.json']);
  });

  it('is taken over once by several waiters, which then run one at a time', async () => {
    await fs.writeFile(lock, `${await deadPid()}\n`);
    let inside = 0;
    let most = 0;
    const runs = Array.from({ length: 8 }, () =>
      withFileLock(file, nodeSettingsFs, async () => {
        inside += 1;
        most = Math.max(most, inside);
        await new Promise((resolve) => setTimeout(resolve, 5));
        inside -= 1;
      }),
    );
    await Promise.all(runs);
    expect(most).toBe(1);
    expect(await fs.readdir(dir)).toEqual(['settings.json']);
  });

  it('without a PID (its creator killed before writing it) is taken over once it is old', async () => {
    await fs.writeFile(lock, '');
    await ago(lock, 60_000);
    await expect(
      withFileLock(file, nodeSettingsFs, async () => 'ran', { timeoutMs: 200 }),
    ).resolves.toBe('ran');
  });
});

describe('a lock file of a live holder', () => {
  it('is never broken, however old: the wait ends in a refusal naming the holder', async () => {
    const holder = liveProcess();
    try {
      const text = `${holder.pid}\n${os.hostname()}\n`;
      await fs.writeFile(lock, text);
      await ago(lock, 3_600_000);
      await expect(
        withFileLock(file, nodeSettingsFs, async () => 'ran', { timeoutMs: 200 }),
      ).rejects.toMatchObject({
        code: 'invalid_settings',
        message: expect.stringContaining(`locked by process ${holder.pid}, which is still running`),
      });
      expect(await fs.readFile(lock, 'utf8')).toBe(text);
    } finally {
      await holder.stop();
    }
  });

  it('is taken over as soon as its holder dies', async () => {
    const holder = liveProcess();
    await fs.writeFile(lock, `${holder.pid}\n`);
    const waiting = withFileLock(file, nodeSettingsFs, async () => 'ran', { timeoutMs: 10_000 });
    await new Promise((resolve) => setTimeout(resolve, 50));
    await holder.stop();
    await expect(waiting).resolves.toBe('ran');
  });

  it('on another host is never taken over, even when the PID is unused here', async () => {
    const text = `${await deadPid()}\nsome-other-host\n`;
    await fs.writeFile(lock, text);
    await expect(
      withFileLock(file, nodeSettingsFs, async () => 'ran', { timeoutMs: 100 }),
    ).rejects.toMatchObject({ message: expect.stringContaining('on some-other-host') });
    expect(await fs.readFile(lock, 'utf8')).toBe(text);
  });

  it('without a PID but fresh is waited for (its creator is writing it)', async () => {
    await fs.writeFile(lock, '');
    await expect(
      withFileLock(file, nodeSettingsFs, async () => 'ran', { timeoutMs: 100 }),
    ).rejects.toMatchObject({ code: 'invalid_settings' });
  });
});
