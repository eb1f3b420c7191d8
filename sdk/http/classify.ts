import { STATUS_CODES } from 'node:http';
import { ConnectorError } from '../errors';
import type { ErrorCode, RemoteMessage } from '../errors';
import { bodyWords, clipWords } from './body-words';
import type { ErrorBodyReader } from './types';

/** A non-2xx response to classify. */
export interface FailedResponse {
  status: number;
  statusText: string;
  method: string;
  /** Already redacted. */
  url: string;
  /** Raw body text. */
  body: string;
  retryAfterMs?: number;
  /** True when the request was sent again with a token refreshed because of a first 401. */
  afterRefresh?: boolean;
}

function codeForStatus(status: number): ErrorCode {
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'insufficient_scope';
  if (status === 404 || status === 410) return 'not_found';
  if (status === 409 || status === 412) return 'conflict';
  if (status === 429) return 'rate_limited';
  if (status >= 500) return 'remote_error';
  if (status >= 400) return 'remote_validation';
  // 1xx/3xx: redirects are not followed, so the documented answer never came.
  return 'unexpected_response';
}

const HINTS: Partial<Record<ErrorCode, string>> = {
  unauthorized: 'The access token was rejected even after a refresh; re-authorize the connection.',
  insufficient_scope:
    'The token is valid but lacks a permission this call needs; check the API client registration.',
  rate_limited: 'The API asked to slow down; retry later.',
  remote_error: 'The remote system failed; retry later or check its status.',
  unexpected_response: 'Redirects are not followed so that credentials stay on the API host.',
};

/** A body as JSON when it parses, the text otherwise, and `null` when it is blank. */
export function parseLenient(body: string): unknown {
  try {
    return body.trim() === '' ? null : JSON.parse(body);
  } catch {
    return body;
  }
}

function readErrorBody(
  reader: ErrorBodyReader | undefined,
  body: string,
  status: number,
): { message: string; messages?: RemoteMessage[] } | undefined {
  if (reader === undefined || body.length === 0) return undefined;
  try {
    return reader(parseLenient(body), status);
  } catch {
    // A bug in the connector's reader must not hide the HTTP failure itself.
    return undefined;
  }
}

/**
 * What to say when the body gave no reason: by status and meaning, never only "status N".
 */
function silentReason(response: FailedResponse, code: ErrorCode): string {
  const body = response.body.trim() === '' ? 'no body' : 'a body without a readable message';
  if (code === 'unauthorized' && response.afterRefresh === true)
    return `the access token was refused again right after a successful refresh (${body})`;
  return `the server sent ${body}`;
}

/**
 * Turns a failed response into a `ConnectorError`. The message quotes the server: what the API's
 * own reader found, else the words of any body shape (JSON message fields, an HTML page's title,
 * plain text; see body-words.ts), redacted with `redact` and then clipped, so that no secret is
 * ever cut in two; with no words at all it says so by status. The error still needs redacting.
 */
export function errorForResponse(
  response: FailedResponse,
  reader: ErrorBodyReader | undefined,
  redact: (text: string) => string = (text) => text,
): ConnectorError {
  const code = codeForStatus(response.status);
  const statusText = response.statusText || STATUS_CODES[response.status] || '';
  const said = readErrorBody(reader, response.body, response.status);
  const words = said?.message === undefined ? bodyWords(response.body) : undefined;
  const reason =
    said?.message ||
    (words === undefined ? silentReason(response, code) : clipWords(redact(words)));
  const base = `Request failed with status ${response.status}${statusText ? ` ${statusText}` : ''}: ${response.method} ${response.url}`;
  const message = `${base}: ${reason}`;
  const retryAfterSeconds =
    response.retryAfterMs === undefined ? undefined : Math.ceil(response.retryAfterMs / 1000);
  const hint = HINTS[code];
  return new ConnectorError(code, message, {
    ...(hint === undefined ? {} : { hint }),
    details: {
      status: response.status,
      method: response.method,
      url: response.url,
      ...(said?.messages === undefined ? {} : { remoteMessages: said.messages }),
      ...(retryAfterSeconds === undefined ? {} : { retryAfterSeconds }),
    },
  });
}

// Node/axios error codes that mean "no usable exchange happened, trying again may work".
const RETRYABLE_TRANSPORT = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ETIMEDOUT',
  'ECONNABORTED',
  'EPIPE',
  'EAI_AGAIN',
  'ENETUNREACH',
  'EHOSTUNREACH',
]);

/** A transport failure: no response, or none in time. */
export interface TransportFailure {
  code: string;
  /** Set when the failure is a timeout. */
  timeoutMs?: number;
  /** Which deadline passed, in words (`no complete response within the per-attempt deadline "timeoutMs"`). */
  deadline?: string;
  cancelled?: boolean;
  method: string;
  url: string;
  /** The underlying error text (no config, no headers). */
  detail: string;
}

/** True when a transport failure may succeed on another attempt. */
export function isRetryableTransport(failure: TransportFailure): boolean {
  return failure.cancelled !== true && RETRYABLE_TRANSPORT.has(failure.code);
}

/** Turns a transport failure into a `transport` ConnectorError. */
export function errorForTransport(failure: TransportFailure): ConnectorError {
  const where = `${failure.method} ${failure.url}`;
  let message: string;
  if (failure.timeoutMs !== undefined)
    message = `Request timed out after ${failure.timeoutMs} ms: ${where}${failure.deadline === undefined ? '' : ` (${failure.deadline})`}`;
  else if (failure.cancelled === true) message = `Request was cancelled: ${where}`;
  else message = `Request failed before a response arrived (${failure.code}): ${where}`;
  // A write that got no answer may or may not have been applied: "retry" is only safe advice
  // for methods that change nothing.
  const safe = failure.method === 'GET' || failure.method === 'HEAD';
  return new ConnectorError('transport', message, {
    hint: safe
      ? 'Check the network path to the API host, then retry.'
      : 'Check the network path to the API host. The request may have been applied before the connection failed: check its effect before sending it again.',
    details: { method: failure.method, url: failure.url, transportCode: failure.code },
    cause: new Error(failure.detail),
  });
}
