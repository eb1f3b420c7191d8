import * as fs from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { startSandbox } from '../../sandbox/index';
import { createRedactor } from '../../sdk/redact';
import type { SandboxHandle, SandboxUser } from '../../sandbox/index';
import type { CommandContext } from '../../cli/command';
import { runCliCaptured } from './run-cli-captured';
import { useSuiteResource } from './suite-resource';
import type { CapturedCliRun } from './run-cli-captured';

type Connections = Record<string, Record<string, unknown>>;

/** A running sandbox, a temporary directory and helpers to drive CLI commands in-process. */
export interface CliFixture {
  sandbox: SandboxHandle;
  dir: string;
  /** `settings.json` in {@link CliFixture.dir}. */
  settingsFile: string;
  /** The sandbox's named connections (copies). */
  connections(): Connections;
  /** Writes the settings file: the sandbox's connections, or the ones given. */
  writeSettings(connections?: Connections): Promise<void>;
  /** One connection as it is on disk now. */
  readConnection(name: string): Promise<Record<string, unknown>>;
  /** A fresh command context with the working directory set; `lines` collects stderr logs. */
  context(): { context: CommandContext; lines: string[] };
  /** Every secret of the sandbox settings (client secrets, refresh tokens). */
  secrets(): string[];
  /** Runs a `connector` command line in process in {@link CliFixture.dir}, with an empty env. */
  cli(...argv: string[]): Promise<CapturedCliRun>;
  /** `connector exec PATH --settings settings.json --connection NAME`, as {@link CliFixture.cli}. */
  exec(target: string, connection: string): Promise<CapturedCliRun>;
  /** A sandbox login by username (e.g. `lmcneil`); throws when the sandbox has none. */
  user(username: string): SandboxUser;
  close(): Promise<void>;
}

/** Starts the sandbox on 127.0.0.1:0 and a temporary directory; `close()` in afterAll. */
export async function startCliFixture(): Promise<CliFixture> {
  const sandbox = await startSandbox({ port: 0 });
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'doctor-'));
  const settingsFile = path.join(dir, 'settings.json');
  const cli = (...argv: string[]): Promise<CapturedCliRun> =>
    runCliCaptured(argv, { cwd: dir, env: {} });
  const connections = (): Connections =>
    structuredClone(sandbox.settings.connections) as unknown as Connections;
  return {
    sandbox,
    dir,
    settingsFile,
    connections,
    async writeSettings(given) {
      const text = `${JSON.stringify({ connections: given ?? connections() }, null, 2)}\n`;
      await fs.writeFile(settingsFile, text, { mode: 0o600 });
      // writeFile's mode applies to a new file only: a test may have loosened the last one.
      await fs.chmod(settingsFile, 0o600);
    },
    async readConnection(name) {
      const doc = JSON.parse(await fs.readFile(settingsFile, 'utf8')) as {
        connections: Connections;
      };
      return doc.connections[name] ?? {};
    },
    context() {
      const lines: string[] = [];
      const redactor = createRedactor();
      return {
        lines,
        context: { cwd: dir, env: {}, redactor, log: (line) => lines.push(redactor.redact(line)) },
      };
    },
    secrets() {
      return Object.values(connections()).flatMap((c) =>
        ['client_secret', 'refresh_token']
          .map((key) => c[key])
          .filter((v): v is string => typeof v === 'string'),
      );
    },
    cli,
    exec: (target, connection) =>
      cli('exec', target, '--settings', 'settings.json', '--connection', connection),
    user(username) {
      const user = sandbox.users[username];
      if (user === undefined) throw new Error(`The sandbox has no user ${username}.`);
      return user;
    },
    async close() {
      await sandbox.close();
      await fs.rm(dir, { recursive: true, force: true });
    },
  };
}

/** Options of {@link useCliFixture}. */
export interface UseCliFixtureOptions {
  /**
   * Before every test, reset the sandbox and write the settings file with its connections.
   * @default true
   */
  resetBeforeEach?: boolean;
}

/**
 * Registers the jest hooks of a suite that drives CLI commands against the sandbox:
 * {@link startCliFixture} in `beforeAll`, a sandbox reset plus a fresh settings file in
 * `beforeEach` (unless turned off) and `close()` in `afterAll`, in the enclosing `describe` (or
 * the file). Returns a fixture that forwards to the running one.
 */
export function useCliFixture(options: UseCliFixtureOptions = {}): CliFixture {
  return useSuiteResource({
    name: 'CLI fixture',
    start: startCliFixture,
    ...(options.resetBeforeEach === false
      ? {}
      : {
          beforeEach: async (f: CliFixture) => {
            f.sandbox.reset();
            await f.writeSettings();
          },
        }),
    close: (f) => f.close(),
  });
}
