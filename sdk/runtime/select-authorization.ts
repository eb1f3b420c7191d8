import { ConnectorError } from '../errors';
import type { Authorization, OAuth2Authorization, SingleAuthorization } from '../define';

/** The authorization option a connection uses: itself, or `options[selected(connection)]` for `multi`. */
export function selectAuthorization<C>(
  authorization: Authorization<C>,
  connection: C,
): { key: string | undefined; option: SingleAuthorization<C> } {
  if (authorization.type !== 'multi') return { key: undefined, option: authorization };
  const key = authorization.selected(connection);
  const option = Object.hasOwn(authorization.options, key) ? authorization.options[key] : undefined;
  if (option === undefined)
    throw new ConnectorError(
      'invalid_settings',
      `The connection selects the authorization "${key}", which the connector does not offer.`,
      {
        hint: `Choose one of: ${Object.keys(authorization.options).join(', ')}.`,
        details: { issues: [{ path: '', message: `unknown authorization "${key}"` }] },
      },
    );
  return { key, option };
}

/**
 * The OAuth 2.0 option a connection uses, for commands that need tokens (sign-in, doctor's token
 * check).
 *
 * @throws ConnectorError `invalid_settings` when the selected option is not `oauth2`.
 */
export function selectOAuth2Authorization<C>(
  authorization: Authorization<C>,
  connection: C,
): { key: string | undefined; option: OAuth2Authorization<C> } {
  const { key, option } = selectAuthorization(authorization, connection);
  if (option.type !== 'oauth2')
    throw new ConnectorError(
      'invalid_settings',
      `The connection's authorization${key === undefined ? '' : ` "${key}"`} is ${option.type}, which uses no OAuth 2.0 tokens.`,
      { hint: 'Choose an OAuth 2.0 authorization for this command.' },
    );
  return { key, option };
}
