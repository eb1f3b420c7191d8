/**
 * n8n's distributed engine on loopback: Redis, `n8n start` taking the webhooks and N `n8n worker`
 * processes running them, sharing only Redis and a PostgreSQL database. Used by the queue suite
 * and by B7 (`npm run bench:n8n`).
 */
import {
  freePort,
  publicApi,
  setUpOwner,
  spawnN8n,
  startN8nServer,
  waitUntil,
} from './n8n-process';
import type { N8nHome, N8nOwner, N8nProcess } from './n8n-process';
import type { PostgresServer } from './postgres';
import type { RedisServer } from './redis';

/**
 * The environment that puts every n8n process of a home into queue mode on `redis`, with
 * `database` as the database they share (n8n supports queue mode on PostgreSQL only).
 */
export function queueModeEnv(redis: RedisServer, database: PostgresServer): NodeJS.ProcessEnv {
  return {
    ...database.n8nEnv,
    EXECUTIONS_MODE: 'queue',
    QUEUE_BULL_REDIS_HOST: '127.0.0.1',
    QUEUE_BULL_REDIS_PORT: String(redis.port),
    QUEUE_HEALTH_CHECK_ACTIVE: 'true',
  };
}

/** A running main process and its workers. */
export interface QueueCluster {
  main: N8nProcess;
  owner: N8nOwner;
  workers: N8nProcess[];
  /** Stops the workers, then the main process (by PID). */
  stop(): Promise<void>;
}

/** Options of {@link startQueueCluster}. */
export interface QueueClusterOptions {
  workers: number;
  /** Jobs each worker runs at once (`n8n worker --concurrency`). */
  concurrency: number;
  /** Workflow ids to activate once the owner exists. */
  activate: string[];
}

/**
 * Starts `n8n start` on a home made with {@link queueModeEnv}, sets up the owner, activates the
 * workflows, then starts the workers and waits until each answers its readiness check.
 */
export async function startQueueCluster(
  home: N8nHome,
  options: QueueClusterOptions,
): Promise<QueueCluster> {
  const main = await startN8nServer(home, { QUEUE_HEALTH_CHECK_PORT: String(await freePort()) });
  const workers: N8nProcess[] = [];
  const stop = async () => {
    for (const worker of workers) await worker.stop();
    await main.stop();
  };
  try {
    const owner = await setUpOwner(home);
    for (const id of options.activate)
      await publicApi(home, owner, 'POST', `workflows/${id}/activate`);
    for (let i = 0; i < options.workers; i += 1) {
      const healthPort = await freePort();
      const worker = spawnN8n(home, ['worker', `--concurrency=${options.concurrency}`], {
        QUEUE_HEALTH_CHECK_PORT: String(healthPort),
        N8N_WORKER_SERVER_PORT: String(healthPort),
      });
      workers.push(worker);
      await waitUntil(
        `worker ${i + 1}`,
        async () => {
          if (worker.child.exitCode !== null) throw new Error(worker.output());
          const response = await fetch(`http://127.0.0.1:${healthPort}/healthz/readiness`);
          return response.ok ? true : undefined;
        },
        120_000,
      );
    }
    return { main, owner, workers, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** Executions a worker ran, read from its log ("Worker started execution N"). */
export function executionsRunBy(worker: N8nProcess): Set<string> {
  const ids = new Set<string>();
  for (const match of worker.output().matchAll(/Worker started execution (\d+)/g))
    ids.add(match[1] ?? '');
  return ids;
}

/** Runs `job` over `items` with at most `limit` in flight. */
export async function inPool<T>(
  items: T[],
  limit: number,
  job: (item: T) => Promise<void>,
): Promise<void> {
  const queue = [...items];
  await Promise.all(
    Array.from({ length: limit }, async () => {
      for (let next = queue.shift(); next !== undefined; next = queue.shift()) await job(next);
    }),
  );
}
