/**
 * Shared set-up of the real-n8n suites: the package built from `connector.ts`, the embedded
 * sandbox, and an n8n user folder with the package and the sandbox's ISU credential imported.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { buildN8nPackage } from '../../platforms/n8n';
import type { N8nPackageResult } from '../../platforms/n8n';
import { startSandbox } from '../../sandbox';
import type { SandboxHandle } from '../../sandbox';
import { createN8nHome, importJson, parseRawOutput } from '../../tools/n8n/n8n-process';
import type { N8nHome } from '../../tools/n8n/n8n-process';
import { isuCredential } from '../../tools/n8n/workflows';
import { ROOT } from '../helpers/build-dist';

/** Everything a suite holds. */
export interface N8nSuite {
  dir: string;
  pkg: N8nPackageResult;
  sandbox: SandboxHandle;
  home: N8nHome;
  /** The sandbox's `us` ISU connection (holds secrets: never print it). */
  connection: Record<string, unknown>;
  close(): Promise<void>;
}

/** Builds the package, starts the sandbox, prepares n8n; `env` adds queue-mode settings. */
export async function setUpN8nSuite(env: NodeJS.ProcessEnv = {}): Promise<N8nSuite> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'n8n-suite-'));
  const pkg = await buildN8nPackage({
    entry: 'connector.ts',
    outDir: path.join(dir, 'pkg'),
    cwd: ROOT,
    sourceRoot: ROOT,
  });
  const sandbox = await startSandbox();
  const home = await createN8nHome(path.join(dir, 'home'), { tarball: pkg.tarball, env });
  const connection = sandbox.settings.connections.us as unknown as Record<string, unknown>;
  await importJson(home, 'credentials', [isuCredential(connection)]);
  return {
    dir,
    pkg,
    sandbox,
    home,
    connection,
    async close() {
      await sandbox.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** The secrets of a connection, to prove no output holds them. */
export function secretsOf(connection: Record<string, unknown>, extra: unknown[] = []): string[] {
  return [connection.client_secret, connection.refresh_token, ...extra].filter(
    (value): value is string => typeof value === 'string' && value.length >= 8,
  );
}

/**
 * Fails with what n8n printed unless the run succeeded. Judged by the run's own status in the
 * printed result: on a loaded machine `n8n execute` can exit 1 while shutting down after a
 * successful run.
 */
export function expectRunOk(outcome: { code: number; stdout: string; stderr: string }): void {
  let status: unknown;
  try {
    status = (parseRawOutput(outcome.stdout) as { status?: unknown }).status;
  } catch {
    status = undefined;
  }
  if (status !== 'success')
    throw new Error(
      `n8n execute exited ${outcome.code} (run status ${String(status)}):\n${outcome.stdout.slice(-3000)}\n${outcome.stderr.slice(-3000)}`,
    );
}
