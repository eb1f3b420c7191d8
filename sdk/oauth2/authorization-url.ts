import { createHash, randomBytes } from 'node:crypto';

/** Options of {@link buildAuthorizationUrl}. */
export interface AuthorizationUrlOptions {
  /** The authorization endpoint; an existing query string is kept. */
  authorizationEndpoint: string;
  clientId: string;
  redirectUri: string;
  /** CSRF state; a random one is made when absent. */
  state?: string;
  /**
   * Add a PKCE S256 challenge (RFC 7636).
   * @default true
   */
  pkce?: boolean;
  /** More query parameters (never `scope` unless the API wants one). */
  extraParams?: Record<string, string>;
}

/** The URL to send the user to, with the values the callback must be checked against. */
export interface AuthorizationRequest {
  url: string;
  state: string;
  /** The PKCE verifier to send with the code; present when `pkce` is on. */
  codeVerifier?: string;
}

/** A random URL-safe value with `bytes` bytes of entropy. */
export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

/** The S256 code challenge of a PKCE verifier: BASE64URL(SHA256(verifier)) (RFC 7636 §4.2). */
export function pkceChallenge(verifier: string): string {
  return createHash('sha256').update(verifier, 'ascii').digest('base64url');
}

/**
 * Builds the authorization-code request URL (RFC 6749 §4.1.1): `response_type=code`,
 * `client_id`, `redirect_uri`, `state`, and with PKCE `code_challenge` +
 * `code_challenge_method=S256`. No `scope` is added.
 *
 * @see https://www.rfc-editor.org/rfc/rfc7636#section-4
 */
export function buildAuthorizationUrl(options: AuthorizationUrlOptions): AuthorizationRequest {
  const url = new URL(options.authorizationEndpoint);
  const state = options.state ?? randomToken();
  url.searchParams.set('response_type', 'code');
  url.searchParams.set('client_id', options.clientId);
  url.searchParams.set('redirect_uri', options.redirectUri);
  url.searchParams.set('state', state);
  let codeVerifier: string | undefined;
  if (options.pkce !== false) {
    // 32 random bytes -> 43 base64url characters, within RFC 7636's 43..128.
    codeVerifier = randomToken(32);
    url.searchParams.set('code_challenge', pkceChallenge(codeVerifier));
    url.searchParams.set('code_challenge_method', 'S256');
  }
  for (const [key, value] of Object.entries(options.extraParams ?? {}))
    url.searchParams.set(key, value);
  return { url: url.toString(), state, ...(codeVerifier === undefined ? {} : { codeVerifier }) };
}
