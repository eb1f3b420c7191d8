import * as fs from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { startSandbox } from '../../../sandbox/index';
import { createRedactor } from '../../../sdk/redact';
import type { SandboxHandle } from '../../../sandbox/index';
import type { CommandContext } from '../../../cli/command';

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
  close(): Promise<void>;
}

/** Starts the sandbox on 127.0.0.1:0 and a temporary directory; `close()` in afterAll. */
export async function startCliFixture(): Promise<CliFixture> {
  const sandbox = await startSandbox({ port: 0 });
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'doctor-'));
  const settingsFile = path.join(dir, 'settings.json');
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
    async close() {
      await sandbox.close();
      await fs.rm(dir, { recursive: true, force: true });
    },
  };
}
