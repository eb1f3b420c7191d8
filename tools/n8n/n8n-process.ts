/**
 * Running real n8n (installed by `platform-runtimes/n8n/install.sh`) on loopback for the tests
 * and the demo: a user folder with the generated package installed, the environment n8n runs
 * headless with, its CLI commands, and `n8n start` / `n8n worker` processes stopped by PID.
 */
import { execFile, spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** The repository root (this file is at tools/n8n/, or dist/tools/n8n/ once compiled). */
export function repoRoot(start: string = __dirname): string {
  let dir = start;
  while (!existsSync(path.join(dir, 'platform-runtimes', 'n8n', 'install.sh'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`No platform-runtimes/n8n above ${start}.`);
    dir = parent;
  }
  return dir;
}

/**
 * The n8n binary installed by the install script. Fails loudly when it is missing: an n8n test
 * that cannot find n8n must not pass by skipping.
 */
export function n8nBinary(root: string = repoRoot()): string {
  const bin = path.join(root, 'platform-runtimes', 'n8n', 'node_modules', '.bin', 'n8n');
  if (!existsSync(bin))
    throw new Error(
      `n8n is not installed (${bin} is missing). Run \`bash platform-runtimes/n8n/install.sh\` first (about 7 minutes once per machine).`,
    );
  return bin;
}

/** A free TCP port on 127.0.0.1 (asked from the OS; released for the caller to take). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** One n8n installation: its user folder, encryption key and ports. */
export interface N8nHome {
  folder: string;
  port: number;
  env: NodeJS.ProcessEnv;
  bin: string;
}

/** Options of {@link createN8nHome}. */
export interface N8nHomeOptions {
  /** The package tarball(s) to install into `.n8n/nodes`. */
  tarball: string | readonly string[];
  /** Extra environment (queue mode settings). */
  env?: NodeJS.ProcessEnv;
}

/**
 * Makes an n8n user folder with the package installed the way n8n installs community nodes
 * (`npm install <tgz>` in `.n8n/nodes`; `--legacy-peer-deps` so n8n-workflow is n8n's own, found
 * through the NODE_PATH n8n sets), and the environment for a headless, loopback-only n8n.
 */
export async function createN8nHome(folder: string, options: N8nHomeOptions): Promise<N8nHome> {
  const bin = n8nBinary();
  const nodes = path.join(folder, '.n8n', 'nodes');
  await mkdir(nodes, { recursive: true });
  await writeFile(
    path.join(nodes, 'package.json'),
    `${JSON.stringify({ name: 'installed-nodes', private: true }, null, 2)}\n`,
  );
  await run(
    'npm',
    [
      'install',
      '--legacy-peer-deps',
      '--no-audit',
      '--no-fund',
      '--loglevel=error',
      ...(typeof options.tarball === 'string' ? [options.tarball] : options.tarball),
    ],
    { cwd: nodes },
  );
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    N8N_USER_FOLDER: folder,
    N8N_ENCRYPTION_KEY: randomBytes(24).toString('hex'),
    N8N_LISTEN_ADDRESS: '127.0.0.1',
    N8N_HOST: '127.0.0.1',
    N8N_PORT: String(port),
    WEBHOOK_URL: `http://127.0.0.1:${port}/`,
    N8N_SECURE_COOKIE: 'false',
    N8N_DIAGNOSTICS_ENABLED: 'false',
    N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
    N8N_TEMPLATES_ENABLED: 'false',
    N8N_PERSONALIZATION_ENABLED: 'false',
    N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
    N8N_RUNNERS_BROKER_PORT: String(await freePort()),
    N8N_RUNNERS_ENABLED: 'false',
    // The sandbox is on loopback; n8n's SSRF guard must let the node reach it.
    N8N_BLOCK_ENV_ACCESS_IN_NODE: 'false',
    DB_TYPE: 'sqlite',
    DB_SQLITE_POOL_SIZE: '2',
    N8N_LOG_LEVEL: 'info',
    N8N_LOG_OUTPUT: 'console',
    ...options.env,
  };
  return { folder, port, env, bin };
}

/** What a CLI command printed. */
export interface CliOutcome {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs one n8n CLI command (`import:credentials`, `execute`, ...) to its end. */
export async function n8nCli(
  home: N8nHome,
  args: string[],
  timeoutMs = 180_000,
): Promise<CliOutcome> {
  return new Promise((resolve, reject) => {
    const child = spawn(home.bin, args, { env: home.env, cwd: home.folder });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(
        new Error(`n8n ${args.join(' ')} did not finish in ${timeoutMs} ms:\n${stdout}\n${stderr}`),
      );
    }, timeoutMs);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code: code ?? 1, stdout, stderr });
    });
  });
}

/** Runs a CLI command and fails with its output unless it exits 0. */
export async function n8nCliOk(home: N8nHome, args: string[]): Promise<CliOutcome> {
  const outcome = await n8nCli(home, args);
  if (outcome.code !== 0)
    throw new Error(
      `n8n ${args.join(' ')} exited ${outcome.code}:\n${outcome.stdout}\n${outcome.stderr}`,
    );
  return outcome;
}

/** Writes `items` to a file in the home folder and imports it (`credentials` or `workflow`). */
export async function importJson(
  home: N8nHome,
  kind: 'credentials' | 'workflow',
  items: unknown[],
): Promise<void> {
  const file = path.join(home.folder, `import-${kind}-${randomBytes(4).toString('hex')}.json`);
  await writeFile(file, JSON.stringify(items));
  await n8nCliOk(home, [`import:${kind}`, `--input=${file}`]);
}

/** The JSON document `n8n execute --rawOutput` prints after its log lines. */
export function parseRawOutput(stdout: string): Record<string, unknown> {
  const start = stdout.indexOf('{\n');
  if (start < 0) throw new Error(`No JSON in n8n output:\n${stdout}`);
  return JSON.parse(stdout.slice(start)) as Record<string, unknown>;
}

/** Items a node output in an `n8n execute --rawOutput` run. */
export function nodeItems(
  result: Record<string, unknown>,
  node: string,
): Array<Record<string, unknown>> {
  const runData = (result as { data?: { resultData?: { runData?: Record<string, unknown> } } }).data
    ?.resultData?.runData;
  const runs = runData?.[node] as
    Array<{ data?: { main?: Array<Array<{ json: Record<string, unknown> }>> } }> | undefined;
  return (runs?.[0]?.data?.main?.[0] ?? []).map((item) => item.json);
}

/** A credential exported decrypted (`n8n export:credentials --decrypted`). */
export async function exportCredential(
  home: N8nHome,
  id: string,
): Promise<Record<string, unknown>> {
  const file = path.join(home.folder, `export-${randomBytes(4).toString('hex')}.json`);
  await n8nCliOk(home, ['export:credentials', `--id=${id}`, '--decrypted', `--output=${file}`]);
  const [credential] = JSON.parse(await readFile(file, 'utf8')) as Array<{
    data: Record<string, unknown>;
  }>;
  await rm(file, { force: true });
  return credential?.data ?? {};
}

/** A running `n8n start` or `n8n worker` process. */
export interface N8nProcess {
  child: ChildProcess;
  /** Everything it printed so far. */
  output(): string;
  /** Stops it (and the processes it started) by its PID's process group. */
  stop(): Promise<void>;
}

/** Starts `n8n <command>` in its own process group, so it can be stopped with its children. */
export function spawnN8n(home: N8nHome, args: string[], env: NodeJS.ProcessEnv = {}): N8nProcess {
  const child = spawn(home.bin, args, {
    env: { ...home.env, ...env },
    cwd: home.folder,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    child,
    output: () => output,
    async stop() {
      if (child.exitCode !== null || child.pid === undefined) return;
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        return;
      }
      const timer = setTimeout(() => {
        try {
          if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
        } catch {
          // Already gone.
        }
      }, 15_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** Polls `check` until it returns a value, or fails after `timeoutMs` with `what`. */
export async function waitUntil<T>(
  what: string,
  check: () => Promise<T | undefined>,
  timeoutMs = 90_000,
  everyMs = 500,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}.`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}

/**
 * Starts `n8n start` and waits until its REST API answers (`/healthz/readiness` is up seconds
 * before the REST routes exist, so it waits for `/rest/settings`).
 */
export async function startN8nServer(
  home: N8nHome,
  env: NodeJS.ProcessEnv = {},
): Promise<N8nProcess> {
  const server = spawnN8n(home, ['start'], env);
  try {
    await waitUntil(
      `n8n on port ${home.port}`,
      async () => {
        if (server.child.exitCode !== null) throw new Error(`n8n exited:\n${server.output()}`);
        const response = await fetch(`http://127.0.0.1:${home.port}/rest/settings`);
        return response.ok ? true : undefined;
      },
      120_000,
    );
  } catch (error) {
    await server.stop();
    throw new Error(`${(error as Error).message}\n${server.output().slice(-4000)}`, {
      cause: error,
    });
  }
  return server;
}

/** The owner account and an API key of a fresh n8n server. */
export interface N8nOwner {
  email: string;
  password: string;
  cookie: string;
  apiKey: string;
}

/** Sets up the owner (`POST /rest/owner/setup`) and makes a public-API key with every scope. */
export async function setUpOwner(home: N8nHome): Promise<N8nOwner> {
  const base = `http://127.0.0.1:${home.port}`;
  const email = 'owner@example.test';
  const password = `Demo-${randomBytes(6).toString('hex')}-A1`;
  // The owner routes are registered a moment after /rest/settings answers: retry a 404.
  const setup = await waitUntil(
    'the owner set-up route',
    async () => {
      const response = await fetch(`${base}/rest/owner/setup`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email, firstName: 'Demo', lastName: 'Owner', password }),
      });
      return response.status === 404 ? undefined : response;
    },
    60_000,
  );
  if (!setup.ok) throw new Error(`owner setup failed: ${setup.status} ${await setup.text()}`);
  const cookie = (setup.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const scopesResponse = await fetch(`${base}/rest/api-keys/scopes`, { headers: { cookie } });
  const scopes = ((await scopesResponse.json()) as { data: string[] }).data;
  const created = await fetch(`${base}/rest/api-keys`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie },
    body: JSON.stringify({ label: 'tests', scopes, expiresAt: null }),
  });
  if (!created.ok) throw new Error(`API key failed: ${created.status} ${await created.text()}`);
  const apiKey = ((await created.json()) as { data: { rawApiKey: string } }).data.rawApiKey;
  return { email, password, cookie, apiKey };
}

/** Calls n8n's public API (`/api/v1/...`) with the API key. */
export async function publicApi<T>(
  home: N8nHome,
  owner: N8nOwner,
  method: string,
  route: string,
  body?: unknown,
): Promise<T> {
  const response = await fetch(`http://127.0.0.1:${home.port}/api/v1/${route}`, {
    method,
    headers: { 'content-type': 'application/json', 'X-N8N-API-KEY': owner.apiKey },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} /api/v1/${route}: ${response.status} ${text}`);
  return (text === '' ? undefined : JSON.parse(text)) as T;
}
