import { ConnectorError } from '../errors';
import type { Authorization, OAuth2Authorization } from '../define';

/** The authorization option a connection uses: itself, or `options[selected(connection)]` for `multi`. */
export function selectAuthorization<C>(
  authorization: Authorization<C>,
  connection: C,
): { key: string | undefined; option: OAuth2Authorization<C> } {
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
