import { randomBytes } from 'node:crypto';
import * as os from 'node:os';
import { ConnectorError } from '../errors';
import { resolveLinkTarget } from './link-target';
import { isProcessAlive } from './process-alive';
import type { SettingsFs } from './settings-fs';

/** Options of {@link withFileLock}; the defaults suit a CLI writing a token back. */
export interface FileLockOptions {
  /**
   * How long to wait for a live holder to release the lock, in milliseconds. A lock whose
   * process is gone is taken over at once, whatever its age.
   * @default 10000
   */
  timeoutMs?: number;
}

const POLL_MS = 20;

/**
 * A lock file without a process id is one whose creator was killed between creating and writing
 * it (a live creator writes its id within microseconds); past this age it is taken over.
 */
const EMPTY_LOCK_GRACE_MS = 2_000;

/** What a lock file says about its holder. */
interface LockHolder {
  pid?: number;
  host?: string;
  /** Identity of the file read, so a takeover removes that file and no newer one. */
  ino: number;
  mtimeMs: number;
  text: string;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** `PID\nHOST\n`: the host, because a process id means nothing on another machine. */
function lockText(): string {
  return `${process.pid}\n${os.hostname()}\n`;
}

async function readHolder(fs: SettingsFs, lockPath: string): Promise<LockHolder | undefined> {
  try {
    const stats = await fs.stat(lockPath);
    const text = await fs.readFile(lockPath, 'utf8');
    const [pidText, host] = text.split('\n').map((line) => line.trim());
    const pid = /^\d+$/.test(pidText ?? '') ? Number(pidText) : undefined;
    return {
      ...(pid === undefined ? {} : { pid }),
      ...(host === undefined || host === '' ? {} : { host }),
      ino: stats.ino,
      mtimeMs: stats.mtimeMs,
      text,
    };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** True when the holder certainly no longer runs; a holder on another host is never stale. */
function isStale(holder: LockHolder): boolean {
  if (holder.host !== undefined && holder.host !== os.hostname()) return false;
  if (holder.pid === undefined) return Date.now() - holder.mtimeMs > EMPTY_LOCK_GRACE_MS;
  return !isProcessAlive(holder.pid);
}

/**
 * Removes the stale lock `holder` read, and only that one: two processes may both find it stale,
 * and the slower one must not delete the lock the faster one has created since. The file is
 * first renamed aside (atomic: of several renames of one file exactly one succeeds) and then
 * compared with what was read; a different file, a newer lock, is linked back.
 */
async function removeStaleLock(
  fs: SettingsFs,
  lockPath: string,
  holder: LockHolder,
): Promise<void> {
  const aside = `${lockPath}.stale-${process.pid}-${randomBytes(4).toString('hex')}`;
  try {
    await fs.rename(lockPath, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  const moved = await readHolder(fs, aside);
  const same =
    moved !== undefined &&
    moved.ino === holder.ino &&
    moved.mtimeMs === holder.mtimeMs &&
    moved.text === holder.text;
  if (!same) await fs.link(aside, lockPath).catch(() => undefined);
  await fs.unlink(aside).catch(() => undefined);
}

function describeHolder(holder: LockHolder | undefined): string {
  if (holder?.pid === undefined) return 'another connector process';
  const where =
    holder.host !== undefined && holder.host !== os.hostname() ? ` on ${holder.host}` : '';
  return `process ${holder.pid}${where}, which is still running`;
}

/**
 * Runs `critical` while holding `${target}.lock` (beside the file a symbolic link points to, so
 * every link to one file shares one lock), created with `O_EXCL` so two processes never hold it
 * at once. Two `connector` runs refreshing tokens of the same settings file would otherwise each
 * write back their own stale copy and lose the other's token. A lock left by a process that is
 * gone (killed mid-write) is taken over at once; a live holder is waited for, never broken.
 */
export async function withFileLock<T>(
  target: string,
  fs: SettingsFs,
  critical: () => Promise<T>,
  options: FileLockOptions = {},
): Promise<T> {
  const lockPath = `${await resolveLinkTarget(fs, target)}.lock`;
  const deadline = Date.now() + (options.timeoutMs ?? 10_000);
  for (;;) {
    try {
      const handle = await fs.open(lockPath, 'wx', 0o600);
      try {
        await handle.writeFile(lockText());
      } finally {
        await handle.close();
      }
      break;
    } catch (error: unknown) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = await readHolder(fs, lockPath);
      if (holder === undefined) continue;
      if (isStale(holder)) {
        await removeStaleLock(fs, lockPath, holder);
        continue;
      }
      if (Date.now() > deadline)
        throw new ConnectorError(
          'invalid_settings',
          `Settings file '${target}' is locked by ${describeHolder(holder)} (lock file '${lockPath}').`,
          {
            hint: `Wait for it to finish; if that process is not a connector, delete '${lockPath}'.`,
          },
        );
      await sleep(POLL_MS);
    }
  }
  try {
    return await critical();
  } finally {
    await fs.unlink(lockPath).catch(() => undefined);
  }
}
