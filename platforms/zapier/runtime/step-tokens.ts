/**
 * The token source of a Zapier step. Zapier keeps the tokens (`authData`) and renews them itself,
 * between runs: a step must not run a grant of its own (a rotated refresh token it obtained would
 * never reach Zapier's store). So the step uses the stored access token, and where it would need
 * a new one (none stored, nearly spent, or rejected by the API) it fails with the error that makes
 * Zapier renew: {@link isHostRenewal}, turned into `RefreshAuthError` by `toZapierError`.
 */
import { ConnectorError } from '../../../sdk/errors';
import type { StoredTokens, TokenSource } from '../../../sdk/runtime';

/** `details.renewal` of the error that asks Zapier to renew the authentication. */
const HOST_RENEWAL = 'host';

/** A token source over the access token Zapier stored, which never obtains one itself. */
export function zapierStepTokens(stored: StoredTokens): TokenSource {
  return {
    ...(stored.access_token === undefined
      ? {}
      : {
          current: {
            access_token: stored.access_token,
            ...(stored.access_token_expires_at === undefined
              ? {}
              : { expires_at: stored.access_token_expires_at }),
          },
        }),
    obtain: () =>
      Promise.reject(
        new ConnectorError(
          'unauthorized',
          'The access token is missing, expired or was rejected; Zapier renews it.',
          {
            hint: 'Zapier refreshes the token and runs the step again; if this persists, reconnect the account.',
            details: { renewal: HOST_RENEWAL },
          },
        ),
      ),
  };
}

/** Whether `error` is the one {@link zapierStepTokens} raises for Zapier to renew the token. */
export function isHostRenewal(error: ConnectorError): boolean {
  return error.code === 'unauthorized' && error.details?.['renewal'] === HOST_RENEWAL;
}
