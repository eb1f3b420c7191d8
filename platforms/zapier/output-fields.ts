import type { PlatformField } from '../shared';
import { FLAT_SEPARATOR } from './input-shape';
import type { ZapierOutputField, ZapierOutputType } from './zapier-types';

function typeOf(field: PlatformField): ZapierOutputType {
  switch (field.type) {
    case 'integer':
      return 'integer';
    case 'number':
      return 'number';
    case 'boolean':
      return 'boolean';
    case 'datetime':
      return 'datetime';
    default:
      return 'string';
  }
}

function flatten(
  field: PlatformField,
  keyPrefix: string,
  labelPrefix: string,
): ZapierOutputField[] {
  const key = `${keyPrefix}${field.key}`;
  const label = `${labelPrefix}${field.label}`;
  if (field.children !== undefined && field.type === 'object')
    return field.children.flatMap((child) =>
      flatten(child, `${key}${FLAT_SEPARATOR}`, `${label} `),
    );
  if (field.children !== undefined && field.type === 'array')
    return field.children.flatMap((child) => flatten(child, `${key}[]`, `${label} `));
  if (field.type === 'array')
    return [
      { key: `${key}[]`, label, type: typeOf({ ...field, type: field.itemType ?? 'string' }) },
    ];
  return [{ key, label, type: typeOf(field) }];
}

/**
 * Zapier output fields for a connector output, in Zapier's flattened notation: nested keys as
 * `parent__child`, the items of an array as `list[]child`, so the Zap editor lists every value.
 */
export function toZapierOutputFields(fields: readonly PlatformField[]): ZapierOutputField[] {
  return fields.flatMap((field) => flatten(field, '', ''));
}
