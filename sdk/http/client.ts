/**
 * The connection's HTTP client: one engine (a retry/refresh state machine) around axios, which
 * stays inside this file so connector code never sees axios types or errors.
 */
import type * as http from 'node:http';
import type * as https from 'node:https';
import { Readable } from 'node:stream';
import axios from 'axios';
import type { AxiosInstance } from 'axios';
import { ConnectorError, isConnectorError } from '../errors';
import {
  errorForResponse,
  errorForTransport,
  isRetryableTransport,
  parseLenient,
} from './classify';
import type { TransportFailure } from './classify';
import { createAgentPool } from './agent-pool';
import { matchesResponse } from './matchers';
import {
  DEFAULT_ATTEMPT_TIMEOUT_MS,
  DEFAULT_REQUEST_DEADLINE_MS,
  responseLimitsOf,
} from './limits';
import type { ResponseSizeLimits } from './limits';
import { RAW_AXIOS_CONFIG } from './raw-axios';
import { errorForRefusedBody } from './refused-body';
import { resolveUrl } from './resolve-url';
import { sendOnce } from './send-once';
import { backoffDelay, parseRetryAfter, sleep } from './retry-timing';
import type {
  AppliedAuth,
  ConnectorHttpClient,
  Exchange,
  HttpClientOptions,
  RetryPolicy,
} from './types';
import type { HttpMethod, HttpRequestOptions, HttpResponse, QueryValue } from '../define';

/** Workato's default retryable statuses and idempotent methods. */
export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  methods: ['GET', 'HEAD'],
  statuses: [429, 500, 502, 503, 504],
  maxRetries: 3,
  maxRetryTimeMs: 60_000,
  baseDelayMs: 300,
  maxDelayMs: 10_000,
  maxRetryAfterMs: 60_000,
};

const METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE']);

/** State shared by a client and the variants made with `withRetry`. */
interface Shared {
  options: HttpClientOptions;
  limits: ResponseSizeLimits;
  axios: AxiosInstance;
  agents: { http: http.Agent; https: https.Agent; owned: boolean };
  /** Until when a 429 holds every request of the client (epoch ms). */
  pausedUntil: number;
  inFlight: number;
  queue: Array<() => void>;
}

type Outcome =
  | {
      kind: 'response';
      status: number;
      statusText: string;
      headers: Record<string, string>;
      body: string;
    }
  | { kind: 'transport'; failure: TransportFailure }
  | { kind: 'refused'; status: number; error: ConnectorError };

function appendQuery(url: URL, query: Record<string, QueryValue> | undefined): void {
  if (query === undefined) return;
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined) continue;
    if (Array.isArray(value)) for (const item of value) url.searchParams.append(key, String(item));
    else url.searchParams.append(key, String(value));
  }
}

/** What an exchange record shows of the request body; a streamed one is too large to keep. */
function requestBodyOf(
  data: string | undefined,
  req: HttpRequestOptions,
): { requestBody?: string } {
  if (req.bodyStream !== undefined) return { requestBody: '[streamed body]' };
  return data === undefined ? {} : { requestBody: data };
}

function policyOf(retry: Partial<RetryPolicy> | undefined): RetryPolicy {
  const merged = { ...DEFAULT_RETRY_POLICY };
  for (const [key, value] of Object.entries(retry ?? {}))
    if (value !== undefined) Object.assign(merged, { [key]: value });
  return merged;
}

function createShared(options: HttpClientOptions): Shared {
  const owned = options.agent?.http === undefined && options.agent?.https === undefined;
  // An agent that is made but never used holds no sockets, so nothing leaks when one is given.
  const own = createAgentPool(options.maxSockets);
  const agents = {
    http: options.agent?.http ?? own.http,
    https: options.agent?.https ?? own.https,
    owned,
  };
  const instance = axios.create({
    ...RAW_AXIOS_CONFIG,
    httpAgent: agents.http,
    httpsAgent: agents.https,
  });
  return {
    options,
    limits: responseLimitsOf(options.maxResponseBytes),
    axios: instance,
    agents,
    pausedUntil: 0,
    inFlight: 0,
    queue: [],
  };
}

/**
 * Takes a concurrency slot. A retry goes to the front of the queue: it has waited already, and
 * under a rate limit it would otherwise lose to newer requests window after window until its
 * retries run out.
 */
async function acquireSlot(shared: Shared, retry: boolean): Promise<void> {
  const limit = shared.options.maxConcurrency;
  if (limit === undefined || shared.inFlight < limit) {
    shared.inFlight += 1;
    return;
  }
  await new Promise<void>((resolve) =>
    retry ? shared.queue.unshift(resolve) : shared.queue.push(resolve),
  );
}

function releaseSlot(shared: Shared): void {
  const next = shared.queue.shift();
  // The slot passes straight to the next waiter, so inFlight stays the same.
  if (next !== undefined) next();
  else shared.inFlight -= 1;
}

/** Waits out a 429 pause of the client, but never past `deadlineAt`. */
async function waitForPause(
  shared: Shared,
  signal: AbortSignal | undefined,
  deadlineAt: number,
): Promise<void> {
  for (let now = Date.now(); now < Math.min(shared.pausedUntil, deadlineAt); now = Date.now())
    await sleep(Math.min(shared.pausedUntil, deadlineAt) - now, signal);
}

function parseJson(body: string, method: string, url: () => string, contentType: string): unknown {
  if (body.trim() === '') return null;
  try {
    return JSON.parse(body);
  } catch {
    const kind = contentType === '' ? 'a body' : `"${contentType.split(';')[0]}"`;
    throw new ConnectorError(
      'unexpected_response',
      `Expected JSON from ${method} ${url()} but received ${kind} that is not valid JSON (${body.length} characters).`,
      {
        hint: 'The API answered with an error page or a truncated body; retry, and check the endpoint URL.',
        details: { method, url: url() },
      },
    );
  }
}

function createEngine(shared: Shared, policy: RetryPolicy): ConnectorHttpClient {
  const { options } = shared;
  const { redactor } = options;
  const refreshOn = options.auth?.refreshOn ?? [401];
  const detectOn = options.auth?.detectOn ?? [];

  async function send(
    method: HttpMethod,
    url: URL,
    headers: Record<string, string>,
    data: string | Readable | undefined,
    limits: { timeoutMs: number; deadline: string; maxBytes: number; maxBytesName: string },
    signal: AbortSignal | undefined,
  ): Promise<Outcome> {
    const outcome = await sendOnce(shared.axios, {
      method,
      url: url.toString(),
      headers,
      ...(data === undefined ? {} : { data }),
      ...limits,
      ...(signal === undefined ? {} : { signal }),
    });
    if (outcome.kind === 'response') return outcome;
    const redactedUrl = redactor.redact(url.toString());
    if (outcome.kind === 'refused')
      return {
        kind: 'refused',
        status: outcome.status,
        error: errorForRefusedBody(method, redactedUrl, outcome),
      };
    const { kind: _kind, ...failure } = outcome;
    return { kind: 'transport', failure: { ...failure, method, url: redactedUrl } };
  }

  function report(exchange: Exchange): void {
    if (options.onExchange === undefined) return;
    try {
      options.onExchange(redactor.redactValue(exchange));
    } catch {
      // A failing log sink must not fail the request.
    }
  }

  function shouldRetryStatus(status: number, statusText: string, body: string): boolean {
    if (!policy.statuses.includes(status)) return false;
    if (policy.matchers === undefined || policy.matchers.length === 0) return true;
    return matchesResponse(policy.matchers, { status, statusText, body });
  }

  async function request<T = unknown>(req: HttpRequestOptions): Promise<HttpResponse<T>> {
    if (!METHODS.has(req.method))
      throw new ConnectorError(
        'invalid_input',
        `The HTTP method "${String(req.method)}" is not supported.`,
      );
    const target = resolveUrl(options.baseUri, req.url);
    appendQuery(target, req.query);
    const timeoutMs = req.timeoutMs ?? options.timeoutMs ?? DEFAULT_ATTEMPT_TIMEOUT_MS;
    const deadlineMs = options.deadlineMs ?? DEFAULT_REQUEST_DEADLINE_MS;
    const responseType = req.responseType ?? 'json';
    const maxBytes = req.maxResponseBytes ?? shared.limits[responseType];
    const maxBytesName =
      req.maxResponseBytes === undefined
        ? `maxResponseBytes.${responseType}`
        : "the request's maxResponseBytes";
    const retryable = req.retry === true || policy.methods.includes(req.method);
    let data: string | undefined;
    const baseHeaders: Record<string, string> = {
      accept: responseType === 'json' ? 'application/json' : '*/*',
    };
    if (req.json !== undefined) {
      data = JSON.stringify(req.json);
      baseHeaders['content-type'] = 'application/json';
    } else if (req.body !== undefined) data = req.body;
    for (const [key, value] of Object.entries(req.headers ?? {}))
      baseHeaders[key.toLowerCase()] = value;

    const started = Date.now();
    const deadlineAt = started + deadlineMs;
    const requestDeadline = 'the deadline "deadlineMs" for the request and its retries passed';
    const attemptDeadline = 'no complete response within the per-attempt deadline "timeoutMs"';
    /** True when a wait of `delay` ms still leaves time for another attempt. */
    const fitsDeadline = (delay: number): boolean => Date.now() + delay < deadlineAt;
    let attempt = 0;
    let retries = 0;
    let refreshed = false;
    for (;;) {
      attempt += 1;
      await waitForPause(shared, req.signal, deadlineAt);
      const remaining = deadlineAt - Date.now();
      if (remaining <= 0)
        throw redactor.redactValue(
          errorForTransport({
            code: 'ETIMEDOUT',
            timeoutMs: deadlineMs,
            deadline: requestDeadline,
            method: req.method,
            url: redactor.redact(target.toString()),
            detail: 'the deadline passed before another attempt could start',
          }),
        );
      // The last attempt gets what is left of the request's deadline, if that is less.
      const limits =
        remaining < timeoutMs
          ? { timeoutMs: remaining, deadline: requestDeadline, maxBytes, maxBytesName }
          : { timeoutMs, deadline: attemptDeadline, maxBytes, maxBytesName };
      let applied: AppliedAuth | undefined;
      const url = new URL(target);
      const headers = { ...baseHeaders };
      if (options.auth !== undefined) {
        applied = await options.auth.authenticate();
        redactor.add(applied.credential);
        // The managed credentials win over caller-set headers of the same name.
        for (const [key, value] of Object.entries(applied.headers ?? {}))
          headers[key.toLowerCase()] = value;
        for (const [key, value] of Object.entries(applied.query ?? {}))
          url.searchParams.set(key, value);
      }
      // Redacting costs a scan of the URL; most requests succeed and never show it to anyone.
      let redactedUrlText: string | undefined;
      const redactedUrl = (): string => (redactedUrlText ??= redactor.redact(url.toString()));

      await acquireSlot(shared, attempt > 1);
      let sentAt: number;
      let outcome: Outcome;
      try {
        // A 429 may have arrived while this request waited for its slot (or its token): the
        // pause holds it too, so a throttled client sends nothing until Retry-After has passed.
        await waitForPause(shared, req.signal, deadlineAt);
        // A fresh stream per attempt: a consumed one cannot be sent again.
        const payload = req.bodyStream === undefined ? data : Readable.from(req.bodyStream());
        sentAt = Date.now();
        outcome = await send(req.method, url, headers, payload, limits, req.signal);
      } finally {
        releaseSlot(shared);
      }
      const durationMs = Date.now() - sentAt;

      if (outcome.kind === 'refused') {
        if (options.onExchange !== undefined)
          report({
            attempt,
            method: req.method,
            url: redactedUrl(),
            status: outcome.status,
            durationMs,
            requestHeaders: headers,
            ...(data === undefined ? {} : { requestBody: data }),
            error: outcome.error.message,
          });
        // An oversized or undecodable answer would be the same on a second attempt.
        throw redactor.redactValue(outcome.error);
      }

      if (outcome.kind === 'transport') {
        // The request's own deadline is reported as that, not as the shortened attempt's.
        if (outcome.failure.deadline === requestDeadline) outcome.failure.timeoutMs = deadlineMs;
        if (options.onExchange !== undefined)
          report({
            attempt,
            method: req.method,
            url: redactedUrl(),
            durationMs,
            requestHeaders: headers,
            ...requestBodyOf(data, req),
            error: outcome.failure.detail,
          });
        const delay = backoffDelay(retries + 1, policy.baseDelayMs, policy.maxDelayMs);
        const wouldRetry =
          retryable &&
          isRetryableTransport(outcome.failure) &&
          outcome.failure.deadline !== requestDeadline &&
          retries < policy.maxRetries &&
          Date.now() - started + delay <= policy.maxRetryTimeMs;
        if (wouldRetry && fitsDeadline(delay)) {
          retries += 1;
          await sleep(delay, req.signal);
          continue;
        }
        // A timeout that only the request's deadline keeps from being retried is that deadline's.
        if (wouldRetry && outcome.failure.timeoutMs !== undefined)
          Object.assign(outcome.failure, { timeoutMs: deadlineMs, deadline: requestDeadline });
        throw redactor.redactValue(errorForTransport(outcome.failure));
      }

      const { status, statusText, body } = outcome;
      const retryAfterMs = parseRetryAfter(outcome.headers['retry-after'], Date.now());
      // The server throttles the client, not one request: hold every request until then.
      if (status === 429)
        shared.pausedUntil = Math.max(
          shared.pausedUntil,
          Date.now() + Math.min(retryAfterMs ?? policy.baseDelayMs, policy.maxRetryAfterMs),
        );
      if (options.onExchange !== undefined)
        report({
          attempt,
          method: req.method,
          url: redactedUrl(),
          status,
          durationMs,
          requestHeaders: headers,
          ...requestBodyOf(data, req),
          responseHeaders: outcome.headers,
          responseBody: body,
        });

      const subject = { status, statusText, body };
      const ok = status >= 200 && status < 300;
      const authSignal =
        applied !== undefined &&
        ((!ok && matchesResponse(refreshOn, subject)) ||
          (ok && detectOn.length > 0 && matchesResponse(detectOn, subject)));
      if (authSignal && applied !== undefined) {
        if (!refreshed) {
          refreshed = true;
          await options.auth?.renew(applied.credential);
          continue;
        }
        if (ok)
          throw new ConnectorError(
            'unauthorized',
            `The response to ${req.method} ${redactedUrl()} still reported an authorization failure after a token refresh.`,
            {
              hint: 'Re-authorize the connection.',
              details: { status, method: req.method, url: redactedUrl() },
            },
          );
      }

      if (ok || req.acceptStatus?.includes(status)) {
        // An accepted error body (a SOAP fault) is read for its message, which the caller may
        // clip: it is scrubbed whole first, so no clip can cut a secret in two.
        const shown = ok ? body : redactor.redact(body);
        const parsed =
          responseType === 'json' && ok
            ? parseJson(body, req.method, redactedUrl, outcome.headers['content-type'] ?? '')
            : responseType === 'json'
              ? // An accepted non-2xx body (e.g. a SOAP fault) need not be JSON.
                parseLenient(shown)
              : shown;
        return {
          status,
          headers: outcome.headers,
          data: parsed as T,
          get url() {
            return redactedUrl();
          },
        };
      }

      // A 429 is a refusal to process the request at all (the client is asked to slow down), so
      // sending it again cannot repeat a write: every method waits for Retry-After and retries,
      // POST and PUT too. Assumed for Workday, whose rate limiting is undocumented.
      if ((retryable || status === 429) && shouldRetryStatus(status, statusText, body)) {
        const delay =
          retryAfterMs ?? backoffDelay(retries + 1, policy.baseDelayMs, policy.maxDelayMs);
        const withinCap = retryAfterMs === undefined || retryAfterMs <= policy.maxRetryAfterMs;
        if (
          withinCap &&
          retries < policy.maxRetries &&
          Date.now() - started + delay <= policy.maxRetryTimeMs &&
          fitsDeadline(delay)
        ) {
          retries += 1;
          await sleep(delay, req.signal);
          continue;
        }
      }
      throw redactor.redactValue(
        errorForResponse(
          {
            status,
            statusText,
            method: req.method,
            url: redactedUrl(),
            // Scrubbed whole before the connector's error_body reader clips any of it.
            body: redactor.redact(body),
            ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
            ...(refreshed ? { afterRefresh: true } : {}),
          },
          options.errorBody,
          (text) => redactor.redact(text),
        ),
      );
    }
  }

  async function guarded<T>(req: HttpRequestOptions): Promise<HttpResponse<T>> {
    try {
      return await request<T>(req);
    } catch (error: unknown) {
      if (isConnectorError(error)) throw redactor.redactValue(error);
      throw redactor.redactValue(
        new ConnectorError(
          'internal',
          `Unexpected failure in ${req.method} ${redactor.redact(String(req.url))}.`,
          {
            cause: error,
          },
        ),
      );
    }
  }

  return {
    request: guarded,
    async get<T = unknown>(url: string, query?: Record<string, QueryValue>): Promise<T> {
      return (await guarded<T>({ method: 'GET', url, ...(query === undefined ? {} : { query }) }))
        .data;
    },
    async post<T = unknown>(url: string, json?: unknown): Promise<T> {
      return (await guarded<T>({ method: 'POST', url, json })).data;
    },
    async put<T = unknown>(
      url: string,
      json?: unknown,
      query?: Record<string, QueryValue>,
    ): Promise<T> {
      return (
        await guarded<T>({ method: 'PUT', url, json, ...(query === undefined ? {} : { query }) })
      ).data;
    },
    async patch<T = unknown>(url: string, json?: unknown): Promise<T> {
      return (await guarded<T>({ method: 'PATCH', url, json })).data;
    },
    async delete<T = unknown>(url: string): Promise<T> {
      return (await guarded<T>({ method: 'DELETE', url })).data;
    },
    withRetry(retry: Partial<RetryPolicy>): ConnectorHttpClient {
      return createEngine(shared, policyOf({ ...policy, ...retry }));
    },
    close(): void {
      if (!shared.agents.owned) return;
      shared.agents.http.destroy();
      shared.agents.https.destroy();
    },
  };
}

/**
 * Creates the HTTP client of one connection: keep-alive pool, Workato `base_uri` rule, `apply`
 * before every request, refresh once on `refresh_on`/`detect_on`, retries with backoff and
 * `Retry-After` (a 429 pauses the whole client), timeouts, error classification into
 * `ConnectorError` codes, and redacted `onExchange` records.
 *
 * @example
 * const client = createHttpClient({ baseUri: 'https://host/api/v1/acme', redactor: createRedactor() });
 * const workers = await client.get('workers', { limit: 100 });
 * client.close();
 */
export function createHttpClient(options: HttpClientOptions): ConnectorHttpClient {
  return createEngine(createShared(options), policyOf(options.retry));
}
