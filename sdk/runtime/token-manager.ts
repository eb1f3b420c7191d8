import { ConnectorError, isConnectorError } from '../errors';
import type { OAuth2Authorization, TokenSet } from '../define';
import type { AuthHooks, Exchange } from '../http';
import {
  clientCredentialsGrant,
  exchangeAuthorizationCode,
  passwordGrant,
  refreshTokenGrant,
  revokeToken,
} from '../oauth2';
import type { TokenEndpointOptions } from '../oauth2';
import type { Redactor } from '../redact';

const DEFAULT_REFRESH_BEFORE_EXPIRY_SECONDS = 60;

/** What `onTokens` receives after every token request: persist it to keep the connection alive. */
export interface TokenUpdate {
  access_token: string;
  /** ISO time the access token expires, when the server said. */
  access_token_expires_at?: string;
  /** Present when the server returned one (new or rotated); absent means "keep the old one". */
  refresh_token?: string;
  /**
   * The scope the server says it granted (RFC 6749 §5.1 `scope`), when it said; it may be
   * narrower than the scope asked for.
   */
  granted_scope?: string;
}

/** Tokens known from a previous run. */
export interface StoredTokens {
  access_token?: string;
  /** ISO time. */
  access_token_expires_at?: string;
}

/** Options of {@link createTokenManager}. */
export interface TokenManagerOptions<C> {
  authorization: OAuth2Authorization<C>;
  connection: C;
  redactor: Redactor;
  tokens?: StoredTokens;
  onTokens?: (update: TokenUpdate) => void | Promise<void>;
  onTokensFailed?: (error: unknown) => void;
  onExchange?: (exchange: Exchange) => void;
  timeoutMs?: number;
  /** The most bytes read of a token response (`maxResponseBytes.token`). */
  maxResponseBytes?: number;
  /** The connection's keep-alive pool, shared with its API requests. */
  agent?: TokenEndpointOptions['agent'];
  now: () => number;
}

/** The access token cache of one connection, with single-flight refresh. */
export interface TokenManager {
  /** Hooks for the HTTP client: `apply` with a current token, `renew` after a rejection. */
  hooks: AuthHooks;
  /** Refreshes now, whatever the expiry (shares a refresh already running). */
  refresh(): Promise<void>;
  /** Redeems an authorization code and caches the tokens. */
  exchangeCode(code: string, redirectUri: string, codeVerifier?: string): Promise<TokenSet>;
  /**
   * Revokes the refresh token (or, without one, the access token) at the authorization's
   * `revoke_url` and forgets every token held. Returns what was revoked, `none` when the
   * connection held no token.
   *
   * @throws ConnectorError `invalid_settings` when the authorization has no `revoke_url`.
   */
  revoke(): Promise<'refresh_token' | 'access_token' | 'none'>;
}

function parseExpiry(iso: string | undefined): number | undefined {
  if (iso === undefined) return undefined;
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? undefined : ms;
}

/**
 * Creates the token cache of a connection. N concurrent requests that find the token expired
 * (by clock, or by a 401) cause one token request; the refresh token in use is replaced when the
 * server rotates it. A revoked refresh token (`reauthorization_required`) is remembered, so
 * later requests fail fast instead of hammering the token endpoint.
 */
export function createTokenManager<C>(options: TokenManagerOptions<C>): TokenManager {
  const { authorization: auth, connection, redactor, now } = options;
  const marginMs =
    (auth.refresh_before_expiry_seconds ?? DEFAULT_REFRESH_BEFORE_EXPIRY_SECONDS) * 1000;
  let accessToken = options.tokens?.access_token;
  let expiresAt = parseExpiry(options.tokens?.access_token_expires_at);
  let lifetimeMs: number | undefined;
  let refreshToken = auth.refresh_token?.(connection);
  let inflight: Promise<void> | undefined;
  let revoked: ConnectorError | undefined;
  if (accessToken !== undefined) redactor.add(accessToken);
  if (refreshToken !== undefined) redactor.add(refreshToken);
  const password = auth.password?.(connection);
  if (password !== undefined && password !== '') redactor.add(password);

  function endpoint(): TokenEndpointOptions {
    return {
      tokenEndpoint: auth.token_url(connection),
      clientId: auth.client_id(connection),
      clientSecret: auth.client_secret(connection),
      clientAuthentication: auth.client_authentication?.(connection) ?? 'basic',
      ...(auth.token_params === undefined ? {} : { extraParams: auth.token_params(connection) }),
      redactor,
      ...(options.onExchange === undefined ? {} : { onExchange: options.onExchange }),
      ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
      ...(options.maxResponseBytes === undefined
        ? {}
        : { maxResponseBytes: options.maxResponseBytes }),
      ...(options.agent === undefined ? {} : { agent: options.agent }),
    };
  }

  async function store(tokens: TokenSet): Promise<void> {
    accessToken = tokens.access_token;
    lifetimeMs = tokens.expires_in === undefined ? undefined : tokens.expires_in * 1000;
    expiresAt = lifetimeMs === undefined ? undefined : now() + lifetimeMs;
    if (tokens.refresh_token !== undefined) refreshToken = tokens.refresh_token;
    revoked = undefined;
    if (options.onTokens === undefined) return;
    const update: TokenUpdate = {
      access_token: tokens.access_token,
      ...(expiresAt === undefined
        ? {}
        : { access_token_expires_at: new Date(expiresAt).toISOString() }),
      ...(tokens.refresh_token === undefined ? {} : { refresh_token: tokens.refresh_token }),
      ...(tokens.scope === undefined ? {} : { granted_scope: tokens.scope }),
    };
    try {
      await options.onTokens(update);
    } catch (error: unknown) {
      // The new token works for this run; failing to save it must not fail the request.
      options.onTokensFailed?.(error);
    }
  }

  // The grant that needs no refresh token: repeated whenever the cached tokens are spent.
  async function primaryGrant(): Promise<TokenSet> {
    const scope = auth.scope?.(connection);
    const base = { ...endpoint(), ...(scope === undefined ? {} : { scope }) };
    if (auth.grant === 'client_credentials') return clientCredentialsGrant(base);
    const username = auth.username?.(connection);
    const password = auth.password?.(connection);
    if (username === undefined || username === '' || password === undefined || password === '')
      throw new ConnectorError(
        'invalid_settings',
        'The password grant needs a username and a password, and the connection lacks one.',
        { hint: 'Fill in the credentials the authorization reads as username and password.' },
      );
    return passwordGrant({ ...base, username, password });
  }

  async function runRefresh(): Promise<void> {
    if (revoked !== undefined) throw revoked;
    const reacquirable = auth.grant === 'password' || auth.grant === 'client_credentials';
    try {
      if (refreshToken !== undefined && refreshToken !== '') {
        try {
          await store(await refreshTokenGrant({ ...endpoint(), refreshToken }));
          return;
        } catch (error: unknown) {
          // An expired refresh token of a password or client-credentials connection is no loss:
          // the grant itself can be repeated. Other grants must be re-authorized.
          if (
            !reacquirable ||
            !isConnectorError(error) ||
            error.code !== 'reauthorization_required'
          )
            throw error;
          refreshToken = undefined;
        }
      }
      if (reacquirable) {
        await store(await primaryGrant());
        return;
      }
      throw new ConnectorError(
        'reauthorization_required',
        'The connection has no refresh token to obtain an access token with.',
        { hint: 'Authorize the connection first (`connector oauth2`), or add its refresh token.' },
      );
    } catch (error: unknown) {
      if (isConnectorError(error) && error.code === 'reauthorization_required')
        revoked = error as ConnectorError;
      throw error;
    }
  }

  function refresh(): Promise<void> {
    inflight ??= runRefresh().finally(() => {
      inflight = undefined;
    });
    return inflight;
  }

  function isNearlySpent(): boolean {
    if (expiresAt === undefined) return false;
    // A short-lived token would otherwise be refreshed on every request.
    const margin = lifetimeMs === undefined ? marginMs : Math.min(marginMs, lifetimeMs / 2);
    return now() >= expiresAt - margin;
  }

  const hooks: AuthHooks = {
    async authenticate() {
      if (accessToken === undefined || isNearlySpent()) await refresh();
      const token = accessToken as string;
      const applied = auth.apply(connection, token);
      return {
        ...(applied.headers === undefined ? {} : { headers: applied.headers }),
        ...(applied.query === undefined ? {} : { query: applied.query }),
        credential: token,
      };
    },
    async renew(rejected: string) {
      // Another request already replaced the rejected token: just retry with the new one.
      if (accessToken !== rejected) return;
      await refresh();
    },
    ...(auth.refresh_on === undefined ? {} : { refreshOn: auth.refresh_on }),
    ...(auth.detect_on === undefined ? {} : { detectOn: auth.detect_on }),
  };

  return {
    hooks,
    refresh,
    async exchangeCode(code, redirectUri, codeVerifier) {
      const tokens = await exchangeAuthorizationCode({
        ...endpoint(),
        code,
        redirectUri,
        ...(codeVerifier === undefined ? {} : { codeVerifier }),
      });
      await store(tokens);
      return tokens;
    },
    async revoke() {
      if (auth.revoke_url === undefined)
        throw new ConnectorError(
          'invalid_settings',
          'This authorization has no token revocation endpoint, so tokens cannot be revoked.',
          { hint: 'Revoke the grant in the remote system, then delete the saved tokens.' },
        );
      const held: Array<['refresh_token' | 'access_token', string | undefined]> = [
        ['refresh_token', refreshToken],
        ['access_token', accessToken],
      ];
      const found = held.find(([, value]) => value !== undefined && value !== '');
      if (found === undefined) return 'none';
      const [tokenTypeHint, token] = found as ['refresh_token' | 'access_token', string];
      const { tokenEndpoint: _unused, ...rest } = endpoint();
      await revokeToken({
        ...rest,
        revocationEndpoint: auth.revoke_url(connection),
        token,
        tokenTypeHint,
      });
      accessToken = undefined;
      expiresAt = undefined;
      refreshToken = undefined;
      return tokenTypeHint;
    },
  };
}
