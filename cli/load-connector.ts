import * as path from 'node:path';
import { ConnectorError } from '../sdk/errors';
import type { z } from 'zod';
import type { ConnectorDefinition } from '../sdk/define';

/** A connector definition of any connection type, as the CLI handles it. */
export type LoadedConnector = ConnectorDefinition<z.ZodObject>;

/** Where the package's connector lives: `connector.ts` beside `cli/` (`dist/connector.js` when built). */
export const DEFAULT_CONNECTOR_MODULE = path.join(__dirname, '..', 'connector');

/**
 * Loads a connector definition: the default export of `modulePath` (the package's own
 * `connector.ts` unless given). Throws `internal` when the module has no definition-shaped
 * default export, since that is a packaging bug, not a user mistake.
 */
export function loadConnector(modulePath: string = DEFAULT_CONNECTOR_MODULE): LoadedConnector {
  let loaded: unknown;
  try {
    // require, not import(): the package is CommonJS and jest runs without ESM support.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    loaded = require(modulePath) as unknown;
  } catch (error) {
    throw new ConnectorError('internal', `Connector module '${modulePath}' could not be loaded.`, {
      cause: error,
    });
  }
  const definition =
    typeof loaded === 'object' && loaded !== null && 'default' in loaded
      ? (loaded as { default: unknown }).default
      : loaded;
  assertConnectorShape(definition, modulePath);
  return definition;
}

/** Checks the keys the CLI relies on; the SDK checks the rest when it builds a session. */
export function assertConnectorShape(
  value: unknown,
  source: string,
): asserts value is LoadedConnector {
  const isMap = (v: unknown) => typeof v === 'object' && v !== null && !Array.isArray(v);
  const d = value as Record<string, unknown> | null;
  const ok =
    isMap(d) &&
    d !== null &&
    typeof d.title === 'string' &&
    isMap(d.connection) &&
    typeof d.test === 'function' &&
    isMap(d.actions) &&
    isMap(d.triggers) &&
    isMap(d.pick_lists);
  if (!ok) {
    throw new ConnectorError(
      'internal',
      `Connector module '${source}' does not export a connector definition as its default export.`,
    );
  }
}
