import type * as http from 'node:http';
import type * as https from 'node:https';
import type { HttpClient, HttpMethod, ResponseMatcher } from '../define';
import type { RemoteMessage } from '../errors';
import type { Redactor } from '../redact';
import type { ResponseSizeLimits } from './limits';

/**
 * When and how often a failed request is sent again. Retries back off exponentially with full
 * jitter and honour `Retry-After`; both the number of attempts and the total time are bounded.
 */
export interface RetryPolicy {
  /**
   * Methods that are retried; others only when the request sets `retry: true`.
   * @default ['GET', 'HEAD']
   */
  methods: readonly HttpMethod[];
  /**
   * Statuses that are retried.
   * @default [429, 500, 502, 503, 504]
   */
  statuses: readonly number[];
  /**
   * Extra conditions on the response (Workato `retry_on_response` strings and patterns): when
   * given, a retryable status must also match one of them (exact body or status text, or a
   * pattern against the body).
   */
  matchers?: readonly (string | RegExp)[];
  /**
   * Attempts after the first.
   * @default 3
   */
  maxRetries: number;
  /**
   * Total time from the first attempt after which no retry starts.
   * @default 60000
   */
  maxRetryTimeMs: number;
  /**
   * Backoff base: the cap of the n-th retry's random delay is `baseDelayMs * 2^(n-1)`.
   * @default 300
   */
  baseDelayMs: number;
  /**
   * Upper bound of one backoff delay.
   * @default 10000
   */
  maxDelayMs: number;
  /**
   * The longest `Retry-After` that is waited for; a longer one ends the retries at once with
   * `rate_limited` (carrying `retryAfterSeconds`) instead of holding a job for minutes.
   * @default 60000
   */
  maxRetryAfterMs: number;
}

/** Headers and query parameters that authenticate one request, and the credential they carry. */
export interface AppliedAuth {
  headers?: Record<string, string>;
  query?: Record<string, string>;
  /** The access token used; handed back to `renew` when the server rejects it. */
  credential: string;
}

/**
 * The client's view of a connection's authorization (built by the runtime from `apply`,
 * `refresh_on` and `detect_on`). Implementations make `renew` single-flight.
 */
export interface AuthHooks {
  /** Called before every attempt: returns a current credential, refreshing early if it is nearly spent. */
  authenticate(): Promise<AppliedAuth>;
  /**
   * Obtains a new credential after the server rejected `rejected`. A no-op when another request
   * already replaced it; concurrent callers share one token request.
   */
  renew(rejected: string): Promise<void>;
  /**
   * Error responses that mean "token no longer good" (status numbers, exact body/status text,
   * patterns against the body).
   * @default [401]
   */
  refreshOn?: readonly ResponseMatcher[];
  /** 2xx responses that are really auth errors, matched against the raw body. */
  detectOn?: readonly (string | RegExp)[];
}

/** One HTTP exchange as `onExchange` receives it: already redacted. */
export interface Exchange {
  /** 1 for the first attempt, 2 for the first retry or the retry after a refresh, ... */
  attempt: number;
  method: string;
  url: string;
  /** Absent when no response arrived (transport failure). */
  status?: number;
  durationMs: number;
  requestHeaders: Record<string, string>;
  requestBody?: string;
  responseHeaders?: Record<string, string>;
  responseBody?: string;
  /** The transport failure, when there was no response. */
  error?: string;
}

/** Reads an error body into a message and the remote system's own messages (the connection's `error_body`). */
export type ErrorBodyReader = (
  body: unknown,
  status: number,
) => { message: string; messages?: RemoteMessage[] } | undefined;

/** Options of {@link createHttpClient}. */
export interface HttpClientOptions {
  /** The base every relative path resolves against (Workato `base_uri`). */
  baseUri: string;
  /** Authorization hooks; without them requests go out unauthenticated. */
  auth?: AuthHooks;
  /**
   * Default deadline of one attempt, from sending to the last byte of the answer (not a socket
   * idle timeout: a server trickling bytes cannot stretch it).
   * @default 30000
   */
  timeoutMs?: number;
  /**
   * Deadline of one request including every retry and wait (backoff, `Retry-After`, a 429
   * pause); the last attempt is cut short to fit it.
   * @default 90000
   */
  deadlineMs?: number;
  /**
   * The most bytes read of one answer, as received and once decompressed, by response type; a
   * larger answer is refused as `unexpected_response` naming the limit.
   * @default { json: 16 MiB, text: 32 MiB, token: 256 KiB }
   */
  maxResponseBytes?: Partial<ResponseSizeLimits>;
  /** Retry policy; missing keys take their defaults. */
  retry?: Partial<RetryPolicy>;
  /** Most requests in flight at once; more wait in a queue. Unbounded when absent. */
  maxConcurrency?: number;
  /**
   * Sockets per host in the client's keep-alive pool.
   * @default 16
   */
  maxSockets?: number;
  /** Receives every exchange, redacted (the CLI's `--verbose`). */
  onExchange?: (exchange: Exchange) => void;
  /** Scrubs secrets from errors and exchanges; the client registers credentials it applies. */
  redactor: Redactor;
  /** Reads the API's error bodies into messages (the connection's `error_body`). */
  errorBody?: ErrorBodyReader;
  /** Agents to use instead of the client's own pool (not destroyed by `close`). */
  agent?: { http?: http.Agent; https?: https.Agent };
}

/** The connection's HTTP client, with the pool's lifecycle and per-operation retry variants. */
export interface ConnectorHttpClient extends HttpClient {
  /**
   * A client sharing this one's pool, pause state and authorization, with another retry
   * policy (an action's `retry_on_response` / `retry_on_request` / `max_retries`).
   */
  withRetry(retry: Partial<RetryPolicy>): ConnectorHttpClient;
  /** Destroys the keep-alive pool; pending requests fail. */
  close(): void;
}
