/**
 * Waiting on a long-running operation (§3.2): poll the `Location` of a 202 answer until the
 * status is terminal (`completed`, `cancelled`, `failed`), waiting at least the `Retry-After`
 * Workiva asks for and backing off exponentially (operation polls may be limited to about one
 * a second, §3.1), within a total time bound.
 */
import { z } from 'zod';
import { ConnectorError } from '../../../sdk/errors';
import type { HttpClient } from '../../../sdk/define';
import { OPERATION_STATUSES, TERMINAL_STATUSES } from './api';

export const operationSchema = z.looseObject({
  id: z.string(),
  status: z.enum(OPERATION_STATUSES),
  created: z.string().optional(),
  updated: z.string().optional(),
  resourceUrl: z.string().optional(),
  details: z
    .array(
      z.looseObject({
        code: z.string().optional(),
        message: z.string().optional(),
        target: z.string().nullish(),
      }),
    )
    .optional(),
});
export type Operation = z.output<typeof operationSchema>;

/** Options of {@link waitForOperation}. */
export interface WaitOptions {
  /** The first wait, from the 202's `Retry-After` (ms). */
  firstDelayMs: number;
  /** Give up after this long (ms) and return the last status seen. */
  timeoutMs: number;
  /** @default 1000 */
  minDelayMs?: number;
  /** @default 10000 */
  maxDelayMs?: number;
  /** @default Date.now */
  now?: () => number;
  /** @default setTimeout */
  sleep?: (ms: number) => Promise<void>;
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function retryAfterMs(value: string | undefined): number | undefined {
  return value !== undefined && /^\d+$/.test(value.trim())
    ? Number(value.trim()) * 1000
    : undefined;
}

/**
 * Polls `location` until the operation ends or `timeoutMs` passes.
 * @returns the last operation seen and whether it reached a terminal status
 */
export async function waitForOperation(
  http: HttpClient,
  location: string,
  options: WaitOptions,
): Promise<{ operation: Operation; finished: boolean; polls: number }> {
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? defaultSleep;
  const minDelay = options.minDelayMs ?? 1000;
  const maxDelay = options.maxDelayMs ?? 10_000;
  const deadline = now() + options.timeoutMs;
  let delay = Math.max(options.firstDelayMs, 0);
  let backoff = minDelay;
  let polls = 0;
  for (;;) {
    const wait = Math.min(delay, Math.max(0, deadline - now()));
    await sleep(wait);
    const response = await http.request<unknown>({ method: 'GET', url: location, retry: true });
    polls += 1;
    const parsed = operationSchema.safeParse(response.data);
    if (!parsed.success) {
      throw new ConnectorError(
        'unexpected_response',
        'Workiva answered an operation poll with an unexpected shape.',
        {
          details: { status: response.status },
        },
      );
    }
    const operation = parsed.data;
    if (TERMINAL_STATUSES.has(operation.status)) return { operation, finished: true, polls };
    if (now() >= deadline) return { operation, finished: false, polls };
    // Never sooner than Workiva asks, and never hammering: the backoff grows to maxDelay.
    delay = Math.min(
      maxDelay,
      Math.max(retryAfterMs(response.headers['retry-after']) ?? 0, backoff),
    );
    backoff = Math.min(maxDelay, backoff * 2);
  }
}
