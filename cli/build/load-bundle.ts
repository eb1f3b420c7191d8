import { createRequire } from 'node:module';
import { ConnectorError } from '../../sdk/errors';
import { assertConnectorShape } from '../load-connector';
import type { AnyConnectorDefinition, SchemaTools } from './manifest';

/** What the bundle exports, checked. */
export interface LoadedBundle {
  definition: AnyConnectorDefinition;
  tools: SchemaTools;
}

/**
 * Loads a freshly written bundle into this process (Node's own `require`, bypassing any cache of
 * an earlier build of the same file) to describe it: the manifest is made from exactly what
 * ships, with the bundle's own copy of the schema export.
 */
export function loadBundle(bundleFile: string): LoadedBundle {
  const nodeRequire = createRequire(__filename);
  const resolved = nodeRequire.resolve(bundleFile);
  delete nodeRequire.cache[resolved];
  let loaded: Record<string, unknown>;
  try {
    loaded = nodeRequire(resolved) as Record<string, unknown>;
  } catch (error) {
    throw new ConnectorError('internal', `The bundle "${bundleFile}" fails when loaded.`, {
      cause: error,
      hint: 'Run the bundle with `node -e "require(\'./connector.js\')"` to see the stack.',
    });
  }
  const definition = loaded.default;
  assertConnectorShape(definition, bundleFile);
  const { toWorkatoFields, toJsonSchema } = loaded;
  if (typeof toWorkatoFields !== 'function' || typeof toJsonSchema !== 'function')
    throw new ConnectorError(
      'internal',
      `The bundle "${bundleFile}" does not export the SDK schema functions.`,
    );
  return {
    definition,
    tools: {
      toWorkatoFields: toWorkatoFields as SchemaTools['toWorkatoFields'],
      toJsonSchema: toJsonSchema as SchemaTools['toJsonSchema'],
    },
  };
}
