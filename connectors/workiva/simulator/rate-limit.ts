/**
 * Workiva's rate limit, as the simulator plays it: a fixed window of `limit` requests per
 * `windowMs` per OAuth client, with token requests counted together with API calls (the legacy
 * guide: limits "apply to the oauth2/token endpoint as well", §3.1). Workiva publishes no current
 * numbers, so both are options. Over the limit: 429 with `Retry-After` (whole seconds until the
 * window ends, at least 1).
 *
 * It also measures how well a client behaves: a request that arrives while the client was told
 * to wait (after the grace that lets requests already in flight land) is a *violation*.
 */

export interface RateLimitOptions {
  /** Requests per window per client. @default 50 */
  limit?: number;
  /** @default 1000 */
  windowMs?: number;
  /**
   * Requests arriving this soon after a 429 are taken to have been in flight when it was sent.
   * @default 150
   */
  graceMs?: number;
}

interface ClientWindow {
  start: number;
  count: number;
  /** When the last 429 was sent and until when it told the client to wait. */
  limitedAt: number;
  blockedUntil: number;
}

/** Counters of the rate limiter, per client id. */
export interface RateLimitStats {
  /** Requests answered 429 (by the limiter or a storm). */
  limited: number;
  /** Requests that arrived while their client was told to wait. */
  violations: number;
  /** The most requests one client had accepted within one window. */
  maxAcceptedInWindow: number;
}

export class RateLimiter {
  readonly limit: number;
  readonly windowMs: number;
  readonly #graceMs: number;
  readonly #now: () => number;
  #windows = new Map<string, ClientWindow>();
  stats: RateLimitStats = { limited: 0, violations: 0, maxAcceptedInWindow: 0 };

  constructor(options: RateLimitOptions, now: () => number) {
    this.limit = options.limit ?? 50;
    this.windowMs = options.windowMs ?? 1000;
    this.#graceMs = options.graceMs ?? 150;
    this.#now = now;
  }

  #window(client: string, now: number): ClientWindow {
    let w = this.#windows.get(client);
    if (w === undefined) {
      w = { start: now, count: 0, limitedAt: 0, blockedUntil: 0 };
      this.#windows.set(client, w);
    }
    if (now - w.start >= this.windowMs) {
      w.start = now;
      w.count = 0;
    }
    return w;
  }

  /**
   * Counts one request of `client`; returns the `Retry-After` seconds to answer with when it is
   * over the limit (or `forcedRetryAfter`, a storm's), else `undefined`.
   */
  admit(client: string, forcedRetryAfter?: number): number | undefined {
    const now = this.#now();
    const w = this.#window(client, now);
    if (now < w.blockedUntil && now - w.limitedAt > this.#graceMs) this.stats.violations += 1;
    let retryAfter = forcedRetryAfter;
    if (retryAfter === undefined && w.count >= this.limit) {
      retryAfter = Math.max(1, Math.ceil((w.start + this.windowMs - now) / 1000));
    }
    if (retryAfter !== undefined) {
      this.stats.limited += 1;
      w.limitedAt = now;
      w.blockedUntil = Math.max(w.blockedUntil, now + retryAfter * 1000);
      return retryAfter;
    }
    w.count += 1;
    this.stats.maxAcceptedInWindow = Math.max(this.stats.maxAcceptedInWindow, w.count);
    return undefined;
  }

  reset(): void {
    this.#windows.clear();
    this.stats = { limited: 0, violations: 0, maxAcceptedInWindow: 0 };
  }
}
