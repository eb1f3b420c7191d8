import { toConnectorError } from '../errors';
import type { TokenSet } from '../define';
import { parseRetryAfter, sleep } from '../http/retry-timing';
import { tokenEndpointRequest } from './token-request';
import type { TokenEndpointOptions, TokenEndpointResponse } from './token-request';
import { processTokenResponse } from './token-response';

const MAX_TOKEN_RETRY_AFTER_MS = 60_000;

/** How long to wait before sending the token request again, or `undefined` not to. */
function rateLimitWait(response: TokenEndpointResponse): number | undefined {
  if (response.status !== 429 && response.status !== 503) return undefined;
  const ms = parseRetryAfter(response.retryAfter, Date.now());
  return ms === undefined || ms > MAX_TOKEN_RETRY_AFTER_MS ? undefined : ms;
}

// A token request that is told "too many requests, come back in N s" waits and asks again a
// bounded number of times: sending it again at once would only spend more of the rate limit.
async function requestWithRateLimit(
  options: TokenEndpointOptions,
  params: Record<string, string>,
): Promise<TokenEndpointResponse> {
  const retries = options.rateLimitRetries ?? 2;
  for (let attempt = 0; ; attempt += 1) {
    const response = await tokenEndpointRequest(options, params);
    const wait = attempt < retries ? rateLimitWait(response) : undefined;
    if (wait === undefined) return response;
    await sleep(wait);
  }
}

async function grant(
  options: TokenEndpointOptions,
  params: Record<string, string>,
): Promise<TokenSet> {
  try {
    const tokens = processTokenResponse(await requestWithRateLimit(options, params));
    options.redactor?.add(tokens.access_token);
    if (tokens.refresh_token !== undefined) options.redactor?.add(tokens.refresh_token);
    return tokens;
  } catch (error: unknown) {
    const wrapped = toConnectorError(error);
    throw options.redactor === undefined ? wrapped : options.redactor.redactValue(wrapped);
  }
}

/**
 * Redeems an authorization code (RFC 6749 §4.1.3), with the PKCE verifier when one was used.
 *
 * @throws ConnectorError `reauthorization_required` (`invalid_grant`), `invalid_client`, ...
 */
export function exchangeAuthorizationCode(
  options: TokenEndpointOptions & { code: string; redirectUri: string; codeVerifier?: string },
): Promise<TokenSet> {
  return grant(options, {
    grant_type: 'authorization_code',
    code: options.code,
    redirect_uri: options.redirectUri,
    ...(options.codeVerifier === undefined ? {} : { code_verifier: options.codeVerifier }),
  });
}

/**
 * Obtains a new access token with a refresh token (RFC 6749 §6). The answer may carry a
 * rotated refresh token; when it carries none the old one stays valid.
 *
 * @throws ConnectorError `reauthorization_required` when the refresh token is revoked or expired.
 */
export function refreshTokenGrant(
  options: TokenEndpointOptions & { refreshToken: string },
): Promise<TokenSet> {
  return grant(options, { grant_type: 'refresh_token', refresh_token: options.refreshToken });
}

/** Obtains an access token for the client itself (RFC 6749 §4.4). */
export function clientCredentialsGrant(options: TokenEndpointOptions): Promise<TokenSet> {
  return grant(options, { grant_type: 'client_credentials' });
}

/**
 * Obtains an access token with the resource owner's credentials (RFC 6749 §4.3), e.g. a service
 * account's access key and secret key. The password is registered with the redactor first.
 *
 * @throws ConnectorError `reauthorization_required` (`invalid_grant`: wrong, expired or revoked
 * credentials), `invalid_client`, `unsupported_grant` (the client may not use this grant).
 */
export function passwordGrant(
  options: TokenEndpointOptions & { username: string; password: string },
): Promise<TokenSet> {
  options.redactor?.add(options.password);
  return grant(options, {
    grant_type: 'password',
    username: options.username,
    password: options.password,
  });
}
