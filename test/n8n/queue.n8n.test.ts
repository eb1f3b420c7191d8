/**
 * n8n's distributed engine: queue mode with Redis, one main process taking webhooks and two
 * `n8n worker` processes running them. 50 webhook runs each approve a different inbox task; the
 * workers share nothing but Redis and the database (tokens in the credential), PostgreSQL as n8n
 * requires for queue mode.
 */
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { importJson, publicApi } from '../../tools/n8n/n8n-process';
import type { N8nProcess } from '../../tools/n8n/n8n-process';
import {
  executionsRunBy,
  inPool,
  queueModeEnv,
  startQueueCluster,
} from '../../tools/n8n/queue-cluster';
import type { QueueCluster } from '../../tools/n8n/queue-cluster';
import { startPostgres } from '../../tools/n8n/postgres';
import type { PostgresServer } from '../../tools/n8n/postgres';
import { startRedis } from '../../tools/n8n/redis';
import type { RedisServer } from '../../tools/n8n/redis';
import { exampleWorkflow } from '../../tools/n8n/workflows';
import { ROOT } from '../helpers/build-dist';
import { setUpN8nSuite } from './n8n-suite';
import type { N8nSuite } from './n8n-suite';

const RUNS = 50;
const WORKERS = 2;
const CONCURRENCY = 5;
/** How long one webhook call may wait for its answer (a run takes well under a second). */
const ANSWER_WITHIN_MS = 90_000;

let suite: N8nSuite;
let redis: RedisServer;
let postgres: PostgresServer;
let cluster: QueueCluster | undefined;

beforeAll(async () => {
  redis = await startRedis();
  postgres = await startPostgres();
  suite = await setUpN8nSuite({ ...queueModeEnv(redis, postgres), N8N_LOG_LEVEL: 'debug' });
  await importJson(suite.home, 'workflow', [exampleWorkflow('approve-from-webhook')]);
  cluster = await startQueueCluster(suite.home, {
    workers: WORKERS,
    concurrency: CONCURRENCY,
    activate: ['wdApproveWebhook'],
  });
}, 600_000);

afterAll(async () => {
  // The processes' logs are kept next to the report, to read when a run hangs or fails.
  const out = path.join(ROOT, '.tmp', 'n8n-results');
  await mkdir(out, { recursive: true });
  const logs: Array<[string, N8nProcess]> = cluster
    ? [
        ['main', cluster.main],
        ...cluster.workers.map((w, i): [string, N8nProcess] => [`worker-${i + 1}`, w]),
      ]
    : [];
  for (const [name, proc] of logs)
    await writeFile(path.join(out, `queue-${name}.log`), proc.output());
  await cluster?.stop();
  await redis?.stop();
  await postgres?.stop();
  await suite?.close();
});

it(`runs ${RUNS} webhook approvals on ${WORKERS} workers, each task approved exactly once`, async () => {
  const tasks = suite.sandbox.addInboxTasks({
    tenant: 'acme_us',
    assignee: 'ISU_Connector_US',
    count: RUNS,
    stepType: 'Approval',
  });
  const before = await suite.sandbox.state();
  const answers = new Map<string, unknown>();
  const started = Date.now();
  // Each call is bounded well below undici's 300 s header timeout, so a webhook that is never
  // answered is named (with what the sandbox saw) instead of failing the whole test blind.
  await inPool(tasks, WORKERS * CONCURRENCY, async (task) => {
    try {
      const response = await fetch(`http://127.0.0.1:${suite.home.port}/webhook/workday/approve`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ task_id: task.id }),
        signal: AbortSignal.timeout(ANSWER_WITHIN_MS),
      });
      answers.set(task.id, { status: response.status, body: await response.json() });
    } catch (error) {
      answers.set(task.id, { status: 0, body: String(error) });
    }
  });
  const elapsedMs = Date.now() - started;
  const after = await suite.sandbox.state();

  const failed = tasks.filter(
    (task) => (answers.get(task.id) as { status: number }).status !== 200,
  );
  if (failed.length > 0) {
    const page = await publicApi<{
      data: Array<{
        id: string;
        data?: { resultData?: { error?: { message?: string; description?: string } } };
      }>;
    }>(
      suite.home,
      (cluster as QueueCluster).owner,
      'GET',
      'executions?workflowId=wdApproveWebhook&status=error&includeData=true&limit=3',
    );
    const errors = page.data.map(
      (e) => `${e.data?.resultData?.error?.message} ${e.data?.resultData?.error?.description}`,
    );
    const unanswered = failed.filter(
      (task) => (answers.get(task.id) as { status: number }).status === 0,
    );
    throw new Error(
      `${failed.length} of ${RUNS} runs failed (${unanswered.length} unanswered in ${ANSWER_WITHIN_MS} ms: ${unanswered.map((t) => t.id).join(', ')}): ${errors.join(' | ')}`,
    );
  }
  for (const task of tasks)
    expect(answers.get(task.id)).toEqual({
      status: 200,
      body: expect.objectContaining({ id: task.id, decision: 'approve' }),
    });
  const completed = (state: typeof before) =>
    state.inboxTasks.acme_us?.['Successfully Completed'] ?? 0;
  expect(completed(after) - completed(before)).toBe(RUNS);
  const updates = (state: typeof before) => state.requests.byRoute['rest.inboxTasks.update'] ?? 0;
  expect(updates(after) - updates(before)).toBe(RUNS);

  // The runs are in the PostgreSQL database every process shares, and no process fell back to a
  // SQLite file of its own.
  const executions = await postgres.query(
    `SELECT status, count(*) FROM execution_entity WHERE "workflowId" = 'wdApproveWebhook' GROUP BY status`,
  );
  expect(Object.fromEntries(executions)).toEqual({ success: String(RUNS) });
  expect(existsSync(path.join(suite.home.folder, '.n8n', 'database.sqlite'))).toBe(false);

  const perWorker = (cluster?.workers ?? []).map((worker) => executionsRunBy(worker).size);
  expect(perWorker).toHaveLength(WORKERS);
  for (const count of perWorker) expect(count).toBeGreaterThan(0);
  const tokenRequests = after.tokenRequests.refresh_token - before.tokenRequests.refresh_token;
  // At most one token request per run slot that found the credential without a token.
  expect(tokenRequests).toBeLessThanOrEqual(WORKERS * CONCURRENCY);

  const report = {
    runs: RUNS,
    workers: WORKERS,
    concurrency: CONCURRENCY,
    perWorker,
    tokenRequests,
    elapsedMs,
  };
  const out = path.join(ROOT, '.tmp', 'n8n-results');
  await mkdir(out, { recursive: true });
  await writeFile(path.join(out, 'queue-mode.json'), `${JSON.stringify(report, null, 2)}\n`);
  process.stdout.write(`queue mode: ${JSON.stringify(report)}\n`);
}, 600_000);
