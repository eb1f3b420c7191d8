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

export interface SimulatorContext {
  region: 'us' | 'eu';
  clients: readonly ClientFixture[];
  clientSecrets: Record<string, string>;
  tokens: Map<string, IssuedToken>;
  store: Store;
  faults: Faults;
  limiter: RateLimiter;
  counters: SimulatorCounters;
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
