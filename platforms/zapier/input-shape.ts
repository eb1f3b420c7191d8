import type { PlatformField } from '../shared';

/**
 * How one connector input field travels through a Zapier form. Zapier's inputs are flat
 * (`key: value`), with two exceptions: line items (an array of flat objects) and key-value dicts.
 * - `scalar`: one value.
 * - `flatten`: an object with known properties, one form field per property, keyed
 *   `parent__child` (Zapier's own convention for nested keys).
 * - `dict`: a free-form object (Zapier's key-value field).
 * - `list`: an array of scalars (Zapier's `list: true`).
 * - `line_items`: an array of objects (Zapier's `children`); only at the top level.
 * - `json`: what Zapier cannot nest (an array inside a line item): a JSON text the runtime parses.
 */
export type InputShape = 'scalar' | 'flatten' | 'dict' | 'list' | 'line_items' | 'json';

/** Separator of flattened keys: `task__stepType__descriptor`. */
export const FLAT_SEPARATOR = '__';

/** The shape of `field`; `inLineItem` is true for the properties of one line item. */
export function inputShapeOf(field: PlatformField, inLineItem: boolean): InputShape {
  if (field.type === 'object') return field.children === undefined ? 'dict' : 'flatten';
  if (field.type !== 'array') return 'scalar';
  if (field.itemType === 'object' || field.itemType === 'array' || field.itemType === undefined)
    return inLineItem || field.children === undefined ? 'json' : 'line_items';
  return inLineItem ? 'json' : 'list';
}
