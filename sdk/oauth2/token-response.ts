import { ConnectorError } from '../errors';
import type { ErrorCode } from '../errors';
import type { TokenSet } from '../define';
import { bodyWords, clipWords } from '../http/body-words';
import type { TokenEndpointResponse } from './token-request';

// RFC 6749 §5.2 error codes and who must act on them.
const OAUTH_ERROR_CODES: Record<string, ErrorCode> = {
  invalid_client: 'invalid_client',
  invalid_grant: 'reauthorization_required',
  unsupported_grant_type: 'unsupported_grant',
  unauthorized_client: 'unsupported_grant',
  access_denied: 'access_denied',
};

const OAUTH_HINTS: Partial<Record<ErrorCode, string>> = {
  invalid_client: 'Check the client ID and secret, and that they belong to this token endpoint.',
  reauthorization_required:
    'The refresh token or authorization code is revoked, expired or for another client; re-authorize the connection.',
  unsupported_grant: 'Check the API client registration allows this grant type.',
  access_denied: 'The user declined consent; authorize again and allow access.',
};

function unexpected(response: TokenEndpointResponse, what: string): ConnectorError {
  return new ConnectorError(
    'unexpected_response',
    `The token endpoint's response ${what}: POST ${response.url}`,
    {
      hint: 'Check that the token endpoint URL points at the OAuth 2.0 token endpoint.',
      details: { status: response.status, method: 'POST', url: response.url },
    },
  );
}

function parseObject(response: TokenEndpointResponse): Record<string, unknown> | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(response.body);
  } catch {
    return undefined;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return undefined;
  return parsed as Record<string, unknown>;
}

// Meanings of an error that is not one of RFC 6749's codes, read from the server's own words.
const REAUTHORIZE = /invalid[\s_-]*grant|refresh[\s_-]*token|\b(?:expired|revoked)\b/i;
const CLIENT =
  /invalid[\s_-]*client|client[\s_-]*(?:id|secret|credentials?|authentication)|bad credentials/i;

/**
 * The category of a token endpoint refusal that is not an RFC 6749 §5.2 body (another `error`
 * string, no `error`, or not JSON at all): by status first, then by what the server said.
 */
function codeForNonStandard(status: number, words: string): ErrorCode {
  if (status === 429) return 'rate_limited';
  if (status >= 500) return 'remote_error';
  if (REAUTHORIZE.test(words)) return 'reauthorization_required';
  if (CLIENT.test(words) || status === 401) return 'invalid_client';
  if (status === 403) return 'access_denied';
  if (status === 404) return 'not_found';
  if (status >= 400) return 'remote_validation';
  return 'unexpected_response';
}

const NON_STANDARD_HINTS: Partial<Record<ErrorCode, string>> = {
  ...OAUTH_HINTS,
  rate_limited: 'The authorization server asked to slow down; retry later.',
  remote_error: 'The authorization server failed; retry later.',
  not_found:
    'Check the token endpoint URL: its host and tenant must be the ones View API Clients shows.',
  remote_validation: 'Check the token endpoint URL and the connection settings.',
  unexpected_response: 'Check that the token endpoint URL points at the OAuth 2.0 token endpoint.',
};

/** The typed error of an RFC 6749 §5.2 error response (or a non-2xx that is not one). */
function errorResponse(
  response: TokenEndpointResponse,
  body: Record<string, unknown> | undefined,
): ConnectorError {
  const oauthError = typeof body?.error === 'string' ? body.error : undefined;
  const description =
    typeof body?.error_description === 'string' ? body.error_description : undefined;
  const known = oauthError !== undefined && oauthError in OAUTH_ERROR_CODES;
  const standard =
    oauthError !== undefined &&
    (known || /^[a-z_]+$/.test(oauthError)) &&
    (known || response.status === 400 || response.status === 429 || response.status >= 500);
  if (!standard) {
    // Not RFC 6749 §5.2: another error text, a 401 body, plain text, HTML or nothing at all.
    const words = bodyWords(response.body);
    const code = codeForNonStandard(response.status, words ?? '');
    const said = words === undefined ? 'no reason given' : clipWords(words);
    const hint = NON_STANDARD_HINTS[code];
    return new ConnectorError(
      code,
      `The token endpoint refused the request with status ${response.status} (${said}): POST ${response.url}`,
      {
        ...(hint === undefined ? {} : { hint }),
        details: {
          status: response.status,
          method: 'POST',
          url: response.url,
          ...(oauthError === undefined ? {} : { oauthError }),
          ...(description === undefined ? {} : { oauthErrorDescription: description }),
        },
      },
    );
  }
  const code =
    response.status === 429
      ? 'rate_limited'
      : oauthError === 'temporarily_unavailable' || oauthError === 'server_error'
        ? 'remote_error'
        : (OAUTH_ERROR_CODES[oauthError] ?? 'remote_validation');
  const said = description === undefined ? oauthError : `${oauthError}: ${description}`;
  const hint = OAUTH_HINTS[code];
  return new ConnectorError(
    code,
    `The token endpoint refused the request (${said}): POST ${response.url}`,
    {
      ...(hint === undefined ? {} : { hint }),
      details: {
        status: response.status,
        method: 'POST',
        url: response.url,
        oauthError,
        ...(description === undefined ? {} : { oauthErrorDescription: description }),
      },
    },
  );
}

/**
 * Checks a token endpoint response field by field (RFC 6749 §5.1) and returns the tokens, or
 * throws the typed error of an RFC 6749 §5.2 error response.
 *
 * - `access_token`: a non-empty string; `token_type`: `Bearer` (any case).
 * - `expires_in`: a number or numeric string when present; `refresh_token`, `scope`: strings when present.
 * - A body that is not a JSON object: `unexpected_response`.
 */
export function processTokenResponse(response: TokenEndpointResponse): TokenSet {
  const body = parseObject(response);
  if (response.status < 200 || response.status >= 300) throw errorResponse(response, body);
  if (body === undefined) throw unexpected(response, 'is not a JSON object');
  if (typeof body.error === 'string') throw errorResponse(response, body);
  const { access_token, token_type, expires_in, refresh_token, scope } = body;
  if (typeof access_token !== 'string' || access_token.length === 0)
    throw unexpected(response, 'has no "access_token" string');
  if (typeof token_type !== 'string') throw unexpected(response, 'has no "token_type" string');
  if (token_type.toLowerCase() !== 'bearer')
    throw unexpected(response, `has "token_type" "${token_type}" where "Bearer" was expected`);
  const tokens: TokenSet = { access_token, token_type: 'Bearer' };
  if (expires_in !== undefined) {
    const seconds =
      typeof expires_in === 'number'
        ? expires_in
        : typeof expires_in === 'string' && /^\d+(\.\d+)?$/.test(expires_in.trim())
          ? Number(expires_in)
          : Number.NaN;
    if (!Number.isFinite(seconds) || seconds < 0)
      throw unexpected(response, 'has an "expires_in" that is not a number of seconds');
    tokens.expires_in = seconds;
  }
  if (refresh_token !== undefined) {
    if (typeof refresh_token !== 'string' || refresh_token.length === 0)
      throw unexpected(response, 'has a "refresh_token" that is not a string');
    tokens.refresh_token = refresh_token;
  }
  if (scope !== undefined) {
    if (typeof scope !== 'string') throw unexpected(response, 'has a "scope" that is not a string');
    tokens.scope = scope;
  }
  return tokens;
}

/**
 * The typed error of a non-2xx answer from an OAuth 2.0 endpoint other than the token endpoint
 * (e.g. revocation, RFC 7009 §2.2.1 uses the RFC 6749 §5.2 error body).
 */
export function oauthEndpointError(response: TokenEndpointResponse): ConnectorError {
  return errorResponse(response, parseObject(response));
}
