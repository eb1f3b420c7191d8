import { toConnectorError } from '../errors';
import { tokenEndpointRequest } from './token-request';
import type { TokenEndpointOptions } from './token-request';
import { oauthEndpointError } from './token-response';

/** Options of {@link revokeToken}: the revocation endpoint in place of the token endpoint. */
export interface RevokeTokenOptions extends Omit<TokenEndpointOptions, 'tokenEndpoint' | 'scope'> {
  /** The RFC 7009 revocation endpoint. */
  revocationEndpoint: string;
  token: string;
  /** Which kind of token `token` is; servers use it to look the token up faster. */
  tokenTypeHint: 'refresh_token' | 'access_token';
}

/**
 * Revokes a token (RFC 7009 §2.1): a form POST of `token` and `token_type_hint`, the client
 * authenticated as at the token endpoint. A 200 means revoked, or already unknown to the server
 * (§2.2: invalid tokens are not an error). Revoking a refresh token also ends the access tokens
 * issued with it on servers that implement §2.1's "should".
 *
 * @throws ConnectorError `invalid_client` and the other RFC 6749 §5.2 codes, `transport`.
 */
export async function revokeToken(options: RevokeTokenOptions): Promise<void> {
  const { revocationEndpoint, token, tokenTypeHint, ...endpoint } = options;
  options.redactor?.add(token);
  try {
    const response = await tokenEndpointRequest(
      { ...endpoint, tokenEndpoint: revocationEndpoint },
      { token, token_type_hint: tokenTypeHint },
    );
    if (response.status < 200 || response.status >= 300) throw oauthEndpointError(response);
  } catch (error: unknown) {
    const wrapped = toConnectorError(error);
    throw options.redactor === undefined ? wrapped : options.redactor.redactValue(wrapped);
  }
}
