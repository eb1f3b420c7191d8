/** What every route of one region's app shares. */
import type { Faults } from './faults';
import type { ClientFixture } from './fixtures';
import type { RateLimiter } from './rate-limit';
import type { Store } from './store';

export interface IssuedToken {
  clientId: string;
  /** Granted scopes. */
  scopes: readonly string[];
  expiresAt: number;
}

export interface SimulatorCounters {
  /** Token requests (answered or not), and API requests by route name. */
  tokenRequests: number;
  requests: Record<string, number>;
  /** Requests per client id, token requests included. */
  byClient: Record<string, number>;
  /** Client authentication seen at the token endpoint. */
  clientAuth: { basic: number; form: number; json: number };
}

/** One request the rate limiter counted, as the request log keeps it. */
export interface RequestRecord {
  /** When it arrived (the context's clock, ms). */
  at: number;
  /** The route name (`token`, `read-range`, ...). */
  route: string;
  client: string;
  /** The `Retry-After` seconds of a 429 answer; absent when the request was admitted. */
  retryAfter?: number;
}

/** Requests the log keeps at most (the oldest go first). */
export const REQUEST_LOG_LIMIT = 10_000;

export interface SimulatorContext {
  region: 'us' | 'eu';
  clients: readonly ClientFixture[];
  clientSecrets: Record<string, string>;
  tokens: Map<string, IssuedToken>;
  store: Store;
  faults: Faults;
  limiter: RateLimiter;
  counters: SimulatorCounters;
  /** Every request the rate limiter counted, oldest first, so tests can check the pacing. */
  log: RequestRecord[];
  now: () => number;
  tokenTtlSeconds: number;
  /** `Retry-After` on 202 answers and on polls of unfinished operations. */
  operationRetryAfterSeconds: number;
  /** Polls of one operation closer together than this are answered 429 (§3.1: ~1 req/s). */
  operationPollIntervalMs: number;
}

export function emptyCounters(): SimulatorCounters {
  return {
    tokenRequests: 0,
    requests: {},
    byClient: {},
    clientAuth: { basic: 0, form: 0, json: 0 },
  };
}

export function bump(map: Record<string, number>, key: string): void {
  map[key] = (map[key] ?? 0) + 1;
}
