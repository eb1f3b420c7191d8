import { nowMs } from './stats';

/** What {@link runPool} measured. */
export interface PoolResult<T> {
  /** Results in task-index order. */
  values: T[];
  /** Latency of each task in milliseconds, in task-index order. */
  latenciesMs: number[];
  /** Wall time of the whole pool in milliseconds. */
  wallMs: number;
}

/**
 * Runs `count` tasks with at most `concurrency` in flight, like a platform worker pool: each
 * worker picks the next index as soon as its previous task settles. The first failure rejects.
 */
export async function runPool<T>(
  count: number,
  concurrency: number,
  task: (index: number) => Promise<T>,
): Promise<PoolResult<T>> {
  const values = new Array<T>(count);
  const latenciesMs = new Array<number>(count).fill(0);
  let next = 0;
  const start = nowMs();
  const worker = async (): Promise<void> => {
    while (next < count) {
      const index = next++;
      const begin = nowMs();
      values[index] = await task(index);
      latenciesMs[index] = nowMs() - begin;
    }
  };
  const workers = Array.from({ length: Math.min(concurrency, count) }, () => worker());
  await Promise.all(workers);
  return { values, latenciesMs, wallMs: nowMs() - start };
}
