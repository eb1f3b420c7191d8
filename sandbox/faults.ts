/**
 * Fault injection: decides, per API request, whether to delay it, refuse it (429/5xx), drop the
 * connection before or after handling it, or mangle its answer. Deterministic where the spec
 * says `every`; `probability` draws from a seeded RNG so runs repeat.
 */
import type { FaultSpec, MalformedKind } from './types';

/** What the app must do with one request. */
export interface FaultPlan {
  latencyMs: number;
  resetBeforeResponse: boolean;
  rateLimitRetryAfterSeconds: number | undefined;
  serverErrorStatus: number | undefined;
  loseResponseAfterCommit: boolean;
  malformed: MalformedKind | undefined;
}

/** Side effects of one-shot faults, performed by the token registry. */
export interface OneShotHandlers {
  expireAccessTokens(): void;
  revokeRefreshTokens(clientIds: readonly string[] | 'all'): void;
}

const NO_FAULTS: FaultPlan = Object.freeze({
  latencyMs: 0,
  resetBeforeResponse: false,
  rateLimitRetryAfterSeconds: undefined,
  serverErrorStatus: undefined,
  loseResponseAfterCommit: false,
  malformed: undefined,
});

/** mulberry32: tiny, fast and good enough to spread injected failures. */
function createRng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function matches(match: string | undefined, path: string, operation: string | undefined): boolean {
  return match === undefined || path.includes(match) || (operation?.includes(match) ?? false);
}

/** Holds the active FaultSpec and counts what fired. */
export class FaultEngine {
  #spec: FaultSpec = {};
  #active = false;
  #rng = createRng(1);
  /** Matching requests seen per fault, for `every`. */
  #seen = new Map<string, number>();
  /** Fires per fault under the current spec, for `count`. */
  #budgetUsed = new Map<string, number>();
  /** Fires per fault since start or reset (SandboxState.faults.fired). */
  #fired: Record<string, number> = {};
  readonly #oneShots: OneShotHandlers;

  constructor(oneShots: OneShotHandlers) {
    this.#oneShots = oneShots;
  }

  /** Replaces the spec; one-shot faults act now and are not kept. */
  set(spec: FaultSpec): void {
    const { expireAccessTokens, revokeRefreshTokens, ...kept } = spec;
    if (expireAccessTokens === true) {
      this.#oneShots.expireAccessTokens();
      this.#fire('expireAccessTokens');
    }
    if (revokeRefreshTokens !== undefined && revokeRefreshTokens !== false) {
      this.#oneShots.revokeRefreshTokens(
        revokeRefreshTokens === true ? 'all' : revokeRefreshTokens,
      );
      this.#fire('revokeRefreshTokens');
    }
    this.#spec = kept;
    this.#active = Object.keys(kept).some(
      (key) => key !== 'seed' && key !== 'accessTokenTtlSeconds',
    );
    this.#rng = createRng(kept.seed ?? 1);
    this.#seen = new Map();
    this.#budgetUsed = new Map();
  }

  /** Clears the spec; with `resetCounters`, also what fired. */
  clear(resetCounters = false): void {
    this.set({});
    if (resetCounters) this.#fired = {};
  }

  /** The active spec (one-shots already applied are not in it). */
  get spec(): FaultSpec {
    return this.#spec;
  }

  get fired(): Record<string, number> {
    return { ...this.#fired };
  }

  /** Lifetime of access tokens issued now, when the spec overrides it. */
  get accessTokenTtlSeconds(): number | undefined {
    return this.#spec.accessTokenTtlSeconds;
  }

  /** Decides the faults of one API request and counts them as fired. */
  plan(path: string, operation: string | undefined): FaultPlan {
    if (!this.#active) return NO_FAULTS;
    const spec = this.#spec;
    const plan: FaultPlan = { ...NO_FAULTS };
    if (
      spec.latencyMs !== undefined &&
      this.#take('latencyMs', spec.latencyMatch, spec.latencyCount, path, operation)
    ) {
      plan.latencyMs = spec.latencyMs;
    }
    const reset = spec.resetBeforeResponse;
    if (
      reset !== undefined &&
      this.#take('resetBeforeResponse', reset.match, reset.count, path, operation)
    ) {
      plan.resetBeforeResponse = true;
      return plan;
    }
    const rateLimit = spec.rateLimit;
    if (rateLimit !== undefined && matches(rateLimit.match, path, operation)) {
      const seen = this.#count('rateLimit');
      if (seen % rateLimit.every === 0) {
        plan.rateLimitRetryAfterSeconds = rateLimit.retryAfterSeconds;
        this.#fire('rateLimit');
        return plan;
      }
    }
    const serverError = spec.serverError;
    if (serverError !== undefined && matches(serverError.match, path, operation)) {
      const seen = this.#count('serverError');
      const used = this.#budgetUsed.get('serverError') ?? 0;
      const hit =
        serverError.every !== undefined
          ? seen % serverError.every === 0
          : serverError.probability !== undefined
            ? this.#rng() < serverError.probability
            : true;
      if (hit && (serverError.count === undefined || used < serverError.count)) {
        this.#budgetUsed.set('serverError', used + 1);
        plan.serverErrorStatus = serverError.status ?? 500;
        this.#fire('serverError');
        return plan;
      }
    }
    const lose = spec.loseResponseAfterCommit;
    if (
      lose !== undefined &&
      this.#take('loseResponseAfterCommit', lose.match, lose.count, path, operation)
    ) {
      plan.loseResponseAfterCommit = true;
      return plan;
    }
    const malformed = spec.malformed;
    if (
      malformed !== undefined &&
      this.#take('malformed', malformed.match, malformed.count, path, operation)
    ) {
      plan.malformed = malformed.kind;
    }
    return plan;
  }

  #count(key: string): number {
    const seen = (this.#seen.get(key) ?? 0) + 1;
    this.#seen.set(key, seen);
    return seen;
  }

  #take(
    key: string,
    match: string | undefined,
    count: number | undefined,
    path: string,
    operation: string | undefined,
  ): boolean {
    if (!matches(match, path, operation)) return false;
    const used = this.#budgetUsed.get(key) ?? 0;
    if (count !== undefined && used >= count) return false;
    this.#budgetUsed.set(key, used + 1);
    this.#fire(key);
    return true;
  }

  #fire(key: string): void {
    this.#fired[key] = (this.#fired[key] ?? 0) + 1;
  }
}
