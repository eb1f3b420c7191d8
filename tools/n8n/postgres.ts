/**
 * Debian's PostgreSQL as the database of n8n's queue mode: a throwaway cluster in a temporary
 * folder, on a free loopback port, stopped by PID and deleted afterwards.
 *
 * Why not SQLite: in queue mode the main process and every worker write the same database, and
 * n8n supports that only on PostgreSQL. On one SQLite file, a loaded machine gave a webhook run
 * `SQLITE_BUSY: database is locked` (1 of 50 runs at load average ~9).
 */
import { execFile, spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { chown, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { freePort, waitUntil } from './n8n-process';

const run = promisify(execFile);

/** Where Debian's `postgresql-NN` packages put the server programs (not on PATH). */
const DEBIAN_ROOT = '/usr/lib/postgresql';

/** A running PostgreSQL cluster with one database for n8n. */
export interface PostgresServer {
  /** The environment that points n8n at the database (holds its password: never print it). */
  n8nEnv: NodeJS.ProcessEnv;
  /** Runs one SQL statement in n8n's database with `psql`; the rows, tab-separated, no header. */
  query(sql: string): Promise<string[][]>;
  /** Stops the server (fast shutdown, by PID) and deletes the cluster's folder. */
  stop(): Promise<void>;
}

/**
 * The folder holding `initdb`, `postgres` and `psql`: the newest Debian major version, else
 * the one `initdb` on PATH comes from. Fails loudly when PostgreSQL is missing, so a queue test
 * cannot pass by skipping.
 */
export function postgresBinDir(): string {
  const versions = existsSync(DEBIAN_ROOT)
    ? readdirSync(DEBIAN_ROOT)
        .filter((name) => /^\d+$/.test(name))
        .filter((name) => existsSync(path.join(DEBIAN_ROOT, name, 'bin', 'postgres')))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  const newest = versions[0];
  if (newest !== undefined) return path.join(DEBIAN_ROOT, newest, 'bin');
  for (const dir of (process.env.PATH ?? '').split(path.delimiter))
    if (
      dir !== '' &&
      existsSync(path.join(dir, 'initdb')) &&
      existsSync(path.join(dir, 'postgres'))
    )
      return dir;
  throw new Error(
    `PostgreSQL is not installed (no ${DEBIAN_ROOT}/NN/bin/postgres, no initdb on PATH): apt-get install postgresql.`,
  );
}

/** The account the server runs as: PostgreSQL refuses to run as root. */
interface ServerUser {
  uid: number;
  gid: number;
}

async function serverUser(): Promise<ServerUser | undefined> {
  if (process.getuid?.() !== 0) return undefined;
  try {
    const uid = Number((await run('id', ['-u', 'postgres'])).stdout.trim());
    const gid = Number((await run('id', ['-g', 'postgres'])).stdout.trim());
    return { uid, gid };
  } catch {
    throw new Error(
      'PostgreSQL cannot run as root and there is no "postgres" account (apt-get install postgresql creates it).',
    );
  }
}

/**
 * Creates a cluster (`initdb`, password authentication, durability off: the data is thrown away),
 * starts `postgres` on 127.0.0.1 only, and creates the database n8n uses.
 */
export async function startPostgres(): Promise<PostgresServer> {
  const bin = postgresBinDir();
  const user = await serverUser();
  const root = await mkdtemp(path.join(os.tmpdir(), 'n8n-postgres-'));
  const data = path.join(root, 'data');
  const password = randomBytes(18).toString('hex');
  const passwordFile = path.join(root, 'password');
  await writeFile(passwordFile, `${password}\n`, { mode: 0o600 });
  if (user !== undefined) {
    await chown(root, user.uid, user.gid);
    await chown(passwordFile, user.uid, user.gid);
  }
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, LANG: 'C', LC_ALL: 'C' };
  // execFile takes the account and puts the program's stderr in the error it rejects with.
  const asServer = user === undefined ? {} : { uid: user.uid, gid: user.gid };
  let child: ChildProcess | undefined;
  let exited: Promise<void> = Promise.resolve();
  const stop = async () => {
    if (child?.pid !== undefined && child.exitCode === null && child.signalCode === null) {
      // SIGINT is PostgreSQL's fast shutdown: it ends open sessions instead of waiting for them.
      process.kill(child.pid, 'SIGINT');
      await exited;
    }
    await rm(root, { recursive: true, force: true });
  };
  try {
    await run(
      path.join(bin, 'initdb'),
      [
        `--pgdata=${data}`,
        '--username=n8n',
        `--pwfile=${passwordFile}`,
        '--auth=scram-sha-256',
        '--encoding=UTF8',
        '--locale=C',
        '--no-sync',
      ],
      { env, ...asServer },
    );
    const port = await freePort();
    const server = spawn(
      path.join(bin, 'postgres'),
      [
        '-D',
        data,
        '-p',
        String(port),
        '-c',
        'listen_addresses=127.0.0.1',
        // The socket goes in the cluster's own folder, not /var/run/postgresql.
        '-k',
        root,
        '-c',
        'fsync=off',
        '-c',
        'synchronous_commit=off',
        '-c',
        'full_page_writes=off',
      ],
      {
        env,
        stdio: ['ignore', 'ignore', 'pipe'],
        ...asServer,
      },
    );
    child = server;
    exited = new Promise((resolve) => server.once('exit', () => resolve()));
    let log = '';
    server.stderr?.on('data', (chunk: Buffer) => {
      if (log.length < 20_000) log += chunk.toString();
    });
    // waitUntil treats a failed check as "not yet": a server that exits is raced in instead, so
    // a start-up failure is reported at once, not after the minute of waiting.
    const died = exited.then((): never => {
      throw new Error(`postgres exited (${server.exitCode ?? server.signalCode})`);
    });
    died.catch(() => undefined);
    await Promise.race([
      waitUntil(
        'PostgreSQL',
        async () => (log.includes('ready to accept connections') ? true : undefined),
        60_000,
        200,
      ),
      died,
    ]).catch((error: unknown) => {
      throw new Error(
        `PostgreSQL did not start: ${error instanceof Error ? error.message : String(error)}\n${log.slice(-2000)}`,
      );
    });
    /** One `psql` command in `database`: the rows, tab-separated, no header. */
    const psql = async (database: string, sql: string): Promise<string[][]> => {
      const { stdout } = await run(
        path.join(bin, 'psql'),
        [
          '--host=127.0.0.1',
          `--port=${port}`,
          '--username=n8n',
          `--dbname=${database}`,
          '--no-psqlrc',
          '--tuples-only',
          '--no-align',
          '--field-separator=\t',
          '--set=ON_ERROR_STOP=1',
          `--command=${sql}`,
        ],
        { env: { ...env, PGPASSWORD: password } },
      );
      return stdout
        .split('\n')
        .filter((line) => line !== '')
        .map((line) => line.split('\t'));
    };
    await psql('postgres', 'CREATE DATABASE n8n');
    return {
      n8nEnv: {
        DB_TYPE: 'postgresdb',
        DB_POSTGRESDB_HOST: '127.0.0.1',
        DB_POSTGRESDB_PORT: String(port),
        DB_POSTGRESDB_DATABASE: 'n8n',
        DB_POSTGRESDB_USER: 'n8n',
        DB_POSTGRESDB_PASSWORD: password,
      },
      query: (sql) => psql('n8n', sql),
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
