/**
 * B7 (`npm run bench:n8n`): the same approvals through n8n's queue mode (one webhook run per
 * approval, two workers) and through the connector's own session in one process (what
 * `connector exec` runs), both against the embedded sandbox with the same number in flight.
 * Prints the per-approval overhead n8n adds and the token requests each side made, and merges
 * the `b7_*` figures into `bench/results.json`.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { buildN8nPackage } from '../platforms/n8n';
import { startSandbox } from '../sandbox';
import type { SandboxConnectionSettings } from '../sandbox';
import { createN8nHome, importJson, repoRoot } from '../tools/n8n/n8n-process';
import {
  executionsRunBy,
  inPool,
  queueModeEnv,
  startQueueCluster,
} from '../tools/n8n/queue-cluster';
import { startPostgres } from '../tools/n8n/postgres';
import { startRedis } from '../tools/n8n/redis';
import { exampleWorkflow, isuCredential } from '../tools/n8n/workflows';
import { formatTable, writeResults } from './report';
import type { ResultValue } from './report';
import { openSession } from './session';

const APPROVALS = Number(process.env.B7_APPROVALS ?? 200);
const WORKERS = 2;
const CONCURRENCY = 5;
const IN_FLIGHT = WORKERS * CONCURRENCY;

async function main(): Promise<void> {
  const root = repoRoot();
  const dir = await mkdtemp(path.join(os.tmpdir(), 'bench-n8n-'));
  const redis = await startRedis();
  const postgres = await startPostgres().catch(async (error: unknown) => {
    await redis.stop();
    throw error;
  });
  const sandbox = await startSandbox();
  let stopCluster = async () => undefined as void;
  try {
    const connection = sandbox.settings.connections.us as SandboxConnectionSettings;
    const pkg = await buildN8nPackage({
      entry: 'connector.ts',
      outDir: path.join(dir, 'pkg'),
      cwd: root,
      sourceRoot: root,
    });
    const home = await createN8nHome(path.join(dir, 'home'), {
      tarball: pkg.tarball,
      env: queueModeEnv(redis, postgres),
    });
    await importJson(home, 'credentials', [
      isuCredential(connection as unknown as Record<string, unknown>),
    ]);
    await importJson(home, 'workflow', [exampleWorkflow('approve-from-webhook')]);
    const cluster = await startQueueCluster(home, {
      workers: WORKERS,
      concurrency: CONCURRENCY,
      activate: ['wdApproveWebhook'],
    });
    stopCluster = cluster.stop;
    const newTasks = () =>
      sandbox.addInboxTasks({
        tenant: 'acme_us',
        assignee: 'ISU_Connector_US',
        count: APPROVALS,
        stepType: 'Approval',
      });
    const tokens = async () => (await sandbox.state()).tokenRequests.refresh_token;
    const completed = async () =>
      (await sandbox.state()).inboxTasks.acme_us?.['Successfully Completed'] ?? 0;

    // n8n: one production webhook run per approval.
    const n8nTasks = newTasks();
    const n8nTokens0 = await tokens();
    const done0 = await completed();
    const n8nStarted = performance.now();
    let n8nFailed = 0;
    await inPool(n8nTasks, IN_FLIGHT, async (task) => {
      const response = await fetch(`http://127.0.0.1:${home.port}/webhook/workday/approve`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ task_id: task.id }),
        signal: AbortSignal.timeout(90_000),
      });
      const body = (await response.json()) as { id?: string };
      if (response.status !== 200 || body.id !== task.id) n8nFailed += 1;
    });
    const n8nMs = performance.now() - n8nStarted;
    const n8nTokenRequests = (await tokens()) - n8nTokens0;
    const n8nApplied = (await completed()) - done0;
    const perWorker = cluster.workers.map((w) => executionsRunBy(w).size);

    // The connector's own session in this process, as `connector exec` runs an action.
    const execTasks = newTasks();
    const execTokens0 = await tokens();
    const done1 = await completed();
    const session = await openSession(connection);
    const execStarted = performance.now();
    let execFailed = 0;
    await inPool(execTasks, IN_FLIGHT, async (task) => {
      const out = (await session.runAction('approve_reject_inbox_task', {
        inbox_task_id: task.id,
        decision: 'approve',
      })) as { id?: string };
      if (out.id !== task.id) execFailed += 1;
    });
    const execMs = performance.now() - execStarted;
    const execTokenRequests = (await tokens()) - execTokens0;
    const execApplied = (await completed()) - done1;

    const n8nPer = n8nMs / APPROVALS;
    const execPer = execMs / APPROVALS;
    const round = (n: number, d = 2) => Math.round(n * 10 ** d) / 10 ** d;
    process.stdout.write(
      `${formatTable([
        {
          figure: `B7 approvals (${APPROVALS}, ${IN_FLIGHT} in flight)`,
          ours: `${round(execPer)} ms/approval (exec)`,
          baseline: `${round(n8nPer)} ms/approval (n8n queue, ${WORKERS} workers)`,
          ratio: `${round(n8nPer / execPer)}x`,
          target: 'reported',
          met: undefined,
        },
        {
          figure: 'B7 token requests',
          ours: String(execTokenRequests),
          baseline: String(n8nTokenRequests),
          ratio: '-',
          target: 'reported',
          met: undefined,
        },
      ])}\n\n  n8n runs per worker: ${perWorker.join(', ')}; applied in the sandbox: n8n ${n8nApplied}, exec ${execApplied}; failed: n8n ${n8nFailed}, exec ${execFailed}\n`,
    );
    const figures: Record<string, ResultValue> = {
      b7_approvals: APPROVALS,
      b7_in_flight: IN_FLIGHT,
      b7_n8n_ms: round(n8nMs, 1),
      b7_exec_ms: round(execMs, 1),
      b7_n8n_ms_per_approval: round(n8nPer),
      b7_exec_ms_per_approval: round(execPer),
      b7_overhead_ratio: round(n8nPer / execPer),
      b7_n8n_added_ms_per_approval: round(n8nPer - execPer),
      b7_n8n_token_requests: n8nTokenRequests,
      b7_exec_token_requests: execTokenRequests,
      b7_n8n_runs_per_worker: perWorker,
      b7_n8n_failed: n8nFailed,
      b7_exec_failed: execFailed,
      b7_date: new Date().toISOString(),
    };
    const file = path.join(root, 'bench', 'results.json');
    writeResults(file, figures);
    process.stdout.write(`  b7 figures merged into ${file}\n`);
    if (n8nFailed + execFailed > 0 || n8nApplied !== APPROVALS || execApplied !== APPROVALS)
      process.exitCode = 1;
  } finally {
    await stopCluster();
    await sandbox.close();
    await redis.stop();
    await postgres.stop();
    await rm(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(
    `bench:n8n failed: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exitCode = 1;
});
