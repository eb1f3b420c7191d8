import type { ConnectorDefinition, OAuth2Authorization } from '../../sdk/define';
import type { z } from 'zod';

/** One way a connection authenticates; a `multi` authorization has several. */
export interface AuthorizationOption<C> {
  /** The key in `options` (`refresh_token`), or `default` for a single authorization. */
  key: string;
  option: OAuth2Authorization<C>;
  /** The connection field that selects this option, fixed to `key` (multi only). */
  selectorField?: keyof C & string;
}

/**
 * The authorization options of a connector. Platforms that allow one authentication per
 * integration build one integration per option; the others offer them side by side.
 */
export function authorizationOptions<F extends z.ZodObject>(
  connector: ConnectorDefinition<F>,
): AuthorizationOption<z.output<F>>[] {
  const authorization = connector.connection.authorization;
  if (authorization.type !== 'multi') return [{ key: 'default', option: authorization }];
  return Object.entries(authorization.options).map(([key, option]) => ({
    key,
    option,
    ...(authorization.selector_field === undefined
      ? {}
      : { selectorField: authorization.selector_field }),
  }));
}
