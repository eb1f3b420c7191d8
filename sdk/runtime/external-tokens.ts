import type { OAuth2Authorization } from '../define';
import type { AuthHooks } from '../http';
import type { Redactor } from '../redact';

const DEFAULT_REFRESH_BEFORE_EXPIRY_SECONDS = 60;

/** An access token and, when known, when it stops working. */
export interface ExternalToken {
  access_token: string;
  /** ISO time the token expires; absent when the platform does not know. */
  expires_at?: string;
}

/**
 * Access tokens kept by the platform the connector runs in (n8n's credential store), not by the
 * session: the platform obtains, refreshes and persists them, so several worker processes share
 * one stored token instead of each holding its own.
 */
export interface TokenSource {
  /** The token stored by an earlier run, if any. */
  current?: ExternalToken;
  /**
   * Obtains a new token and persists it. Called when none is stored, when the stored one is
   * nearly spent, and after the API rejected one (`rejected`). The session makes one call for
   * any number of concurrent requests that need it.
   */
  obtain(rejected?: string): Promise<ExternalToken>;
}

function expiryOf(token: ExternalToken | undefined): number | undefined {
  if (token?.expires_at === undefined) return undefined;
  const ms = Date.parse(token.expires_at);
  return Number.isNaN(ms) ? undefined : ms;
}

/**
 * The HTTP client's auth hooks over a {@link TokenSource}: the connector's `apply` and
 * `refresh_on`/`detect_on` still decide how a token is sent and when it is refused; only where
 * tokens come from changes.
 */
export function createExternalTokenHooks<C>(options: {
  authorization: OAuth2Authorization<C>;
  connection: C;
  redactor: Redactor;
  source: TokenSource;
  now: () => number;
}): AuthHooks {
  const { authorization: auth, connection, redactor, source, now } = options;
  const marginMs =
    (auth.refresh_before_expiry_seconds ?? DEFAULT_REFRESH_BEFORE_EXPIRY_SECONDS) * 1000;
  let token = source.current?.access_token === '' ? undefined : source.current;
  let expiresAt = expiryOf(token);
  let inflight: Promise<void> | undefined;
  if (token !== undefined) redactor.add(token.access_token);

  function obtain(rejected?: string): Promise<void> {
    inflight ??= source
      .obtain(rejected)
      .then((fresh) => {
        redactor.add(fresh.access_token);
        token = fresh;
        expiresAt = expiryOf(fresh);
      })
      .finally(() => {
        inflight = undefined;
      });
    return inflight;
  }

  return {
    async authenticate() {
      if (inflight !== undefined) await inflight;
      if (token === undefined || (expiresAt !== undefined && now() >= expiresAt - marginMs))
        await obtain();
      const current = (token as ExternalToken).access_token;
      const applied = auth.apply(connection, current);
      return {
        ...(applied.headers === undefined ? {} : { headers: applied.headers }),
        ...(applied.query === undefined ? {} : { query: applied.query }),
        credential: current,
      };
    },
    async renew(rejected: string) {
      // Another request already replaced the rejected token: just retry with the new one.
      if (token !== undefined && token.access_token !== rejected) return;
      await obtain(rejected);
    },
    ...(auth.refresh_on === undefined ? {} : { refreshOn: auth.refresh_on }),
    ...(auth.detect_on === undefined ? {} : { detectOn: auth.detect_on }),
  };
}
