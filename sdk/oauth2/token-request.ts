import type * as http from 'node:http';
import type * as https from 'node:https';
import axios from 'axios';
import { ConnectorError } from '../errors';
import type { ClientAuthentication } from '../define';
import { DEFAULT_MAX_TOKEN_BYTES } from '../http/limits';
import { RAW_AXIOS_CONFIG } from '../http/raw-axios';
import { errorForRefusedBody } from '../http/refused-body';
import { sendOnce } from '../http/send-once';
import type { Exchange } from '../http/types';
import { REDACTED } from '../redact';
import type { Redactor } from '../redact';

const DEFAULT_TIMEOUT_MS = 30_000;

// Token requests use the caller's agents (the connection's pool) through one shared instance.
const tokenAxios = axios.create(RAW_AXIOS_CONFIG);

/** How to reach and authenticate at a token endpoint. */
export interface TokenEndpointOptions {
  tokenEndpoint: string;
  clientId: string;
  clientSecret: string;
  /**
   * HTTP Basic (RFC 6749 §2.3.1, the default every server must support) or `client_id` and
   * `client_secret` in the form body.
   * @default 'basic'
   */
  clientAuthentication?: ClientAuthentication;
  /** Sent only when given: some servers (Workday) fix scopes on the client registration. */
  scope?: string;
  /**
   * Further form parameters the server wants with the grant (e.g. `audience` and
   * `organization` of an Auth0-style server). They cannot replace the grant's own parameters.
   */
  extraParams?: Record<string, string>;
  /**
   * How often a 429 or 503 answer with `Retry-After` (at most 60 s) is waited out and the
   * request sent again: token endpoints that count against an API's rate limit say when to
   * come back.
   * @default 2
   */
  rateLimitRetries?: number;
  /**
   * Deadline of the token request, from sending to the last byte of the answer.
   * @default 30000
   */
  timeoutMs?: number;
  /**
   * The most bytes read of the answer, as received and once decompressed.
   * @default 262144
   */
  maxResponseBytes?: number;
  /** Registers the client secret and returned tokens, and scrubs errors and exchanges. */
  redactor?: Redactor;
  /** Receives the token exchange, redacted. */
  onExchange?: (exchange: Exchange) => void;
  /** Agents to reuse (e.g. the connection's pool). */
  agent?: { http?: http.Agent; https?: https.Agent };
}

/** A token endpoint's raw answer, before {@link processTokenResponse} checks it. */
export interface TokenEndpointResponse {
  status: number;
  contentType: string;
  body: string;
  /** Redacted endpoint URL, for messages. */
  url: string;
  /** The `Retry-After` header, when the server sent one. */
  retryAfter?: string;
}

/** `application/x-www-form-urlencoded` encoding of one value (RFC 6749 Appendix B). */
export function formUrlEncode(value: string): string {
  return new URLSearchParams([['', value]]).toString().slice(1);
}

/** The `Authorization: Basic` value of RFC 6749 §2.3.1: id and secret form-encoded first. */
export function basicCredentials(clientId: string, clientSecret: string): string {
  const pair = `${formUrlEncode(clientId)}:${formUrlEncode(clientSecret)}`;
  return `Basic ${Buffer.from(pair, 'utf8').toString('base64')}`;
}

/**
 * Sends a form-encoded grant to the token endpoint and returns the raw response; redirects
 * are not followed. Transport failures become `transport` errors.
 */
export async function tokenEndpointRequest(
  options: TokenEndpointOptions,
  params: Record<string, string>,
): Promise<TokenEndpointResponse> {
  const { redactor } = options;
  redactor?.add(options.clientSecret);
  for (const key of ['refresh_token', 'code', 'code_verifier', 'password', 'token'])
    if (params[key] !== undefined) redactor?.add(params[key]);
  const form = new URLSearchParams();
  for (const [key, value] of Object.entries(options.extraParams ?? {})) form.set(key, value);
  for (const [key, value] of Object.entries(params)) form.set(key, value);
  if (options.scope !== undefined) form.set('scope', options.scope);
  const headers: Record<string, string> = {
    'content-type': 'application/x-www-form-urlencoded',
    accept: 'application/json',
  };
  if ((options.clientAuthentication ?? 'basic') === 'basic')
    headers.authorization = basicCredentials(options.clientId, options.clientSecret);
  else {
    form.set('client_id', options.clientId);
    form.set('client_secret', options.clientSecret);
  }
  const scrub = (text: string): string => redactor?.redact(text) ?? text;
  const url = scrub(options.tokenEndpoint);
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const body = form.toString();
  const started = Date.now();
  const maxBytes = options.maxResponseBytes ?? DEFAULT_MAX_TOKEN_BYTES;
  const outcome = await sendOnce(tokenAxios, {
    method: 'POST',
    url: options.tokenEndpoint,
    headers,
    data: body,
    agents: options.agent ?? {},
    timeoutMs,
    deadline: 'no complete response within the token request\'s deadline "timeoutMs"',
    maxBytes,
    maxBytesName: 'maxResponseBytes.token',
  });
  if (options.onExchange !== undefined) {
    const exchange: Exchange = {
      attempt: 1,
      method: 'POST',
      url,
      durationMs: Date.now() - started,
      requestHeaders: headers,
      requestBody: body,
      ...(outcome.kind === 'response'
        ? {
            status: outcome.status,
            responseHeaders: { 'content-type': outcome.headers['content-type'] ?? '' },
            responseBody: tokenSafeBody(outcome.body),
          }
        : outcome.kind === 'refused'
          ? { status: outcome.status, error: outcome.detail }
          : { error: outcome.detail }),
    };
    try {
      options.onExchange(redactor === undefined ? exchange : redactor.redactValue(exchange));
    } catch {
      // A failing log sink must not turn a token the server issued into a "transport" error.
    }
  }
  if (outcome.kind === 'refused') {
    const error = errorForRefusedBody('POST', url, outcome);
    throw new ConnectorError(
      error.code,
      error.message.replace(/^The response/, "The token endpoint's response"),
      {
        hint: 'Check that the token endpoint URL points at the OAuth 2.0 token endpoint.',
        details: error.details,
      },
    );
  }
  if (outcome.kind === 'transport') {
    const code = outcome.code;
    const message =
      outcome.timeoutMs !== undefined
        ? `The token request timed out after ${timeoutMs} ms: POST ${url} (${outcome.deadline ?? 'deadline passed'})`
        : `The token request failed before a response arrived (${code}): POST ${url}`;
    throw new ConnectorError('transport', message, {
      hint: 'Check the token endpoint URL and the network path to it.',
      details: { method: 'POST', url, transportCode: code },
    });
  }
  const retryAfter = outcome.headers['retry-after'];
  return {
    status: outcome.status,
    contentType: outcome.headers['content-type'] ?? '',
    body: outcome.body,
    url,
    ...(retryAfter === undefined ? {} : { retryAfter }),
  };
}

// Keys of a token response whose values are credentials, whatever the server calls them.
const TOKEN_KEY = /token|secret|assertion|password/i;
// A run this long of token characters in a body that is neither JSON nor a form is a credential
// as far as a log can tell.
const TOKEN_LIKE_RUN = /[A-Za-z0-9._~+/=-]{24,}/g;
const MAX_BLANK_DEPTH = 32;

function isTokenKey(key: string): boolean {
  return key !== 'token_type' && TOKEN_KEY.test(key);
}

function blankTokens(value: unknown, depth: number): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if (depth >= MAX_BLANK_DEPTH) return REDACTED;
  if (Array.isArray(value)) return value.map((item) => blankTokens(item, depth + 1));
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value))
    copy[key] = isTokenKey(key) ? REDACTED : blankTokens(item, depth + 1);
  return copy;
}

/**
 * A token response body with token values blanked before it is logged, even when the redactor
 * has not seen them yet (they are registered only after the response is checked, and never
 * when it fails the check): in JSON at any depth, in a form-encoded answer
 * (`access_token=...&token_type=bearer`), and as long token-like runs in any other text.
 */
function tokenSafeBody(text: string): string {
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed === 'object' && parsed !== null)
      return JSON.stringify(blankTokens(parsed, 0));
  } catch {
    // Not JSON: one of the forms below.
  }
  const trimmed = text.trim();
  if (trimmed.includes('=') && !/\s/.test(trimmed)) {
    const pairs = [...new URLSearchParams(trimmed)].map(
      ([key, value]) =>
        `${encodeURIComponent(key)}=${isTokenKey(key) ? REDACTED : encodeURIComponent(value)}`,
    );
    return pairs.join('&');
  }
  return text.replace(TOKEN_LIKE_RUN, REDACTED);
}
