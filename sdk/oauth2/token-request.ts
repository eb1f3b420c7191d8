import type * as http from 'node:http';
import type * as https from 'node:https';
import axios from 'axios';
import { ConnectorError } from '../errors';
import type { ClientAuthentication } from '../define';
import { RAW_AXIOS_CONFIG, transportCode } from '../http/raw-axios';
import type { Exchange } from '../http/types';
import type { Redactor } from '../redact';

const DEFAULT_TIMEOUT_MS = 30_000;

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
   * Request timeout.
   * @default 30000
   */
  timeoutMs?: number;
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
  try {
    const response = await axios.request<string>({
      method: 'POST',
      url: options.tokenEndpoint,
      headers,
      data: body,
      timeout: timeoutMs,
      ...RAW_AXIOS_CONFIG,
      ...(options.agent?.http === undefined ? {} : { httpAgent: options.agent.http }),
      ...(options.agent?.https === undefined ? {} : { httpsAgent: options.agent.https }),
    });
    const text = typeof response.data === 'string' ? response.data : '';
    const contentType = String(response.headers['content-type'] ?? '');
    if (options.onExchange !== undefined) {
      const exchange: Exchange = {
        attempt: 1,
        method: 'POST',
        url,
        status: response.status,
        durationMs: Date.now() - started,
        requestHeaders: headers,
        requestBody: body,
        responseHeaders: { 'content-type': contentType },
        responseBody: tokenSafeBody(text),
      };
      try {
        options.onExchange(redactor === undefined ? exchange : redactor.redactValue(exchange));
      } catch {
        // A failing log sink must not turn a token the server issued into a "transport" error.
      }
    }
    const retryAfter = response.headers['retry-after'];
    return {
      status: response.status,
      contentType,
      body: text,
      url,
      ...(typeof retryAfter === 'string' ? { retryAfter } : {}),
    };
  } catch (error: unknown) {
    const code = transportCode(error);
    const message =
      code === 'ETIMEDOUT'
        ? `The token request timed out after ${timeoutMs} ms: POST ${url}`
        : `The token request failed before a response arrived (${code}): POST ${url}`;
    throw new ConnectorError('transport', message, {
      hint: 'Check the token endpoint URL and the network path to it.',
      details: { method: 'POST', url, transportCode: code },
    });
  }
}

/**
 * A token response body with token values blanked before it is logged, even when the redactor
 * has not seen them yet (they are registered only after the response is checked).
 */
function tokenSafeBody(text: string): string {
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return text;
    const copy: Record<string, unknown> = { ...(parsed as Record<string, unknown>) };
    for (const key of ['access_token', 'refresh_token', 'id_token'])
      if (key in copy) copy[key] = '[REDACTED]';
    return JSON.stringify(copy);
  } catch {
    return text;
  }
}
