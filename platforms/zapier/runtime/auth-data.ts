import type { StoredTokens, TokenUpdate } from '../../../sdk/runtime';
import type { PlatformField } from '../../shared';
import { authDataKey } from '../auth-fields';
import type { ZapierAuthType } from '../auth-fields';

/** What one app knows about its authentication: its type and the connection form. */
export interface AuthLayout {
  type: ZapierAuthType;
  /** Every connection field of the connector. */
  connectionFields: readonly PlatformField[];
  /** The field that selects the authorization option, and the value this app fixes it to. */
  selector?: { field: string; value: string };
}

const isBlank = (value: unknown): boolean =>
  value === undefined || value === null || (typeof value === 'string' && value.trim() === '');

/**
 * The connector's connection settings from Zapier's stored `authData` (or, during OAuth2 set-up,
 * the form values in `inputData`): each connection field under its Zapier key, blanks left out
 * so defaults apply, the option selector fixed. Validation stays with the connector.
 */
export function connectionFromAuthData(
  layout: AuthLayout,
  data: Record<string, unknown>,
): Record<string, unknown> {
  const connection: Record<string, unknown> = {};
  for (const field of layout.connectionFields) {
    const value = data[authDataKey(layout.type, field.key)];
    if (!isBlank(value)) connection[field.key] = value;
  }
  if (layout.selector !== undefined) connection[layout.selector.field] = layout.selector.value;
  return connection;
}

/** The access token Zapier stored with the authentication, if any. */
export function tokensFromAuthData(data: Record<string, unknown>): StoredTokens {
  const token = data['access_token'];
  const expiresAt = data['access_token_expires_at'];
  return {
    ...(typeof token === 'string' && token !== '' ? { access_token: token } : {}),
    ...(typeof expiresAt === 'string' && expiresAt !== ''
      ? { access_token_expires_at: expiresAt }
      : {}),
  };
}

/**
 * What an auth function returns for Zapier to store in `authData`: the new access token, its
 * expiry, and the refresh token (rotated, or the one in use when the server kept it).
 */
export function authDataFromTokens(
  update: TokenUpdate,
  refreshTokenInUse: unknown,
): Record<string, string> {
  const refreshToken = update.refresh_token ?? refreshTokenInUse;
  return {
    access_token: update.access_token,
    ...(update.access_token_expires_at === undefined
      ? {}
      : { access_token_expires_at: update.access_token_expires_at }),
    ...(typeof refreshToken === 'string' && refreshToken !== ''
      ? { refresh_token: refreshToken }
      : {}),
  };
}
