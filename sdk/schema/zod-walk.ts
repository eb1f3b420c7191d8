/**
 * Reading zod 4 schemas structurally: unwrapping optional/default/nullable wrappers and
 * collecting the `.meta()` found along the way. Uses `_zod.def`, zod 4's documented internals
 * for library authors, instead of `instanceof` so a second copy of zod still works.
 */
import type { z } from 'zod';
import type { FieldMeta } from './field-meta';

/** The part of a zod definition this module reads. */
interface ZodDefLike {
  type: string;
  innerType?: z.ZodType;
  in?: z.ZodType;
  defaultValue?: unknown;
  format?: string;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  entries?: Record<string, string | number>;
  values?: unknown[];
  getter?: () => z.ZodType;
}

// Wrappers that change whether a value may be absent or how it is produced, not its shape.
const WRAPPERS = new Set([
  'optional',
  'nullable',
  'default',
  'prefault',
  'catch',
  'readonly',
  'nonoptional',
]);

/** A schema with its wrappers peeled off. */
export interface UnwrappedSchema {
  /** The innermost schema that describes the shape (string, object, array, ...). */
  core: z.ZodType;
  def: ZodDefLike;
  /** True when an `optional()` or `default()` wrapper lets the field be left out. */
  optional: boolean;
  /** Set when a `default()` wrapper gives a value. */
  hasDefault: boolean;
  defaultValue?: unknown;
  /** Metadata merged from every layer; outer layers win. */
  meta: FieldMeta & { description?: string };
}

/** The definition object of a zod schema. */
function defOf(schema: z.ZodType): ZodDefLike {
  return (schema as unknown as { _zod: { def: ZodDefLike } })._zod.def;
}

function metaOf(schema: z.ZodType): (FieldMeta & { description?: string }) | undefined {
  const read = (schema as { meta?: () => unknown }).meta;
  const meta = typeof read === 'function' ? read.call(schema) : undefined;
  return typeof meta === 'object' && meta !== null ? (meta as FieldMeta) : undefined;
}

/** Peels optional/default/nullable/readonly/pipe/lazy layers, merging their metadata. */
export function unwrapSchema(schema: z.ZodType): UnwrappedSchema {
  const layers: Array<FieldMeta & { description?: string }> = [];
  let current = schema;
  let optional = false;
  let hasDefault = false;
  let defaultValue: unknown;
  for (let depth = 0; depth < 32; depth += 1) {
    const meta = metaOf(current);
    if (meta !== undefined) layers.push(meta);
    const def = defOf(current);
    if (def.type === 'optional') optional = true;
    if ((def.type === 'default' || def.type === 'prefault') && !hasDefault) {
      optional = true;
      hasDefault = true;
      defaultValue = def.defaultValue;
    }
    let next: z.ZodType | undefined;
    if (WRAPPERS.has(def.type)) next = def.innerType;
    else if (def.type === 'pipe') next = def.in;
    else if (def.type === 'lazy') next = def.getter?.();
    if (next === undefined) break;
    current = next;
  }
  // Outer layers were pushed first; apply inner first so outer keys override.
  const meta = Object.assign({}, ...layers.reverse()) as FieldMeta & { description?: string };
  return {
    core: current,
    def: defOf(current),
    optional,
    hasDefault,
    ...(hasDefault ? { defaultValue } : {}),
    meta,
  };
}
