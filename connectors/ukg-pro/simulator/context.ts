/** What every route of one environment's app shares. */
import type { EnvironmentFixture } from './fixtures';
import type { Faults } from './faults';
import type { EnvironmentSecrets } from './secrets';

/** Counters a test reads through `state()`. */
export interface SimulatorCounters {
  /** API requests by route name (`person-details`, `org-levels`, …, `token`). */
  requests: Record<string, number>;
  /** Answers by status code. */
  statuses: Record<string, number>;
  /**
   * Requests that carried a header or token parameter UKG does not have (`x-tenant-id`,
   * `tenant_context`): UKG ignores them, and so does the simulator, but it counts them.
   */
  ignored: Record<string, number>;
}

export interface EnvironmentContext {
  env: EnvironmentFixture;
  secrets: EnvironmentSecrets;
  faults: Faults;
  counters: SimulatorCounters;
  now: () => number;
  tokenTtlSeconds: number;
  /**
   * `specific`: 401 details say whether the key or the password was wrong; `generic`: every 401
   * says the same (UKG's real bodies are undocumented, so tests cover both).
   */
  authErrorDetail: 'specific' | 'generic';
}

export function emptyCounters(): SimulatorCounters {
  return { requests: {}, statuses: {}, ignored: {} };
}

export function bump(map: Record<string, number>, key: string): void {
  map[key] = (map[key] ?? 0) + 1;
}
