import type { ConnectorDefinition, SingleAuthorization } from '../../sdk/define';
import { ConnectorError } from '../../sdk/errors';
import type { z } from 'zod';
import { platformFields } from './fields';

/** One way a connection authenticates; a `multi` authorization has several. */
export interface AuthorizationOption<C> {
  /** The key in `options` (`refresh_token`), or `default` for a single authorization. */
  key: string;
  option: SingleAuthorization<C>;
  /** The connection field that selects this option, fixed to `key` (multi only). */
  selectorField?: keyof C & string;
}

/**
 * The connection field a `multi` authorization's `selected` reads: the enum field whose values
 * are exactly the option keys (`selected` is a lambda; the definition names no field).
 *
 * @throws ConnectorError `invalid_input` when no connection field has those values.
 */
function selectorFieldOf<F extends z.ZodObject>(connector: ConnectorDefinition<F>, keys: string[]) {
  const wanted = [...keys].sort().join('\0');
  const found = platformFields(connector.connection.fields).find(
    (field) =>
      field.choices !== undefined &&
      field.choices
        .map((choice) => choice.value)
        .sort()
        .join('\0') === wanted,
  );
  if (found === undefined)
    throw new ConnectorError(
      'invalid_input',
      `The multi authorization's options (${keys.join(', ')}) are not the values of any connection field.`,
      {
        hint: 'Add an enum connection field whose values are the option keys, and return it from `selected`.',
      },
    );
  return found.key as keyof z.output<F> & string;
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
  const entries = Object.entries(authorization.options);
  const selectorField = selectorFieldOf(
    connector,
    entries.map(([key]) => key),
  );
  return entries.map(([key, option]) => ({ key, option, selectorField }));
}
